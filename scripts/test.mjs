// `npm test`: everything that checks the project, from a fresh clone.
// Suites that need a real Postgres or Redis run when DATABASE_URL / REDIS_URL
// are set; when they are not, this says so loudly instead of passing quietly.
// The browser suites need Debian's Chromium: skipped loudly without it, except
// in CI, where a missing browser fails the run. So does the chaos suite
// without the Postgres and Redis server binaries it runs privately.
import { existsSync } from 'node:fs';
import { missingChaosBinaries } from './chaos/binaries.mjs';
import { pnpmOrExit, step, warn } from './lib/run.mjs';

// The same path as vitest.workspace.ts and client/e2e/support/chromium.ts.
const CHROMIUM_PATH = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium && process.env.CI) {
  console.error(
    `\n✗ The browser suites need Chromium at ${CHROMIUM_PATH}, and CI skips nothing ` +
      '(.ci/run installs it: apt-get install chromium).',
  );
  process.exit(1);
}

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
if (!hasChromium)
  skipped.push(
    `browser — the end-to-end suites in Chromium (install it: apt-get install chromium → ${CHROMIUM_PATH})`,
  );
const missingForChaos = missingChaosBinaries();
if (missingForChaos.length > 0 && !process.env.CI)
  skipped.push(
    `chaos — Redis, instance and Postgres failures under load (install ${missingForChaos.join(' and ')})`,
  );

step('Unit and integration tests (Vitest)');
await pnpmOrExit(['exec', 'vitest', 'run'], 'The tests');

if (skipped.length > 0) {
  warn(['SKIPPED SUITES — these did not run:', ...skipped.map((suite) => `  • ${suite}`)]);
} else {
  console.log(
    '\n✓ Every suite ran: PGlite and real Postgres, the memory bus and Redis, Chromium, and chaos.',
  );
}
