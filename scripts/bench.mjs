// `pnpm bench`: the benchmarks on Postgres and Redis — DATABASE_URL and
// REDIS_URL, or the local defaults. Each creates and drops its own database.
//
//   pnpm bench                      all three: fan-out, guest checkout, guest load
//   pnpm bench fanout [args]        scripts/bench/fanout.ts, e.g. --tiers 1000 --seconds 5
//   pnpm bench checkout [args]      scripts/bench/checkout.ts, e.g. --tiers 1,8 --seconds 2
//   pnpm bench guest-load [args]    scripts/bench/guest-load.ts, e.g. --latency 2000 --kbs 50;
//                                   needs Chromium (/usr/bin/chromium), not Postgres or Redis
//   pnpm bench --tiers 1000 ...     arguments without a name go to the fan-out
//                                   benchmark, as they always have (the two
//                                   read --tiers differently)
import { pnpmOrExit, run, ROOT, step } from './lib/run.mjs';

const BENCHMARKS = {
  fanout: { title: 'Fan-out: Ticketrail vs raw ws + ioredis', file: 'bench/fanout.ts' },
  checkout: { title: 'Guest checkout: menu, quote, place; retry storm', file: 'bench/checkout.ts' },
  'guest-load': {
    title: 'Guest load: the menu page on a weak phone signal',
    file: 'bench/guest-load.ts',
  },
};

const [first, ...rest] = process.argv.slice(2);
let chosen;
let args;
if (first === undefined) {
  chosen = ['fanout', 'checkout', 'guest-load'];
  args = [];
} else if (Object.hasOwn(BENCHMARKS, first)) {
  chosen = [first];
  args = rest;
} else if (first.startsWith('-')) {
  chosen = ['fanout'];
  args = process.argv.slice(2);
} else {
  console.error(
    `Unknown benchmark "${first}". Use: pnpm bench [${Object.keys(BENCHMARKS).join(' | ')}] [args]`,
  );
  process.exit(2);
}

step('Installing dependencies (pnpm)');
await pnpmOrExit(['install', '--frozen-lockfile'], 'Installing dependencies');

const failed = [];
for (const name of chosen) {
  const { title, file } = BENCHMARKS[name];
  step(title);
  const code = await run(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: `${ROOT}scripts`,
  });
  if (code !== 0) failed.push(`${name} (exit ${code})`);
}
// One failing benchmark does not skip the next, but it does fail the command.
if (failed.length > 0) console.error(`\n✗ Failed: ${failed.join(', ')}`);
process.exit(failed.length > 0 ? 1 : 0);
