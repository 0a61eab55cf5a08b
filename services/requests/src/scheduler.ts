import { startPeriodicSweep, type Clock, type SubgraphRuntime } from '@cgov/shared';
import type { RequestsTables } from './db/schema.js';
import { RequestRepository } from './repositories/requests.js';

/**
 * Marks overdue requests without waiting for anybody to look: every `schedulerIntervalMs` the service marks the open
 * requests whose deadline passed unmet (RequestRepository.markOverdue), so that lists and every region's figures
 * count them. Several instances may run it at once: each request is marked by exactly one of them.
 */
export function startOverdueScheduler(runtime: SubgraphRuntime<RequestsTables> & { clock: Clock }): () => Promise<void> {
  const repository = new RequestRepository(runtime.db);
  return startPeriodicSweep({
    clock: runtime.clock,
    intervalMs: runtime.config.schedulerIntervalMs,
    logger: runtime.logger,
    what: 'requests marked overdue',
    sweep: (now) => repository.markOverdue(now),
  });
}
