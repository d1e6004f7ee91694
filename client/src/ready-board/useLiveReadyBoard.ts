/** The ready board's data in one call: the snapshot query, kept current by its feed. */
import { trpc } from '../api/client';
import { LIVE_SNAPSHOT, useLiveQuery } from '../live/useLiveQuery';
import { applyBoardEvent } from './ready-board-feed';

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
