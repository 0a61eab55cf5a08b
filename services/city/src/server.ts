import { defineSubgraph, startSubgraph, type StartSubgraphOptions } from '@cgov/shared';
import { createContext, type CityContext } from './context.js';
import { tables, type CityTables } from './db/schema.js';
import { loadDemoData } from './demo.js';
import { resolvers } from './resolvers/index.js';

/** The city subgraph as a value: SDL, resolvers, tables, migrations and demo data. No side effects. */
export const citySubgraph = defineSubgraph<CityTables, CityContext>(new URL('..', import.meta.url), {
  name: 'city',
  resolvers,
  tables,
  createContext,
  loadDemoData,
});

/** Starts the city subgraph with a configuration (tests pass their own database, port and clock). */
export function createServer(options: StartSubgraphOptions) {
  return startSubgraph(citySubgraph, options);
}
