import { defineSubgraph, startSubgraph, type StartSubgraphOptions } from '@cgov/shared';
import { createContext, type RequestsContext } from './context.js';
import { tables, type RequestsTables } from './db/schema.js';
import { loadDemoData } from './demo.js';
import { resolvers } from './resolvers/index.js';
import { startOverdueScheduler } from './scheduler.js';

/** The requests subgraph as a value: SDL, resolvers, tables, migrations and demo data. No side effects. */
export const requestsSubgraph = defineSubgraph<RequestsTables, RequestsContext>(new URL('..', import.meta.url), {
  name: 'requests',
  resolvers,
  tables,
  createContext,
  loadDemoData,
  startBackground: startOverdueScheduler,
});

/** Starts the requests subgraph with a configuration (tests pass their own database, port and clock). */
export function createServer(options: StartSubgraphOptions) {
  return startSubgraph(requestsSubgraph, options);
}

/** The statements that rebuild the kept request statistics from the rows (bulk loads, and tests of what every write kept). */
export { REBUILD_REQUEST_STATS_SQL } from './repositories/stats.js';
