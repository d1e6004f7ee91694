/**
 * The test projects. Vitest 4 no longer reads a workspace file by itself:
 * vitest.config.ts imports this list into `test.projects`.
 *
 * The server's suites run once per database: always on PGlite (embedded, in
 * memory), and on real Postgres when DATABASE_URL is set. scripts/test.mjs says
 * loudly when a backend's suites were left out.
 */
import { defineProject, type TestProjectConfiguration } from 'vitest/config';

const serverProject = (name: string, database: 'pglite' | 'postgres') =>
  defineProject({
    test: {
      name,
      root: './server',
      include: ['test/**/*.test.ts'],
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

export default projects;
