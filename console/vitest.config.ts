import { defineProject } from 'vitest/config';
import { sharedResolve, sharedSsr } from '../vitest.shared.js';

/** The console's browser tests (the real platform on throwaway databases, the built console, Debian's Chromium), and unit tests of its pure parts beside them in src/. */
export default defineProject({
  resolve: sharedResolve,
  ssr: sharedSsr,
  test: {
    name: 'console',
    include: ['e2e/**/*.e2e.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for what a click did to reach the API (the browser, the gateway, a subgraph, its database):
    // vitest's default second is a timing bet that embedded PostgreSQL on a loaded CI machine lost (a re-dispatch
    // still on its way after 1 s). Ten seconds; the expected values are unchanged, and a test that never gets its
    // value still fails.
    expect: { poll: { timeout: 10_000 } },
  },
});
