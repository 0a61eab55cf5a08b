import { defineSubgraph, startSubgraph, type StartSubgraphOptions } from '@cgov/shared';
import { createContext, type CommunityContext } from './context.js';
import { tables, type CommunityTables } from './db/schema.js';
import { loadDemoData } from './demo.js';
import { resolvers } from './resolvers/index.js';

/** The community subgraph as a value: SDL, resolvers, tables, migrations and demo data. No side effects. */
export const communitySubgraph = defineSubgraph<CommunityTables, CommunityContext>(new URL('..', import.meta.url), {
  name: 'community',
  resolvers,
  tables,
  createContext,
  loadDemoData,
});

/** Starts the community subgraph with a configuration (tests pass their own database, port and clock). */
export function createServer(options: StartSubgraphOptions) {
  return startSubgraph(communitySubgraph, options);
}
