// `pnpm bench`: the fan-out benchmark (scripts/bench/fanout.ts) on Postgres and
// Redis — DATABASE_URL and REDIS_URL, or the local defaults. It creates and
// drops its own database (ticketrail_bench); arguments pass through, e.g.
// `pnpm bench --tiers 1000 --seconds 5`.
import { pnpmOrExit, run, ROOT, step } from './lib/run.mjs';

step('Installing dependencies (pnpm)');
await pnpmOrExit(['install', '--frozen-lockfile'], 'Installing dependencies');

step('Fan-out: Ticketrail vs raw ws + ioredis');
process.exit(
  await run(process.execPath, ['--import', 'tsx', 'bench/fanout.ts', ...process.argv.slice(2)], {
    cwd: `${ROOT}scripts`,
  }),
);
