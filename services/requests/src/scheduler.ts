import type { Clock, Logger, SubgraphRuntime } from '@cgov/shared';
import type { RequestsTables } from './db/schema.js';
import { RequestRepository } from './repositories/requests.js';

/**
 * Marks overdue requests without waiting for anybody to look: every `schedulerIntervalMs` the service marks the open
 * requests whose deadline passed unmet (RequestRepository.markOverdue), so that lists and every region's figures
 * count them. Several instances may run it at once: each request is marked by exactly one of them.
 */
export function startOverdueScheduler(runtime: SubgraphRuntime<RequestsTables> & { clock: Clock }): () => Promise<void> {
  const repository = new RequestRepository(runtime.db);
  const logger: Logger = runtime.logger;
  let running: Promise<void> | null = null;
  const sweep = () => {
    if (running) return;
    running = repository
      .markOverdue(runtime.clock.now())
      .then((marked) => {
        if (marked.length) logger.info({ requests: marked.length }, 'requests marked overdue');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'marking overdue requests failed; will try again'))
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
