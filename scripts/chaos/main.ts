/**
 * `pnpm chaos`: the chaos scenario outside the test runner, as big as the
 * environment says (CHAOS_RATE orders/s, CHAOS_ORDERS at least, CHAOS_GUESTS,
 * CHAOS_KITCHEN_SCREENS per instance, CHAOS_REDIS_OUTAGES, …: scenario.ts).
 * Exit code 1 when a check failed.
 */
import { missingChaosBinaries } from './binaries.mjs';
import { chaosOptions, runChaos } from './scenario';

const missing = missingChaosBinaries();
if (missing.length > 0) {
  console.error(`pnpm chaos needs ${missing.join(' and ')}.`);
  process.exit(2);
}
const report = await runChaos({
  ...chaosOptions({
    CHAOS_RATE: '10',
    CHAOS_ORDERS: '600',
    CHAOS_GUESTS: '60',
    CHAOS_KITCHEN_SCREENS: '2',
    ...process.env,
  }),
});
console.log(report.text);
console.log('Logs of the run: test-artifacts/chaos/');
process.exit(report.problems.length === 0 ? 0 : 1);
