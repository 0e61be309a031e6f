// Three projects (Vitest 5 `test.projects`): fast unit tests; checks over the built site in
// dist/; end-to-end tests in a real Chromium. `npm test` (scripts/test.mjs) builds the site and
// finds a browser first; build and e2e tests fail, never skip, when either is missing.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/lib/**/*.test.ts', 'test/components/**/*.test.ts', 'test/content/**/*.test.ts', 'test/src/**/*.test.ts', 'test/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000, // pipeline tests run `astro build` on fixtures
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false, // one Chromium at a time: the machines have 2 vCPUs
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
