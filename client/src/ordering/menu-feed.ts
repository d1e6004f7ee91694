/**
 * The menu's feed: availability events, inferred from the router, and the
 * reducer that applies one to the menu (the rules every reducer shares are in
 * live/reducer.ts). The guest's menu follows it, and so does the kitchen's
 * availability panel, which reads the same menu.
 */
import type { RouterOutputs } from '@ticketrail/server';
import { quotedWaitMinutes } from '@ticketrail/shared';
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

/**
 * The menu after one event: an availability change sets the item's flags,
 * wherever it is in the menu; a manager's edit (`menu.changed`) brings the
 * whole guest menu, which replaces the categories; new guest settings (open
 * or closed, order types, the wait) replace the location's.
 */
export const applyMenuEvent: Reducer<Menu, MenuFeedItem> = (menu, item) =>
  applyNewer(menu, item.id, (current) => {
    const event = item.data;
    if (event.type === 'location.settings') {
      const location = {
        ...current.location,
        ...event.settings,
        quotedWaitMinutes: quotedWaitMinutes(event.settings),
      };
      return { ...current, location };
    }
    if (event.type === 'menu.changed') return { ...current, categories: event.categories };
    if (event.type !== 'menu.availability') return current;
    return {
      ...current,
      categories: current.categories.map((category) => {
        const updated = withAvailability(category, event);
        const children = updated.children.map((child) => withAvailability(child, event));
        const childChanged = children.some((child, at) => child !== updated.children[at]);
        return childChanged ? { ...updated, children } : updated;
      }),
    };
  });
