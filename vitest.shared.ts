import { createRequire } from 'node:module';
import type { ViteUserConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * What every workspace's tests resolve alike: workspace packages from their TypeScript source, and one
 * graphql module (the CommonJS build that @apollo/* require), so schemas never cross two graphql copies.
 */
export const sharedResolve: ViteUserConfig['resolve'] = {
  conditions: ['source'],
  alias: { graphql: require.resolve('graphql') },
};

/** The same conditions for the server-side (Node) environment that tests run in. */
export const sharedSsr: ViteUserConfig['ssr'] = {
  resolve: { conditions: ['source'] },
};
