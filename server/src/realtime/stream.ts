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
import { tracked, type TrackedEnvelope } from '@trpc/server';
import type { RoomName } from '@ticketrail/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { eventsAfter } from '../domain/events';
import { feedEvent, type FeedEvents, type RoomKind } from './feeds';
import type { RoomHub } from './hub';
import { Delivery } from './wire';

const REPLAY_PAGE = 500;

export class RoomFeed<K extends RoomKind> implements AsyncIterable<TrackedEnvelope<FeedEvents[K]>> {
  readonly #deps: { db: Kysely<Database>; realtime: { hub: RoomHub } };
  readonly #room: RoomName;
  readonly #lastEventId: number | null;
  readonly #signal: AbortSignal | undefined;

  constructor(
    deps: { db: Kysely<Database>; realtime: { hub: RoomHub } },
    room: RoomName,
    lastEventId: number | null,
    signal: AbortSignal | undefined,
  ) {
    this.#deps = deps;
    this.#room = room;
    this.#lastEventId = lastEventId;
    this.#signal = signal;
  }

  /**
   * Calls `emit` with every event after `lastEventId` (from the log), then with
   * live events, until `signal` aborts. Resolves when it has stopped. A live
   * delivery still holds the JSON it came as, for the socket to write as is.
   */
  async pipe(emit: (delivery: Delivery) => void, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
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
  deps: { db: Kysely<Database>; realtime: { hub: RoomHub } },
  room: RoomName,
  _kind: K,
  resumeAfter: string | null | undefined,
  signal: AbortSignal | undefined,
): RoomFeed<K> {
  return new RoomFeed<K>(deps, room, resumeAfter ? Number(resumeAfter) : null, signal);
}

export function isRoomFeed(value: unknown): value is RoomFeed<RoomKind> {
  return value instanceof RoomFeed;
}
