/**
 * One junk WebSocket session: connect (promising connectionParams or not),
 * send the junk, then a valid query that must be answered (or the socket
 * closed by the server), then close and check the server let go of it.
 */
import fc from 'fast-check';
import type { CrashWatch, JunkServer } from './harness';
import { describeFrame, described } from './printing';
import type { Procedure, Sessions } from './procedures';
import type { Tally } from './tally';
import { openSocket, WS_DEADLINE_MS, type Frame } from './ws-client';
import {
  callable,
  connectionParamsFrame,
  rawFrame,
  signedInFirstFrame,
  trpcFrames,
} from './ws-frames';

export interface WsCase {
  /** `?connectionParams=1`: the first frame is the client's connectionParams. */
  connectionParams: boolean;
  first: Frame | null;
  frames: Frame[];
}

/** A case that prints as its URL and frames, clipped. */
function wsCase(connectionParams: boolean, first: Frame | null, frames: Frame[]): WsCase {
  const all = first ? [first, ...frames] : frames;
  const text = `${connectionParams ? '?connectionParams=1 ' : ''}${all.map(describeFrame).join(' | ')}`;
  return described({ connectionParams, first, frames }, text);
}

const framesOf = (procedures: readonly Procedure[], seeds: Record<string, unknown[]>) =>
  fc
    .array(
      fc.oneof(
        { arbitrary: trpcFrames(procedures, seeds), weight: 3 },
        rawFrame.map((frame) => [frame]),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((groups) => groups.flat());

/** Junk on a socket that made no promise: tRPC messages, batches, raw and oversized frames. */
export function plainCase(
  procedures: readonly Procedure[],
  seeds: Record<string, unknown[]>,
): fc.Arbitrary<WsCase> {
  return framesOf(procedures, seeds).map((frames) => wsCase(false, null, frames));
}

/** A socket that promised connectionParams: a junk first frame, or a real sign-in, then junk. */
export function paramsCase(
  procedures: readonly Procedure[],
  seeds: Record<string, unknown[]>,
  sessions: Sessions,
): fc.Arbitrary<WsCase> {
  const junkFirst = fc
    .tuple(connectionParamsFrame, framesOf(callable(procedures, false), seeds))
    .map(([first, frames]) => wsCase(true, first, frames));
  const signedIn = fc
    .tuple(
      fc.constantFrom(sessions.manager, sessions.kitchen).map(signedInFirstFrame),
      framesOf(callable(procedures, true), seeds),
    )
    .map(([first, frames]) => wsCase(true, first, frames));
  return fc.oneof(junkFirst, signedIn);
}

/** The crash list as cases, for fast-check's `examples`. */
export const firstFrameCases = (frames: readonly Frame[]): [WsCase][] =>
  frames.map((first) => [wsCase(true, first, [])]);

/** Junk calls to one procedure, anonymous or signed in (never signed in where that would act). */
export function procedureCase(
  procedure: Procedure,
  seeds: Record<string, unknown[]>,
  sessions: Sessions,
): fc.Arbitrary<WsCase> {
  const frames = fc
    .array(trpcFrames([procedure], seeds), { minLength: 1, maxLength: 3 })
    .map((groups) => groups.flat());
  const anonymous = frames.map((list) => wsCase(false, null, list));
  if (callable([procedure], true).length === 0) return anonymous;
  const signedIn = fc
    .tuple(fc.constantFrom(sessions.manager, sessions.kitchen), frames)
    .map(([token, list]) => wsCase(true, signedInFirstFrame(token), list));
  return fc.oneof(anonymous, signedIn);
}

let probes = 0;

/** Polls until `done`; fails after the deadline with `what`. */
async function within(done: () => boolean, what: () => string): Promise<void> {
  const deadline = Date.now() + WS_DEADLINE_MS;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Runs one case; throws on a crash, an internal error, a socket left hanging, or a 5xx upgrade. */
export async function runWsCase(
  c: WsCase,
  server: JunkServer,
  tally: Tally,
  crashes: CrashWatch,
): Promise<void> {
  tally.runs += 1;
  // Sockets an earlier case left behind are that case's failure, not this one's.
  const heldBefore = server.running.clients().size;
  const url = `ws://127.0.0.1:${server.port}/trpc${c.connectionParams ? '?connectionParams=1' : ''}`;
  const opened = await openSocket(url, tally);
  if ('refused' in opened) {
    if (opened.refused >= 500) throw new Error(`The upgrade was answered ${opened.refused}`);
    return;
  }
  const { session } = opened;
  try {
    if (c.first) session.send(c.first);
    for (const frame of c.frames) session.send(frame);
    probes += 1;
    await session.probe(`probe-${probes}`, () => crashes.seen.length > 0);
  } finally {
    await session.close();
  }
  crashes.check(tally);
  if (session.violations.length > 0) throw new Error(session.violations.join('\n'));
  // A socket the server keeps after the client left is a leak a stranger can repeat.
  await within(
    () => server.running.clients().size <= heldBefore,
    () =>
      `the server still holds ${server.running.clients().size - heldBefore} socket(s) ` +
      'after the client closed',
  );
}
