/**
 * The chaos suite (README, "Running several instances"): two instances under
 * the supervisor on a private Postgres and Redis, screens on both, orders
 * flowing, and Redis, an instance and Postgres failing in turn. Heal times are
 * printed; lost, duplicated or out-of-order events, missing orders, screens
 * that disagree with the database and instances that died fail it.
 *
 * It needs initdb/pg_ctl and redis-server. Without them the project is left
 * out and scripts/test.mjs says so; in CI (which skips nothing) it fails.
 */
import { describe, expect, it } from 'vitest';
import { missingChaosBinaries } from './binaries.mjs';
import { chaosOptions, runChaos } from './scenario';

describe('chaos: two instances under Redis, instance and Postgres failures', () => {
  it('loses nothing, repeats nothing, and every screen heals', async () => {
    const missing = missingChaosBinaries();
    if (missing.length > 0) {
      throw new Error(
        `The chaos suite needs ${missing.join(' and ')}; CI skips nothing (.ci/run installs them).`,
      );
    }
    const report = await runChaos(chaosOptions()).catch((error: unknown) => {
      throw new Error(`The chaos run broke off (logs: test-artifacts/chaos/): ${String(error)}`, {
        cause: error,
      });
    });
    console.log(report.text);
    expect(report.problems, `${report.text}\nLogs: test-artifacts/chaos/`).toEqual([]);
  });
});
