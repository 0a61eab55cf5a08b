import cluster from 'node:cluster';
import { createLogger, runMain, stopOnSignals, type Logger } from '@cgov/shared';
import { loadConfig } from './config.js';
import { checkSubgraphs } from './health.js';
import { createGateway } from './server.js';
import { runWorkers } from './workers.js';

/** Resolves once every subgraph's /health answers 200; says every 10 s which it still waits for. */
async function untilSubgraphsAnswer(urls: Record<string, string>, logger: Logger, intervalMs = 500): Promise<void> {
  let told = Date.now();
  for (;;) {
    const report = await checkSubgraphs(urls);
    if (report.ok) return;
    if (Date.now() - told >= 10_000) {
      told = Date.now();
      const waiting = Object.entries(report.checks).flatMap(([name, status]) => (status === 'ok' ? [] : [name]));
      logger.info(`gateway waiting for ${waiting.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

const logger = createLogger('gateway');
runMain(logger, async () => {
  const config = loadConfig(process.env);
  logger.level = config.logLevel;
  if (config.workers > 1 && cluster.isPrimary) {
    // One gateway process per core share the port; the primary only keeps them running and stops them.
    const workers = runWorkers(config.workers, logger);
    stopOnSignals(logger, [workers.stop]);
    return;
  }
  const server = await createGateway({ config, logger });
  stopOnSignals(logger, [server.stop]);
  await untilSubgraphsAnswer(config.subgraphUrls, logger);
  logger.info('gateway ready: every subgraph answers');
});
