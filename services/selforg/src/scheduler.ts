import type { Clock, Logger, SubgraphRuntime } from '@cgov/shared';
import type { SelforgTables } from './db/schema.js';
import { GroupBuyRepository } from './repositories/groupBuys.js';

/**
 * Closes group buys at their deadline: every `schedulerIntervalMs` the service closes those whose
 * deadline has come (CONFIRMED or CANCELLED by take-up). Several instances may run it at once: each
 * group buy is closed by exactly one of them (see GroupBuyRepository.closeDue).
 */
export function startDeadlineScheduler(runtime: SubgraphRuntime<SelforgTables> & { clock: Clock }): () => Promise<void> {
  const repository = new GroupBuyRepository(runtime.db);
  const logger: Logger = runtime.logger;
  let running: Promise<void> | null = null;
  const sweep = () => {
    if (running) return;
    running = repository
      .closeDue(runtime.clock.now())
      .then((closed) => {
        for (const groupBuy of closed) logger.info({ groupBuyId: groupBuy.id, status: groupBuy.status }, 'group buy closed at its deadline');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'closing group buys at their deadline failed; will try again'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(sweep, runtime.config.schedulerIntervalMs);
  timer.unref();
  sweep();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
