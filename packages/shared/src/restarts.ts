/** How long a process that keeps dying waits before it is started again (npm start's supervisor, the gateway's workers). */
export const RESTART_BACKOFF = {
  /** The wait before the first restart, in ms; it doubles with each restart in a row. */
  initialDelayMs: 1000,
  /** The longest wait between restarts, in ms. */
  maxDelayMs: 30_000,
  /** A process that ran at least this long (ms) before it died starts over at `initialDelayMs`. */
  resetAfterMs: 60_000,
};

/** The wait before restart number `restartsInARow` (0 for the first): initial × 2^n, at most max (ms). */
export function backoffDelay(restartsInARow: number, initialDelayMs = RESTART_BACKOFF.initialDelayMs, maxDelayMs = RESTART_BACKOFF.maxDelayMs): number {
  return Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(restartsInARow, 30));
}

/** How a child ended, in words: "exit 1", "signal SIGKILL". */
export function exitReason(code: number | null, signal: NodeJS.Signals | string | null): string {
  return signal ? `signal ${signal}` : `exit ${code}`;
}
