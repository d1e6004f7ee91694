/**
 * WebSocket frames made of junk: text, JSON, binary, broken UTF-8 and
 * oversized frames, tRPC messages with junk ids, methods, paths and inputs,
 * batches, subscription start/stop pairs, and junk first frames for a socket
 * that promised connectionParams.
 */
import fc from 'fast-check';
import type { Frame } from './ws-client';
import { inputFor, inputValue, junkValue, unicodeText } from './junk-values';
import { actsWithoutInput, seedsOf, type Procedure } from './procedures';

const text = (value: string): Frame => ({ kind: 'text', text: value });
const json = (value: unknown): Frame => text(JSON.stringify(value) ?? 'undefined');

/**
 * The first frames that killed the server (issue 10): thrown outside any
 * handler on a `?connectionParams=1` socket. Always tried first.
 */
export const CRASH_FIRST_FRAMES: readonly [name: string, frame: Frame][] = [
  ['{}', text('{}')],
  ['null', text('null')],
  ['5', text('5')],
  [
    'connectionParams with a number token',
    text('{"method":"connectionParams","data":{"token":1}}'),
  ],
  [
    'a normal query',
    json({ id: 1, method: 'query', params: { path: 'menu.locations', input: undefined } }),
  ],
];

const junkId = fc.oneof(
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(null, -1, 1.5, 2 ** 53 + 2, 1e308, '', '__proto__', 'constructor', 'probe-0'),
  junkValue,
);

const junkMethod = fc.oneof(
  fc.constantFrom('query', 'mutation', 'subscription', 'subscription.stop'),
  fc.constantFrom('connectionParams', 'reconnect', 'QUERY', '', '__proto__'),
  fc.string({ maxLength: 20 }),
);

const junkPath = fc.constantFrom(
  '',
  '__proto__',
  'menu',
  'menu.',
  'toString',
  'a.b.c.d',
  'menu.get.x',
);

/** Mostly what the protocol expects, so that most messages get past parsing to the procedure. */
const mostly = <T>(usual: fc.Arbitrary<T>, junk: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: usual, weight: 9 }, junk);

/** A message to `procedure` (or, sometimes, to a junk path) with junk here and there. */
function message(procedure: Procedure, seeds: Record<string, unknown[]>): fc.Arbitrary<unknown> {
  const params = fc.record(
    {
      path: mostly(fc.constant(procedure.path), fc.oneof(fc.string({ maxLength: 30 }), junkPath)),
      input: inputFor(procedure, seedsOf(seeds, procedure.path)).map(inputValue),
      lastEventId: fc.oneof(fc.stringMatching(/^\d{1,16}$/), fc.string(), junkValue),
    },
    { requiredKeys: ['path', 'input'] },
  );
  return fc.record(
    {
      id: mostly(fc.nat(), junkId),
      jsonrpc: mostly(fc.constant('2.0'), fc.constantFrom('1.0', 2, null)),
      method: mostly(fc.constant(procedure.type), junkMethod),
      params: mostly(params, junkValue),
    },
    { requiredKeys: ['id', 'method', 'params'] },
  );
}

/** Procedures a socket may call: with a real session, none that acts on any input. */
export const callable = (procedures: readonly Procedure[], withSession: boolean) =>
  procedures.filter((procedure) => !withSession || !actsWithoutInput(procedure));

/** tRPC-shaped junk to any of `procedures`: one frame, or a subscription's start and stop. */
export function trpcFrames(
  procedures: readonly Procedure[],
  seeds: Record<string, unknown[]>,
): fc.Arbitrary<Frame[]> {
  const one = fc.constantFrom(...procedures).chain((procedure) => message(procedure, seeds));
  const single = one.map((value) => [json(value)]);
  // A batch, past the cap of MAX_BATCH_CALLS.
  const batch = fc.array(one, { maxLength: 20 }).map((values) => [json(values)]);
  const subscriptions = procedures.filter((procedure) => procedure.type === 'subscription');
  if (subscriptions.length === 0) return fc.oneof({ arbitrary: single, weight: 4 }, batch);
  // A subscription started and stopped again, under ids that may not match.
  const id = fc.oneof({ arbitrary: fc.nat(), weight: 3 }, junkId);
  const startStop = fc
    .tuple(fc.constantFrom(...subscriptions), id, id, fc.boolean())
    .chain(([procedure, startId, otherId, sameId]) =>
      message(procedure, seeds).map((start) => [
        json({ ...(start as object), id: startId, method: 'subscription' }),
        json({ id: sameId ? startId : otherId, method: 'subscription.stop' }),
      ]),
    );
  return fc.oneof({ arbitrary: single, weight: 4 }, batch, startStop);
}

/** Frames that are not tRPC at all. */
export const rawFrame: fc.Arbitrary<Frame> = fc.oneof(
  unicodeText.map(text),
  fc.constantFrom('PING', 'PONG', '{', '[', '{"id":', 'null', '[]', '[[]]', '""').map(text),
  junkValue.map(json),
  fc.uint8Array({ maxLength: 300 }).map((bytes): Frame => ({ kind: 'binary', bytes })),
  fc
    .uint8Array({ minLength: 1, maxLength: 50 })
    .map((bytes): Frame => ({ kind: 'bad-utf8', bytes: Uint8Array.from([0xff, 0xfe, ...bytes]) })),
  // Past the server's 64 KB frame limit.
  fc.integer({ min: 65, max: 300 }).map((kb) => text(`{"id":1,"pad":"${'x'.repeat(kb * 1024)}"}`)),
);

/** A first frame for `?connectionParams=1`: junk, or valid with a junk or missing token. */
export const connectionParamsFrame: fc.Arbitrary<Frame> = fc.oneof(
  junkValue.map((data) => json({ method: 'connectionParams', data })),
  fc
    .dictionary(fc.constantFrom('token', 'trackingToken', '__proto__', 'x'), junkValue)
    .map((data) => json({ method: 'connectionParams', data })),
  fc.constantFrom(...CRASH_FIRST_FRAMES.map(([, frame]) => frame)),
  rawFrame,
);

/** The valid first frame that signs the socket in. */
export const signedInFirstFrame = (token: string): Frame =>
  json({ method: 'connectionParams', data: { token } });
