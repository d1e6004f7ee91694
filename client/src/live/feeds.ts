/**
 * Each live screen's data in one call: the snapshot query, kept current by its
 * feed. Thin typed wrappers over `useLiveQuery`; everything they return is
 * inferred from the router.
 */
import { trpc } from '../api/client';
import { applyBoardEvent, applyKitchenEvent, applyMenuEvent, applyOrderEvent } from './reducers';
import { useLiveQuery } from './useLiveQuery';

/**
 * The feed keeps the snapshot current, so a time-based refetch would only race
 * it. (If one happens anyway, say after an invalidation, the hook notices the
 * older cursor and replays from it.)
 */
const LIVE_SNAPSHOT = { staleTime: Infinity } as const;

/** A location's open tickets, oldest first, as they change. Staff only. */
export function useLiveKitchenBoard(locationId: number) {
  const utils = trpc.useUtils();
  const board = trpc.kitchen.board.useQuery({ locationId }, LIVE_SNAPSHOT);
  const live = useLiveQuery({
    snapshot: board,
    setSnapshot: (updater) => utils.kitchen.board.setData({ locationId }, updater),
    feed: trpc.kitchen.live,
    feedInput: (lastEventId) => ({ locationId, lastEventId }),
    reduce: applyKitchenEvent,
  });
  return { board, live };
}

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

/** The dining room's ready board: order numbers from accepted to ready. */
export function useLiveReadyBoard(locationSlug: string) {
  const utils = trpc.useUtils();
  const board = trpc.board.get.useQuery({ locationSlug }, LIVE_SNAPSHOT);
  const live = useLiveQuery({
    snapshot: board,
    setSnapshot: (updater) => utils.board.get.setData({ locationSlug }, updater),
    feed: trpc.board.live,
    feedInput: (lastEventId) => ({ locationSlug, lastEventId }),
    reduce: applyBoardEvent,
  });
  return { board, live };
}

/** A location's menu, with items going off and back on as the kitchen 86es them. */
export function useLiveMenu(locationSlug: string) {
  const utils = trpc.useUtils();
  const menu = trpc.menu.get.useQuery({ locationSlug }, LIVE_SNAPSHOT);
  const live = useLiveQuery({
    snapshot: menu,
    setSnapshot: (updater) => utils.menu.get.setData({ locationSlug }, updater),
    feed: trpc.menu.live,
    feedInput: (lastEventId) => ({ locationSlug, lastEventId }),
    reduce: applyMenuEvent,
  });
  return { menu, live };
}
