/**
 * The menu's feed: availability events, inferred from the router, and the
 * reducer that applies one to the menu (the rules every reducer shares are in
 * live/reducer.ts). The guest's menu follows it, and so does the kitchen's
 * availability panel, which reads the same menu.
 */
import type { RouterOutputs } from '@ticketrail/server';
import { applyNewer, type FeedItem, type Reducer } from '../live/reducer';
import type { Menu } from './menu-model';

export type MenuFeedItem = FeedItem<RouterOutputs['menu']['live']>;

type MenuCategory = Menu['categories'][number];
type ItemList = Pick<MenuCategory, 'items'>;

/** The section with the item's flags set; the same section when the item is not in it. */
function withAvailability<Section extends ItemList>(
  section: Section,
  change: { itemId: number; available: boolean; soldOut: boolean },
): Section {
  if (!section.items.some((menuItem) => menuItem.id === change.itemId)) return section;
  return {
    ...section,
    items: section.items.map((menuItem) =>
      menuItem.id === change.itemId
        ? { ...menuItem, available: change.available, soldOut: change.soldOut }
        : menuItem,
    ),
  };
}

/** The menu after an availability change: the item's flags, wherever it is in the menu. */
export const applyMenuEvent: Reducer<Menu, MenuFeedItem> = (menu, item) =>
  applyNewer(menu, item.id, (current) => ({
    ...current,
    categories: current.categories.map((category) => {
      const updated = withAvailability(category, item.data);
      const children = updated.children.map((child) => withAvailability(child, item.data));
      const childChanged = children.some((child, at) => child !== updated.children[at]);
      return childChanged ? { ...updated, children } : updated;
    }),
  }));
