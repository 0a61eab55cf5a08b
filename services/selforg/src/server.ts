import { startSubgraph, readTypeDefs, type StartSubgraphOptions, type SubgraphDefinition } from '@cgov/shared';
import { fileURLToPath } from 'node:url';
import { createContext, type SelforgContext } from './context.js';
import { tables, type SelforgTables } from './db/schema.js';
import { loadDemoData } from './demo.js';
import { resolvers } from './resolvers/index.js';

/** The selforg subgraph as a value: SDL, resolvers, tables, migrations and demo data. No side effects. */
export const selforgSubgraph: SubgraphDefinition<SelforgTables, SelforgContext> = {
  name: 'selforg',
  typeDefs: readTypeDefs(new URL('../schema.graphql', import.meta.url)),
  resolvers,
  tables,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  createContext,
  loadDemoData,
};

/** Starts the selforg subgraph with a configuration (tests pass their own database, port and clock). */
export function createServer(options: StartSubgraphOptions) {
  return startSubgraph(selforgSubgraph, options);
}
