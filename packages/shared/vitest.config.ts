import { defineProject } from 'vitest/config';
import { sharedResolve, sharedSsr } from '../../vitest.shared.js';

export default defineProject({
  resolve: sharedResolve,
  ssr: sharedSsr,
  test: { name: 'shared', include: ['test/**/*.test.ts'] },
});
