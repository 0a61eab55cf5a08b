import { defineProject } from 'vitest/config';
import { sharedResolve, sharedSsr } from '../../vitest.shared.js';

export default defineProject({
  resolve: sharedResolve,
  ssr: sharedSsr,
  test: { name: 'requests', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});
