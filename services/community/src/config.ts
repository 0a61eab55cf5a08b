import { loadSubgraphConfig } from '@cgov/shared';

/** The city subgraph's configuration, read from the environment once. */
export const loadConfig = (env: Record<string, string | undefined>) => loadSubgraphConfig('community', env);
