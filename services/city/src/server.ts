import { startSubgraph, readTypeDefs, type StartSubgraphOptions, type SubgraphDefinition } from '@cgov/shared';
import { fileURLToPath } from 'node:url';
import { createContext, type CityContext } from './context.js';
import { tables, type CityTables } from './db/schema.js';
import { loadDemoData } from './demo.js';
import { resolvers } from './resolvers/index.js';

/** The city subgraph as a value: SDL, resolvers, tables, migrations and demo data. No side effects. */
export const citySubgraph: SubgraphDefinition<CityTables, CityContext> = {
  name: 'city',
  typeDefs: readTypeDefs(new URL('../schema.graphql', import.meta.url)),
  resolvers,
  tables,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  createContext,
  loadDemoData,
};

/** Starts the city subgraph with a configuration (tests pass their own database, port and clock). */
export function createServer(options: StartSubgraphOptions) {
  return startSubgraph(citySubgraph, options);
}
