import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['test/setup/fast-check.ts'],
    // Two workers at least, where vitest would take one on two cores: a test spends most
    // of its time waiting on DynamoDB Local, and each worker has its own
    // (`local-engines.global.ts`), so two keep both cores working (the slowest files
    // of the API project: 93 s one after another, 59 s two at a time).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'tenants', include: ['tenants/load/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'workflow',
          include: ['packages/workflow/src/**/*.test.ts'],
          globalSetup: ['test/setup/tenants.global.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'platform',
          include: ['packages/platform/src/**/*.test.ts'],
          globalSetup: ['test/setup/tenants.global.ts', 'test/setup/local-engines.global.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['infra/src/**/*.test.ts'],
          globalSetup: ['test/setup/tenants.global.ts'],
          // Each test synthesizes a whole stack (about a second, with cdk-nag).
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'store',
          include: ['packages/store/src/**/*.test.ts'],
          globalSetup: ['test/setup/local-engines.global.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: [
            'packages/api/src/**/*.test.ts',
            'packages/local/src/**/*.test.ts',
            'test/**/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, 'test/browser/**'],
          globalSetup: ['test/setup/tenants.global.ts', 'test/setup/local-engines.global.ts'],
          // Suites here start the real engines (java) and whole local stacks. A whole run
          // on two busy cores takes a test three to four times as long as alone: a test
          // of 11 s timed out at 30 s in CI.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: [
            'test/setup/chromium.global.ts',
            'test/setup/tenants.global.ts',
            'test/setup/local-engines.global.ts',
          ],
          // A walk drives chromium through many pages, each checked by axe.
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
