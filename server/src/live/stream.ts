/**
 * One subscription's stream of a room: resume from the log, then live, with
 * no gap between the two and no event twice.
 *
 * A feed can be consumed two ways. `pipe()` pushes each event to a callback
 * as it arrives: the WebSocket handler writes it to the socket there and then,
 * with no promise per event. As an AsyncIterable (what tRPC's types and any
 * other consumer see) it is the same feed behind a small queue: an array and
 * one pending promise, not an EventEmitter iterator (`events.on()` preallocates
 * two queues, ~37 KB a subscription).
 */
import { tracked, TRPCError, type TrackedEnvelope } from '@trpc/server';
import { MAX_REPLAY_EVENTS, type RoomName } from '@ticketrail/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { eventsAfter, hasMoreEventsThan, REPLAY_PAGE } from './event-log';
import { feedEvent, type FeedEvents, type RoomKind } from './feeds';
import type { RoomHub } from './hub';
import type { SessionWatch } from './sessions';
import { Delivery } from './wire';

/** What a feed needs of the server: the log, the room hub, and the session watch. */
export interface FeedDeps {
  db: Kysely<Database>;
  realtime: { hub: RoomHub; sessions: SessionWatch };
}

export interface FeedOptions {
  /**
   * The staff session the feed was authorised with: when it ends, the feed
   * ends with UNAUTHORIZED. Null for feeds anyone (or a tracking token) may watch.
   */
  session?: string | null;
}

export class RoomFeed<K extends RoomKind> implements AsyncIterable<TrackedEnvelope<FeedEvents[K]>> {
  readonly #deps: FeedDeps;
  readonly #room: RoomName;
  readonly #lastEventId: number | null;
  readonly #signal: AbortSignal | undefined;
  readonly #session: string | null;

  constructor(
    deps: FeedDeps,
    room: RoomName,
    lastEventId: number | null,
    signal: AbortSignal | undefined,
    options: FeedOptions = {},
  ) {
    this.#deps = deps;
    this.#room = room;
    this.#lastEventId = lastEventId;
    this.#signal = signal;
    this.#session = options.session ?? null;
  }

  /**
   * Calls `emit` with every event after `lastEventId` (from the log), then with
   * live events, until `signal` aborts. Resolves when it has stopped; rejects
   * when the feed cannot go on (its session ended, or the backlog is longer
   * than a replay may be). A live delivery still holds the JSON it came as,
   * for the socket to write as is.
   */
  async pipe(emit: (delivery: Delivery) => void, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    if (this.#lastEventId !== null) await this.#refuseLongReplay(this.#lastEventId);
    // Guests' feeds (the many) have no session: no watch, no extra signal.
    if (!this.#session) return this.#stream(emit, signal);
    const ended = new AbortController();
    const unwatch = this.#deps.realtime.sessions.watch(this.#session, () => ended.abort());
    try {
      await this.#stream(emit, AbortSignal.any([signal, ended.signal]));
    } finally {
      unwatch();
    }
    if (ended.signal.aborted && !signal.aborted) {
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: 'Your session has ended. Please sign in again.',
      });
    }
  }

  async #stream(emit: (delivery: Delivery) => void, signal: AbortSignal): Promise<void> {
    let last = 0;
    // Live events that arrive while the log is replayed wait here, then go in order.
    let waiting: Delivery[] | null = [];
    const send = (delivery: Delivery) => {
      if (delivery.id <= last) return;
      last = delivery.id;
      emit(delivery);
    };
    // Listen before reading the log, so nothing falls between the two.
    const { head, leave } = await this.#deps.realtime.hub.join(this.#room, (delivery) => {
      if (waiting) waiting.push(delivery);
      else send(delivery);
    });
    try {
      last = this.#lastEventId ?? head;
      for (let more = this.#lastEventId !== null; more && !signal.aborted;) {
        const page = await eventsAfter(this.#deps.db, this.#room, last, REPLAY_PAGE);
        for (const stored of page) {
          const event = feedEvent(this.#room, stored.event);
          if (event) send(Delivery.fromEvent(stored.id, event));
          else last = stored.id;
        }
        more = page.length === REPLAY_PAGE;
      }
      const held = waiting;
      waiting = null;
      for (const delivery of held) send(delivery);
      if (!signal.aborted) {
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      }
    } finally {
      leave();
    }
  }

  /**
   * A resume point far behind would have the server read and send thousands
   * of events for one cheap request: past MAX_REPLAY_EVENTS the screen is
   * told to reload its snapshot instead (one query), then resume from there.
   */
  async #refuseLongReplay(after: number): Promise<void> {
    // Event ids grow across all rooms, so a live room's head bounds how many of
    // its events can follow `after`: a screen reconnecting a few events behind
    // (the usual case, by the thousand after a restart) costs no query.
    const head = this.#deps.realtime.hub.liveHead(this.#room);
    if (head !== null && head - after <= MAX_REPLAY_EVENTS) return;
    if (await hasMoreEventsThan(this.#deps.db, this.#room, after, MAX_REPLAY_EVENTS)) {
      throw new TRPCError({
        code: 'PAYLOAD_TOO_LARGE',
        message:
          `More than ${MAX_REPLAY_EVENTS} events happened since event ${after}: ` +
          'reload the snapshot and resume from its lastEventId.',
      });
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<TrackedEnvelope<FeedEvents[K]>, void, unknown> {
    const stop = new AbortController();
    const outer = this.#signal;
    const onOuterAbort = () => stop.abort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    if (outer?.aborted) stop.abort();

    const items: TrackedEnvelope<FeedEvents[K]>[] = [];
    let wake: (() => void) | null = null;
    // Set from the pipe's callbacks; an object so the loop below reads them fresh.
    const state: { failure: Error | null; ended: boolean } = { failure: null, ended: false };
    const piping = this.pipe((delivery) => {
      // The room decides the feed's shape (feeds.ts); the cast names it.
      items.push(tracked(String(delivery.id), delivery.event as FeedEvents[K]));
      wake?.();
    }, stop.signal)
      .then(
        () => {
          state.ended = true;
        },
        (error: unknown) => {
          state.failure = error instanceof Error ? error : new Error(String(error));
          state.ended = true;
        },
      )
      .finally(() => wake?.());
    try {
      for (;;) {
        const item = items.shift();
        if (item) {
          yield item;
          continue;
        }
        if (state.failure) throw state.failure;
        if (state.ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    } finally {
      outer?.removeEventListener('abort', onOuterAbort);
      stop.abort();
      await piping;
    }
  }
}

/** The room's feed after `lastEventId` (digits, as the client sends it), ending when `signal` aborts. */
export function roomFeed<K extends RoomKind>(
  deps: FeedDeps,
  room: RoomName,
  _kind: K,
  resumeAfter: string | null | undefined,
  signal: AbortSignal | undefined,
  options: FeedOptions = {},
): RoomFeed<K> {
  return new RoomFeed<K>(deps, room, resumeAfter ? Number(resumeAfter) : null, signal, options);
}

export function isRoomFeed(value: unknown): value is RoomFeed<RoomKind> {
  return value instanceof RoomFeed;
}
