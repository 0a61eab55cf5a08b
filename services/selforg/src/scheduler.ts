import { startPeriodicSweep, type Clock, type SubgraphRuntime } from '@cgov/shared';
import type { SelforgTables } from './db/schema.js';
import { GroupBuyRepository } from './repositories/groupBuys.js';

/**
 * Closes group buys at their deadline: every `schedulerIntervalMs` the service closes those whose
 * deadline has come (CONFIRMED or CANCELLED by take-up). Several instances may run it at once: each
 * group buy is closed by exactly one of them (see GroupBuyRepository.closeDue).
 */
export function startDeadlineScheduler(runtime: SubgraphRuntime<SelforgTables> & { clock: Clock }): () => Promise<void> {
  const repository = new GroupBuyRepository(runtime.db);
  return startPeriodicSweep({
    clock: runtime.clock,
    intervalMs: runtime.config.schedulerIntervalMs,
    logger: runtime.logger,
    what: 'group buy closed at its deadline',
    sweep: (now) => repository.closeDue(now),
    describe: (groupBuy) => ({ groupBuyId: groupBuy.id, status: groupBuy.status }),
  });
}
