/**
 * The guest's order feed: the tracked order and its events, inferred from the
 * router, and the reducer that applies one event (the rules every reducer
 * shares are in live/reducer.ts).
 */
import type { RouterOutputs } from '@ticketrail/server';
import { applyNewer, type FeedItem, type Reducer } from '../live/reducer';

export type TrackedOrder = RouterOutputs['orders']['track'];
export type OrderFeedItem = FeedItem<RouterOutputs['orders']['live']>;

/** The guest's order after one of its events: replaced when the event's version is newer. */
export const applyOrderEvent: Reducer<TrackedOrder, OrderFeedItem> = (tracked, item) =>
  applyNewer(tracked, item.id, (current) => {
    const incoming = item.data.order;
    if (incoming.id !== current.order.id || incoming.version <= current.order.version) {
      return current;
    }
    return { ...current, order: incoming };
  });
