/**
 * One junk file's life: the test database (fixture reset before each test),
 * a real server for the whole file, and before each test a placed order,
 * real staff sessions and a snapshot of every table. At the end, the file's
 * summary. Every test ends with `expectAllWell`.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { backend } from '../support/database';
import { useTestDatabase } from '../support/setup';
import { snapshotTables, type DatabaseState } from './db-state';
import {
  CrashWatch,
  expectServerWell,
  expectSocketWell,
  expectTablesUnchanged,
  internalLogLines,
  signIn,
  startJunkServer,
  type JunkServer,
} from './harness';
import { buildWorld, seedsFor, type Sessions } from './procedures';
import { Tally } from './tally';

export function useJunkSuite(transport: string) {
  const t = useTestDatabase();
  const tally = new Tally(`${transport} (${backend})`);
  const crashes = new CrashWatch();
  const startedAt = Date.now();
  const state = {} as {
    server: JunkServer;
    seeds: Record<string, unknown[]>;
    sessions: Sessions;
    before: DatabaseState;
    /** Internal-failure log lines before this test: the test answers for those after. */
    logsBefore: number;
  };

  beforeAll(async () => {
    crashes.start();
    state.server = await startJunkServer(t.db);
  });

  beforeEach(async () => {
    state.seeds = seedsFor(await buildWorld(t.db, t.fixture));
    state.sessions = await signIn(state.server, t.fixture);
    state.before = await snapshotTables(t.db);
    state.logsBefore = internalLogLines(state.server.logs).length;
  });

  afterAll(async () => {
    crashes.stop();
    if (!state.server) return;
    const internal = internalLogLines(state.server.logs);
    tally.internalLogs = internal.length;
    console.log(tally.summary((Date.now() - startedAt) / 1000));
    for (const line of internal.slice(0, 5)) console.log(line.slice(0, 400));
    await state.server.running.close();
  });

  return {
    tally,
    crashes,
    get server() {
      return state.server;
    },
    get seeds() {
      return state.seeds;
    },
    get sessions() {
      return state.sessions;
    },
    get fixture() {
      return t.fixture;
    },
    /** No table changed since the test began; `what` names the junk in the failure. */
    expectTablesUnchanged: (what: string) => expectTablesUnchanged(t.db, state.before, tally, what),
    /** No crash, no internal failure logged, the server answers, no table changed. */
    async expectAllWell(what: string): Promise<void> {
      crashes.check(tally);
      const internal = internalLogLines(state.server.logs).slice(state.logsBefore);
      if (internal.length > 0) {
        throw new Error(
          `The server logged internal failures during ${what}:\n${internal.join('\n')}`,
        );
      }
      await expectServerWell(state.server, t.fixture.main.slug);
      await expectSocketWell(state.server);
      await expectTablesUnchanged(t.db, state.before, tally, what);
    },
  };
}
