/**
 * The menu as the guest's pages use it: types inferred from `menu.get`, and
 * lookups by id. Nothing here decides a price; it only finds things.
 */
import type { RouterOutputs } from '@ticketrail/server';

export type Menu = RouterOutputs['menu']['get'];
export type MenuSection = Menu['categories'][number];
export type MenuItem = MenuSection['items'][number];
export type OptionGroup = MenuItem['optionGroups'][number];
export type MenuOption = OptionGroup['options'][number];

/** Every item of the menu by id, sub-categories included. */
export function itemsById(menu: Pick<Menu, 'categories'>): Map<number, MenuItem> {
  const items = new Map<number, MenuItem>();
  for (const category of menu.categories) {
    for (const section of [category, ...category.children]) {
      for (const item of section.items) items.set(item.id, item);
    }
  }
  return items;
}

/** Can a guest add it now? Kept apart from the reason so buttons and labels agree. */
export function isOrderable(item: Pick<MenuItem, 'available' | 'soldOut'>): boolean {
  return item.available && !item.soldOut;
}

/** Why an item cannot be ordered, in the guest's words; null when it can. */
export function unavailableReason(item: Pick<MenuItem, 'available' | 'soldOut'>): string | null {
  if (!item.available) return 'Not available right now';
  if (item.soldOut) return 'Sold out';
  return null;
}

/** "gluten_free" → "gluten free": the stored flag as a person reads it. */
export const readableFlag = (flag: string): string => flag.replaceAll('_', ' ');

/** The chosen options' names in the menu's order, e.g. "Double, Bacon". */
export function optionNames(item: MenuItem, optionIds: readonly number[]): string[] {
  const chosen = new Set(optionIds);
  return item.optionGroups.flatMap((group) =>
    group.options.filter((option) => chosen.has(option.id)).map((option) => option.name),
  );
}
