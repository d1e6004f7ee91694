/**
 * Generated junk over raw HTTP to every procedure of the router, against a
 * real server: no 5xx, no crash, no request left unanswered, no table
 * changed, and the server still well afterwards. Issue 10.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BATCH_CALLS } from '@ticketrail/shared';
import { appRouter } from '../../src/router';
import { inputProblems } from '../support/procedures';
import {
  expectNoInternalFailure,
  fcOptions,
  judgeHttp,
  PROPERTY_TEST_MS,
  SHRINK_LIMIT,
} from './harness';
import { batchCall, rawRequest, singleCall } from './http-cases';
import { send, type HttpCase, type HttpOutcome } from './http-client';
import { procedures, takesNoInput } from './procedures';
import { describeHttpCase } from './printing';
import { useJunkSuite } from './suite';

const junk = useJunkSuite('HTTP');

/** A junk mutation that succeeded would explain a changed table: keep it for that report. */
function noteAccepted(c: HttpCase, outcome: HttpOutcome): void {
  if (!c.mutations?.length || outcome.kind !== 'response') return;
  if (outcome.body.includes('"result":')) {
    junk.tally.acceptedMutations.push(`${describeHttpCase(c)} -> ${outcome.body.slice(0, 200)}`);
  }
}

/** Sends one case and judges the answer: the property of every test here. */
async function sendJunk(c: HttpCase): Promise<void> {
  junk.tally.runs += 1;
  junk.tally.sent += 1;
  const what = describeHttpCase(c);
  await expectNoInternalFailure(junk.server, junk.tally, what, async () => {
    const outcome = await send(junk.server.port, c);
    noteAccepted(c, outcome);
    junk.crashes.check(junk.tally);
    judgeHttp(outcome, what, junk.tally);
  });
}

describe('junk over HTTP', () => {
  it('reads every procedure, of every type, from the router', () => {
    // Guards the enumeration itself: if tRPC moved its procedures, nothing would be fuzzed.
    expect(procedures.length).toBeGreaterThanOrEqual(20);
    expect(new Set(procedures.map((p) => p.type))).toEqual(
      new Set(['query', 'mutation', 'subscription']),
    );
    // The same paths the HTTP and WebSocket handlers look calls up by (a flat map at run time).
    const served = Object.keys(appRouter._def.procedures);
    expect(procedures.map((p) => p.path).sort()).toEqual(served.sort());
  });

  it('has valid inputs to start junk from for every procedure that takes input', () => {
    // Without seeds of its own a procedure gets other procedures' inputs, which its
    // schema mostly refuses at once: its domain code would go unfuzzed.
    expect(
      inputProblems('the junk seeds (junk/procedures.ts)', Object.keys(junk.seeds), takesNoInput),
    ).toEqual([]);
  });

  it(
    'every procedure answers junk input, methods and sessions with a 4xx at worst',
    async () => {
      for (const procedure of procedures) {
        const arbitrary = fc.limitShrink(
          singleCall(procedure, junk.seeds, junk.sessions),
          SHRINK_LIMIT,
        );
        await fc.assert(fc.asyncProperty(arbitrary, sendJunk), fcOptions(25));
        // Per procedure, so a changed table names the procedure that changed it.
        await junk.expectTablesUnchanged(`junk to ${procedure.path}`);
      }
      await junk.expectAllWell('junk calls');
    },
    PROPERTY_TEST_MS,
  );

  it(
    'batches of junk calls, past the batch limit, get a 4xx at worst',
    async () => {
      const many = (count: number): HttpCase => ({
        method: 'GET',
        path: `/trpc/${Array<string>(count).fill('menu.locations').join(',')}?batch=1&input=%7B%7D`,
        headers: {},
      });
      const arbitrary = fc.limitShrink(
        batchCall(procedures, junk.seeds, junk.sessions),
        SHRINK_LIMIT,
      );
      await fc.assert(
        fc.asyncProperty(arbitrary, sendJunk),
        fcOptions(80, [[many(MAX_BATCH_CALLS + 1)], [many(200)]]),
      );
      await junk.expectAllWell('junk batches');
    },
    PROPERTY_TEST_MS,
  );

  it(
    'odd paths, methods, content types and bodies get a 4xx at worst',
    async () => {
      const request = (method: string, path: string, body?: string): [HttpCase] => [
        { method, path, headers: {}, ...(body === undefined ? {} : { body }) },
      ];
      const live = encodeURIComponent(JSON.stringify({ locationSlug: junk.fixture.main.slug }));
      // Requests that broke a version of the server (a 500, a hang, a second response
      // on one connection): sent on every run, before the generated ones.
      const examples = [
        request('GET', '/trpc/%ff'),
        request('GET', '/trpc/a%'),
        request('GET', '/trpc/nope.nothing'),
        request('GET', '//'),
        request('TRACE', '/trpc/menu.locations'),
        request('GET', '/trpc/%ff', '{'),
        request('GET', `/trpc/menu.live?input=${live}`),
      ];
      const arbitrary = fc.limitShrink(rawRequest(procedures), SHRINK_LIMIT);
      await fc.assert(fc.asyncProperty(arbitrary, sendJunk), fcOptions(150, examples));
      await junk.expectAllWell('raw junk requests');
    },
    PROPERTY_TEST_MS,
  );
});
