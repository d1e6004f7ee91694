// `npm test`: everything that checks the project, from a fresh clone.
// Suites that need a real Postgres or Redis run when DATABASE_URL / REDIS_URL
// are set; when they are not, this says so loudly instead of passing quietly.
import { pnpmOrExit, step, warn } from './lib/run.mjs';

step('Installing dependencies (pnpm)');
await pnpmOrExit(['install', '--frozen-lockfile'], 'Installing dependencies');

step('Type-checking server, client and shared');
await pnpmOrExit(['typecheck'], 'Type-checking');

step('Linting');
await pnpmOrExit(['lint'], 'Linting');

step('Checking formatting');
await pnpmOrExit(['format:check'], 'The formatting check (run `pnpm format` to fix)');

const skipped = [];
if (!process.env.DATABASE_URL)
  skipped.push('server:postgres — the domain suites on real Postgres (set DATABASE_URL)');

step('Unit and integration tests (Vitest)');
await pnpmOrExit(['exec', 'vitest', 'run'], 'The tests');

if (skipped.length > 0) {
  warn(['SKIPPED SUITES — these did not run:', ...skipped.map((suite) => `  • ${suite}`)]);
} else {
  console.log('\n✓ Every suite ran: PGlite and real Postgres, the memory bus and Redis.');
}
