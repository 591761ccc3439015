import { configDefaults, defineConfig } from 'vitest/config';

// Three projects: the unit and server tests, then the browser tests (tests/browser) on their own,
// then the cluster tests (tests/cluster).
// A browser test runs a server and up to six Chromium pages: on a 2-core machine it gets the
// machine to itself (a later group, one file at a time), so its timing does not depend on what
// else happens to run.
export default defineConfig({
  // The path aliases (@shared/*, @server/*, @client/*) come from tsconfig.base.json.
  resolve: { tsconfigPaths: true },
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/browser/**', 'tests/cluster/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/globalSetup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // Two server processes, nginx, Redis and PostgreSQL on fixed ports (deploy/nginx.conf):
        // last, one file at a time.
        test: {
          name: 'cluster',
          include: ['tests/cluster/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
