import { createLogger, runMain, stopOnSignals } from '@cgov/shared';
import { loadConfig } from './config.js';
import { createGateway } from './server.js';

const logger = createLogger('gateway');
runMain(logger, async () => {
  const config = loadConfig(process.env);
  logger.level = config.logLevel;
  const server = await createGateway({ config, logger });
  stopOnSignals(logger, [server.stop]);
});
