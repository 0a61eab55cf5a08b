import cluster, { type Worker } from 'node:cluster';
import { backoffDelay, exitReason, RESTART_BACKOFF, type Logger } from '@cgov/shared';

/** Gateway worker processes sharing the port, kept running by the primary. */
export interface Workers {
  /** Stops every worker (SIGTERM) and starts none again; resolves when all have exited. */
  stop(): Promise<void>;
}

/**
 * Forks `count` gateway workers (node cluster) and keeps them running: a worker that dies is forked again
 * after a back-off (1 s, doubling while workers keep dying, at most 30 s; RESTART_BACKOFF), logged with the
 * exit reason, while the others keep serving the port. Called in the primary process only.
 */
export function runWorkers(count: number, logger: Logger): Workers {
  let stopping = false;
  let inARow = 0;
  const started = new Map<Worker, number>();
  const fork = () => started.set(cluster.fork(), Date.now());
  cluster.on('exit', (worker, code, signal) => {
    const ranMs = Date.now() - (started.get(worker) ?? Date.now());
    started.delete(worker);
    if (stopping) return;
    if (ranMs >= RESTART_BACKOFF.resetAfterMs) inARow = 0;
    const delayMs = backoffDelay(inARow);
    inARow += 1;
    logger.warn({ pid: worker.process.pid, reason: exitReason(code, signal), ranMs, delayMs }, 'gateway worker stopped unexpectedly; starting another, the others keep serving');
    setTimeout(() => {
      if (!stopping) fork();
    }, delayMs).unref();
  });
  for (let i = 0; i < count; i += 1) fork();
  logger.info({ workers: count }, 'gateway workers started');
  const stopWorker = (worker: Worker) =>
    new Promise<void>((resolve) => {
      if (worker.isDead()) return resolve();
      worker.once('exit', () => resolve());
      worker.kill('SIGTERM');
    });
  return {
    async stop() {
      stopping = true;
      await Promise.all([...started.keys()].map(stopWorker));
    },
  };
}
