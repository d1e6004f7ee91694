/**
 * The test projects. Vitest 4 no longer reads a workspace file by itself:
 * vitest.config.ts imports this list into `test.projects`.
 *
 * The server's suites run once per database: always on PGlite (embedded, in
 * memory), and on real Postgres when DATABASE_URL is set. The browser suites
 * (client/e2e) drive Debian's Chromium against real servers; they run when it
 * is installed, and always in CI. The chaos suite (scripts/chaos) starts its
 * own Postgres and Redis and breaks them: it runs when their server binaries
 * are installed, and always in CI. scripts/test.mjs says loudly when a
 * backend's suites were left out.
 */
import { existsSync } from 'node:fs';
import { defineProject, type TestProjectConfiguration } from 'vitest/config';
import { missingChaosBinaries } from './scripts/chaos/binaries.mjs';

/** Where the browser suites find Chromium (client/e2e/support/chromium.ts). */
const CHROMIUM_PATH = '/usr/bin/chromium';

const serverProject = (name: string, database: 'pglite' | 'postgres') =>
  defineProject({
    test: {
      name,
      root: './server',
      // Suites that need a database: the cross-cutting ones in test/, and each
      // capability's own beside its code (*.db.test.ts).
      include: ['test/**/*.test.ts', 'src/**/*.db.test.ts'],
      environment: 'node',
      env: { TICKETRAIL_TEST_DB: database },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });

const projects: TestProjectConfiguration[] = [
  defineProject({
    test: {
      name: 'shared',
      root: './shared',
      include: ['src/**/*.test.ts'],
      environment: 'node',
    },
  }),
  defineProject({
    test: {
      name: 'server:unit',
      root: './server',
      include: ['src/**/*.test.ts'],
      exclude: ['src/**/*.db.test.ts', '**/node_modules/**'],
      environment: 'node',
      // Type-level tests: what developers rely on from the router's inferred types.
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    },
  }),
  serverProject('server:pglite', 'pglite'),
  defineProject({
    test: {
      name: 'client',
      root: './client',
      include: ['src/**/*.test.{ts,tsx}'],
      // Pure modules test in Node; component tests say `@vitest-environment jsdom`.
      environment: 'node',
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // Type-level tests: what the client infers from the router, with no copies by hand.
      typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    },
  }),
];

if (process.env.DATABASE_URL) projects.push(serverProject('server:postgres', 'postgres'));

// In CI a missing Chromium fails the run rather than skipping the suites.
if (existsSync(CHROMIUM_PATH) || process.env.CI) {
  projects.push(
    defineProject({
      test: {
        name: 'browser',
        root: './client',
        include: ['e2e/**/*.e2e.ts'],
        environment: 'node',
        // Builds the client once; every file's servers serve that build.
        globalSetup: ['./e2e/support/build-client.ts'],
        // One backend is enough here: Postgres when there is one, else PGlite.
        env: { TICKETRAIL_TEST_DB: process.env.DATABASE_URL ? 'postgres' : 'pglite' },
        // One browser at a time: each file runs a server and a Chromium.
        fileParallelism: false,
        testTimeout: 60_000,
        hookTimeout: 120_000,
      },
    }),
  );
}

// In CI missing Postgres or Redis binaries fail the chaos suite rather than skipping it.
if (missingChaosBinaries().length === 0 || process.env.CI) {
  projects.push(
    defineProject({
      test: {
        name: 'chaos',
        root: './scripts',
        include: ['chaos/**/*.test.ts'],
        environment: 'node',
        // One scenario: minutes of faults under load, each wait with its own deadline.
        testTimeout: 600_000,
        hookTimeout: 120_000,
      },
    }),
  );
}

export default projects;
