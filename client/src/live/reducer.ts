/**
 * What every live feed's reducer shares. A reducer is a pure function:
 * (snapshot, one delivered event) → the next snapshot. Each face keeps its
 * own beside its page (kitchen/kitchen-feed.ts, tracking/order-feed.ts,
 * ready-board/ready-board-feed.ts, ordering/menu-feed.ts).
 *
 * Every snapshot carries `lastEventId`, the newest event it already includes.
 * An event at or below it is a no-op (the snapshot, or an earlier delivery,
 * has it), so a replay after a reconnect, a duplicate, or an older event that
 * arrives late cannot move the screen backwards. The server delivers a room's
 * events in order; within that, tickets and orders also carry a `version`,
 * and the board's stages only move forward, so one entity's older state never
 * overwrites its newer one.
 *
 * A reducer returns the very same object for an event the snapshot already
 * has, so a replay re-renders nothing.
 */
import type { Delivered } from '@ticketrail/server';

/** One delivered item of a subscription: the event id to resume after, and the event. */
export type FeedItem<Output> = Delivered<Output>;

/** Applies one delivered event to a snapshot. */
export type Reducer<Snapshot, Item> = (snapshot: Snapshot, item: Item) => Snapshot;

/**
 * The event's id as a number, or null when it is not one we can place (the
 * server sends decimal ids; anything else is ignored rather than guessed at).
 */
function eventNumber(id: string): number | null {
  if (!/^\d{1,15}$/.test(id)) return null;
  return Number(id);
}

/**
 * The shared guard of every reducer: skip what the snapshot already has, then
 * apply `change` and advance the snapshot's `lastEventId` past this event.
 */
export function applyNewer<Snapshot extends { lastEventId: number }>(
  snapshot: Snapshot,
  id: string,
  change: (snapshot: Snapshot) => Snapshot,
): Snapshot {
  const eventId = eventNumber(id);
  if (eventId === null || eventId <= snapshot.lastEventId) return snapshot;
  return { ...change(snapshot), lastEventId: eventId };
}
