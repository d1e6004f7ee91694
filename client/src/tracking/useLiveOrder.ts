/** The tracked order in one call: the snapshot query, kept current by the order's feed. */
import { trpc } from '../api/client';
import { LIVE_SNAPSHOT, useLiveQuery } from '../live/useLiveQuery';
import { applyOrderEvent } from './order-feed';

/** The guest's order behind a tracking link, as the kitchen moves it along. */
export function useLiveOrder(orderId: string, token: string) {
  const utils = trpc.useUtils();
  const order = trpc.orders.track.useQuery({ orderId, token }, LIVE_SNAPSHOT);
  const live = useLiveQuery({
    snapshot: order,
    setSnapshot: (updater) => utils.orders.track.setData({ orderId, token }, updater),
    feed: trpc.orders.live,
    feedInput: (lastEventId) => ({ orderId, token, lastEventId }),
    reduce: applyOrderEvent,
  });
  return { order, live };
}
