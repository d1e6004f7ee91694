/** The kitchen board's data in one call: the snapshot query, kept current by its feed. */
import { trpc } from '../api/client';
import { LIVE_SNAPSHOT, useLiveQuery } from '../live/useLiveQuery';
import { applyKitchenEvent } from './kitchen-feed';

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
