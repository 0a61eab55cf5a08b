import { loadSubgraphConfig } from '@cgov/shared';

/** The requests subgraph's configuration, read from the environment once. */
export const loadConfig = (env: Record<string, string | undefined>) => loadSubgraphConfig('requests', env);
