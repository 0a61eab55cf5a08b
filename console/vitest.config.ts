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
  },
});
