import type { Clock } from './dates.js';
import type { Logger } from './logger.js';

/**
 * Runs `sweep(now)` at once and then every `intervalMs` (never two at a time in one process), logging what it did
 * and any failure, which the next round retries: a service's background scheduler. Returns a stop function that
 * waits for a sweep under way. Several processes may sweep at once: `sweep` must be safe for that (SKIP LOCKED).
 */
export function startPeriodicSweep<T>(options: {
  clock: Clock;
  intervalMs: number;
  logger: Logger;
  /** What the sweep does, for the logs: "marking overdue requests". */
  what: string;
  sweep: (now: Date) => Promise<T[]>;
  /** Logs each thing swept (a group buy closed) or, when absent, how many. */
  describe?: (item: T) => Record<string, unknown>;
}): () => Promise<void> {
  const { clock, logger, what } = options;
  let running: Promise<void> | null = null;
  const sweep = () => {
    if (running) return;
    running = options
      .sweep(clock.now())
      .then((items) => {
        if (options.describe) for (const item of items) logger.info(options.describe(item), what);
        else if (items.length) logger.info({ count: items.length }, what);
      })
      .catch((error: unknown) => logger.error({ err: error }, `${what} failed; will try again`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(sweep, options.intervalMs);
  timer.unref();
  sweep();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
