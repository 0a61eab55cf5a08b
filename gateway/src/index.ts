import cluster, { type Worker } from 'node:cluster';
import { createLogger, runMain, stopOnSignals } from '@cgov/shared';
import { loadConfig } from './config.js';
import { createGateway } from './server.js';

const logger = createLogger('gateway');
runMain(logger, async () => {
  const config = loadConfig(process.env);
  logger.level = config.logLevel;
  if (config.workers > 1 && cluster.isPrimary) {
    // One gateway process per core share the port; the primary only keeps them running and stops them.
    const workers = Array.from({ length: config.workers }, () => cluster.fork());
    logger.info({ workers: workers.length }, 'gateway workers started');
    const stopWorker = (worker: Worker) =>
      new Promise<void>((resolve) => {
        if (worker.isDead()) return resolve();
        worker.once('exit', () => resolve());
        worker.kill('SIGTERM');
      });
    stopOnSignals(logger, [async () => void (await Promise.all(workers.map(stopWorker)))]);
    return;
  }
  const server = await createGateway({ config, logger });
  stopOnSignals(logger, [server.stop]);
});
