/**
 * Generated junk over raw WebSocket frames to /trpc and /trpc?connectionParams=1,
 * against a real server: no crash, no INTERNAL_SERVER_ERROR, every socket
 * answered or closed in time, no table changed, the server well afterwards.
 * Issue 10; the first frames that killed the server are tried first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectNoInternalFailure, fcOptions, PROPERTY_TEST_MS, SHRINK_LIMIT } from './harness';
import { procedures } from './procedures';
import { useJunkSuite } from './suite';
import { openSocket, WS_DEADLINE_MS } from './ws-client';
import {
  firstFrameCases,
  paramsCase,
  plainCase,
  procedureCase,
  runWsCase,
  type WsCase,
} from './ws-cases';
import { CRASH_FIRST_FRAMES } from './ws-frames';

const junk = useJunkSuite('WebSocket');

const run = (c: WsCase) =>
  expectNoInternalFailure(junk.server, junk.tally, fc.stringify(c), () =>
    runWsCase(c, junk.server, junk.tally, junk.crashes),
  );

describe('junk over WebSocket', () => {
  it.each(CRASH_FIRST_FRAMES)(
    'a first frame %s on ?connectionParams=1 gets an error and a closed socket, not a crash',
    async (name, frame) => {
      const url = `ws://127.0.0.1:${junk.server.port}/trpc?connectionParams=1`;
      const opened = await openSocket(url, junk.tally);
      if ('refused' in opened) throw new Error(`The upgrade was refused: ${opened.refused}`);
      const { session } = opened;
      session.send(frame);
      // The refusal, then the close; a crash ends the wait at once.
      const deadline = Date.now() + WS_DEADLINE_MS;
      while (!session.closed && junk.crashes.seen.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const closedByServer = session.closed;
      await session.close();
      junk.crashes.check(junk.tally);
      expect(session.violations).toEqual([]);
      expect(session.errorCodes.length, 'an error says why').toBeGreaterThan(0);
      expect(closedByServer, 'the server closes the socket').not.toBeNull();
      await junk.expectAllWell(`the first frame ${name}`);
    },
  );

  it(
    'junk frames on a plain socket: answered with errors, never a crash',
    async () => {
      const arbitrary = fc.limitShrink(plainCase(procedures, junk.seeds), SHRINK_LIMIT);
      await fc.assert(fc.asyncProperty(arbitrary, run), fcOptions(100));
      await junk.expectAllWell('junk frames');
    },
    PROPERTY_TEST_MS,
  );

  it(
    'junk first frames on ?connectionParams=1, and junk after a real sign-in',
    async () => {
      const examples = firstFrameCases(CRASH_FIRST_FRAMES.map(([, frame]) => frame));
      const arbitrary = fc.limitShrink(
        paramsCase(procedures, junk.seeds, junk.sessions),
        SHRINK_LIMIT,
      );
      await fc.assert(fc.asyncProperty(arbitrary, run), fcOptions(80, examples));
      await junk.expectAllWell('junk connectionParams');
    },
    PROPERTY_TEST_MS,
  );

  it(
    'every procedure answers junk calls over WebSocket without an internal error',
    async () => {
      for (const procedure of procedures) {
        const arbitrary = fc.limitShrink(
          procedureCase(procedure, junk.seeds, junk.sessions),
          SHRINK_LIMIT,
        );
        await fc.assert(fc.asyncProperty(arbitrary, run), fcOptions(12));
        await junk.expectTablesUnchanged(`junk to ${procedure.path} over WebSocket`);
      }
      await junk.expectAllWell('junk calls over WebSocket');
    },
    PROPERTY_TEST_MS,
  );
});
