import { startSubgraph, readTypeDefs, type StartSubgraphOptions, type SubgraphDefinition } from '@cgov/shared';
import { fileURLToPath } from 'node:url';
import { createContext, type CommunityContext } from './context.js';
import { tables, type CommunityTables } from './db/schema.js';
import { loadDemoData } from './demo.js';
import { resolvers } from './resolvers/index.js';

/** The community subgraph as a value: SDL, resolvers, tables, migrations and demo data. No side effects. */
export const communitySubgraph: SubgraphDefinition<CommunityTables, CommunityContext> = {
  name: 'community',
  typeDefs: readTypeDefs(new URL('../schema.graphql', import.meta.url)),
  resolvers,
  tables,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  createContext,
  loadDemoData,
};

/** Starts the community subgraph with a configuration (tests pass their own database, port and clock). */
export function createServer(options: StartSubgraphOptions) {
  return startSubgraph(communitySubgraph, options);
}
