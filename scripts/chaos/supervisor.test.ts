/**
 * scripts/cluster.mjs gives up on an instance that cannot start: five exits
 * before it was ever ready, within a minute, with the backoff doubling between
 * them, stop everything with exit code 1. (Restarting after a crash and the
 * graceful stop are exercised by chaos.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster';
import { freePortRange } from './services';
import { waitFor } from './wait';

describe('the supervisor', () => {
  it('gives up with exit code 1 on an instance that keeps dying at start-up', async () => {
    const cluster = Cluster.start({
      count: 2,
      basePort: await freePortRange(2),
      // Nothing listens on port 1: every start fails while connecting.
      env: {
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
        REDIS_URL: 'redis://127.0.0.1:1',
      },
    });
    try {
      await waitFor(
        'the supervisor to give up',
        () => cluster.supervisorExit !== null,
        60_000,
        100,
      );
      expect(cluster.supervisorExit).toEqual({ code: 1, signal: null });
      const [first] = cluster.ports;
      const starts = cluster.events.filter((e) => e.kind === 'started');
      expect(starts.map((e) => e.port)).toEqual([first, first, first, first, first]);
      expect(cluster.unexpectedExits().map((e) => e.next)).toEqual([
        'restarting in 0.5 s',
        'restarting in 1 s',
        'restarting in 2 s',
        'restarting in 4 s',
        'giving up: 5 failed starts within a minute',
      ]);
      expect(cluster.lines.join('\n')).toContain('keeps dying before it is ready');
    } finally {
      await cluster.stop();
    }
  }, 90_000);
});
