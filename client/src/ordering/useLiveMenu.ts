/** A location's menu in one call: the snapshot query, kept current by the menu's feed. */
import { trpc } from '../api/client';
import { LIVE_SNAPSHOT, useLiveQuery } from '../live/useLiveQuery';
import { takeFirstPageMenu } from './first-page-menu';
import { applyMenuEvent } from './menu-feed';

/** A location's menu, with items going off and back on as the kitchen 86es them. */
export function useLiveMenu(locationSlug: string) {
  const utils = trpc.useUtils();
  const menu = trpc.menu.get.useQuery(
    { locationSlug },
    // The menu that came with the page, if it did: no request before the guest reads.
    { ...LIVE_SNAPSHOT, initialData: () => takeFirstPageMenu(locationSlug) },
  );
  const live = useLiveQuery({
    snapshot: menu,
    setSnapshot: (updater) => utils.menu.get.setData({ locationSlug }, updater),
    feed: trpc.menu.live,
    feedInput: (lastEventId) => ({ locationSlug, lastEventId }),
    reduce: applyMenuEvent,
  });
  return { menu, live };
}
