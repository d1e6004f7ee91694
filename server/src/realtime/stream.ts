/**
 * One subscription's stream of a room: resume from the log, then live, with
 * no gap between the two and no event twice.
 *
 * Each subscription holds a small array and one pending promise, not an
 * EventEmitter iterator (`events.on()` preallocates two queues, ~37 KB each
 * subscription): with ten thousand guests tracking orders that is the
 * difference between megabytes and hundreds of megabytes.
 */
import { tracked, type TrackedEnvelope } from '@trpc/server';
import type { RoomName } from '@ticketrail/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { eventsAfter } from '../domain/events';
import { feedEvent, type FeedEvents, type RoomKind } from './feeds';
import type { Delivery, RoomHub } from './hub';

class DeliveryQueue {
  #items: Delivery[] = [];
  #waiting: ((delivery: Delivery | null) => void) | null = null;
  #ended = false;

  readonly push = (delivery: Delivery): void => {
    if (this.#ended) return;
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = null;
      waiting(delivery);
    } else {
      this.#items.push(delivery);
    }
  };

  /** The next delivery, or null once ended. */
  next(): Promise<Delivery | null> {
    const item = this.#items.shift();
    if (item) return Promise.resolve(item);
    if (this.#ended) return Promise.resolve(null);
    return new Promise((resolve) => (this.#waiting = resolve));
  }

  end(): void {
    this.#ended = true;
    this.#items = [];
    this.#waiting?.(null);
    this.#waiting = null;
  }
}

const REPLAY_PAGE = 500;

/**
 * The room's events after `lastEventId` (from the log), then its live events.
 * With no `lastEventId`, live events from the moment it starts. Ends when
 * `signal` aborts (the client unsubscribed or disconnected).
 */
export async function* roomFeed<K extends RoomKind>(
  deps: { db: Kysely<Database>; realtime: { hub: RoomHub } },
  room: RoomName,
  kind: K,
  /** As the client sends it: digits (schemas.ts checks), or nothing. */
  resumeAfter: string | null | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<TrackedEnvelope<FeedEvents[K]>, void, unknown> {
  const lastEventId = resumeAfter ? Number(resumeAfter) : null;
  const queue = new DeliveryQueue();
  // Listen before reading the log, so nothing falls between the two.
  const { head, leave } = await deps.realtime.hub.join(room, queue.push);
  const stop = () => queue.end();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    let last = lastEventId ?? head;
    if (lastEventId !== null) {
      for (;;) {
        const page = await eventsAfter(deps.db, room, last, REPLAY_PAGE);
        for (const stored of page) {
          last = stored.id;
          const event = feedEvent(room, stored.event);
          // The room kind decides the feed's shape (feeds.ts); the cast names it.
          if (event) yield tracked(String(stored.id), event as FeedEvents[K]);
        }
        if (page.length < REPLAY_PAGE) break;
      }
    }
    for (;;) {
      const delivery = await queue.next();
      if (!delivery) return;
      if (delivery.id <= last) continue;
      last = delivery.id;
      yield tracked(String(delivery.id), delivery.event as FeedEvents[K]);
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    queue.end();
    leave();
  }
}
