// Keeps child processes running: one that dies is started again after a back-off, the others keep serving.
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { backoffDelay, exitReason, RESTART_BACKOFF } from '@cgov/shared';

/** A process to keep running. */
export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface SupervisorOptions {
  /** The wait before the first restart, in ms; it doubles with each restart in a row (default 1,000). */
  initialDelayMs?: number;
  /** The longest wait between restarts, in ms (default 30,000). */
  maxDelayMs?: number;
  /** A process that ran at least this long (ms) before it died is restarted after `initialDelayMs` again (default 60,000). */
  resetAfterMs?: number;
  /** Each line a child writes (stdout and stderr). */
  onLine?: (name: string, line: string) => void;
  /** The supervisor's own account: restarts with the exit reason and the delay. */
  log?: (name: string, message: string) => void;
  /** The ms to wait for a child to stop on SIGTERM before SIGKILL (default 10,000). */
  killAfterMs?: number;
}

/** One supervised process: its current child (absent while waiting to restart), and how many restarts so far. */
export interface Supervised {
  readonly name: string;
  readonly child: ChildProcess | undefined;
  readonly restarts: number;
}

export interface Supervisor {
  readonly processes: readonly Supervised[];
  /** Stops every child (SIGTERM, then SIGKILL after `killAfterMs`) and restarts none; resolves when all have exited. */
  stop(): Promise<void>;
}

/** A duration for a person: "250 ms", "4.0 s". */
function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Starts every process and keeps each running until `stop()`: a child that exits is started again with exponential back-off. */
export function supervise(specs: readonly ProcessSpec[], options: SupervisorOptions = {}): Supervisor {
  const initialDelayMs = options.initialDelayMs ?? RESTART_BACKOFF.initialDelayMs;
  const maxDelayMs = options.maxDelayMs ?? RESTART_BACKOFF.maxDelayMs;
  const resetAfterMs = options.resetAfterMs ?? RESTART_BACKOFF.resetAfterMs;
  const killAfterMs = options.killAfterMs ?? 10_000;
  const log = options.log ?? ((name, message) => console.error(`[${name}] ${message}`));
  let stopping = false;

  const processes = specs.map((spec) => {
    const state = { name: spec.name, child: undefined as ChildProcess | undefined, restarts: 0, inARow: 0, timer: undefined as NodeJS.Timeout | undefined };
    const launch = () => {
      state.timer = undefined;
      const started = Date.now();
      const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
      state.child = child;
      for (const stream of [child.stdout, child.stderr]) {
        readline.createInterface({ input: stream }).on('line', (line) => options.onLine?.(spec.name, line));
      }
      child.once('error', (error) => log(spec.name, `could not be started: ${error.message}`));
      child.once('close', (code, signal) => {
        state.child = undefined;
        if (stopping) return;
        const ranMs = Date.now() - started;
        if (ranMs >= resetAfterMs) state.inARow = 0;
        const delay = backoffDelay(state.inARow, initialDelayMs, maxDelayMs);
        state.inARow += 1;
        state.restarts += 1;
        log(
          spec.name,
          `stopped unexpectedly (${exitReason(code, signal)}) after ${duration(ranMs)}; restarting in ${duration(delay)} (restart ${state.restarts}). The other services keep serving.`,
        );
        state.timer = setTimeout(launch, delay);
      });
    };
    launch();
    return state;
  });

  const stopOne = (state: (typeof processes)[number]) =>
    new Promise<void>((resolve) => {
      if (state.timer) clearTimeout(state.timer);
      const child = state.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      child.once('close', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });

  return {
    processes,
    async stop() {
      stopping = true;
      await Promise.all(processes.map(stopOne));
    },
  };
}
