import { defineSubgraph, startSubgraph, type StartSubgraphOptions } from '@cgov/shared';
import { createContext, type SelforgContext } from './context.js';
import { tables, type SelforgTables } from './db/schema.js';
import { loadDemoData } from './demo.js';
import { resolvers } from './resolvers/index.js';
import { startDeadlineScheduler } from './scheduler.js';

/** The selforg subgraph as a value: SDL, resolvers, tables, migrations and demo data. No side effects. */
export const selforgSubgraph = defineSubgraph<SelforgTables, SelforgContext>(new URL('..', import.meta.url), {
  name: 'selforg',
  resolvers,
  tables,
  createContext,
  loadDemoData,
  startBackground: startDeadlineScheduler,
});

/** Starts the selforg subgraph with a configuration (tests pass their own database, port and clock). */
export function createServer(options: StartSubgraphOptions) {
  return startSubgraph(selforgSubgraph, options);
}
