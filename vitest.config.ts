import { defineConfig } from 'vitest/config';

/** One run over every workspace, so that `npm test` ends with one summary. */
export default defineConfig({
  test: {
    projects: ['packages/*', 'services/*', 'gateway', 'schema', 'scripts', 'console'],
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
