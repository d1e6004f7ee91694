/**
 * The guest's dietary filter: show only dishes with every chosen flag
 * (vegetarian, vegan…) and none of the avoided allergens. Kept per browser,
 * not per restaurant: an allergy does not change between locations.
 */
import { ALLERGENS, DIETARY_FLAGS, type Allergen, type DietaryFlag } from '@ticketrail/shared';
import type { Menu, MenuItem } from './menu-model';

export interface MenuFilter {
  /** The dish has each of these. */
  only: DietaryFlag[];
  /** The dish declares none of these. */
  avoid: Allergen[];
}

export const NO_FILTER: MenuFilter = { only: [], avoid: [] };

/** "Spicy" describes a dish, it is no diet: it is not offered as a filter. */
export const FILTER_FLAGS: readonly DietaryFlag[] = DIETARY_FLAGS.filter(
  (flag) => flag !== 'spicy',
);

export const isFiltering = (filter: MenuFilter): boolean =>
  filter.only.length > 0 || filter.avoid.length > 0;

export function passes(item: Pick<MenuItem, 'dietary' | 'allergens'>, filter: MenuFilter): boolean {
  return (
    filter.only.every((flag) => item.dietary.includes(flag)) &&
    !filter.avoid.some((allergen) => item.allergens.includes(allergen))
  );
}

export interface FilteredMenu {
  categories: Menu['categories'];
  /** How many dishes the filter hides. */
  hidden: number;
}

/** The menu with only the dishes that pass, and no section left empty. */
export function filterMenu(menu: Pick<Menu, 'categories'>, filter: MenuFilter): FilteredMenu {
  if (!isFiltering(filter)) return { categories: menu.categories, hidden: 0 };
  let hidden = 0;
  const keep = (items: MenuItem[]) => {
    const kept = items.filter((item) => passes(item, filter));
    hidden += items.length - kept.length;
    return kept;
  };
  const categories = menu.categories
    .map((category) => ({
      ...category,
      items: keep(category.items),
      children: category.children
        .map((child) => ({ ...child, items: keep(child.items) }))
        .filter((child) => child.items.length > 0),
    }))
    .filter((category) => category.items.length > 0 || category.children.length > 0);
  return { categories, hidden };
}

/** Adds `value` to the list, or takes it out. */
export function toggled<Value>(list: readonly Value[], value: Value): Value[] {
  return list.includes(value) ? list.filter((entry) => entry !== value) : [...list, value];
}

const STORAGE_KEY = 'ticketrail.menuFilter';

/** The filter this browser kept; anything unknown in storage is dropped. */
export function readStoredFilter(storage: Storage): MenuFilter {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
    if (!parsed || typeof parsed !== 'object') return NO_FILTER;
    const list = (key: string): unknown[] => {
      const value: unknown = key in parsed ? (parsed as Record<string, unknown>)[key] : [];
      return Array.isArray(value) ? value : [];
    };
    return {
      only: FILTER_FLAGS.filter((flag) => list('only').includes(flag)),
      avoid: ALLERGENS.filter((allergen) => list('avoid').includes(allergen)),
    };
  } catch {
    return NO_FILTER;
  }
}

export function writeStoredFilter(storage: Storage, filter: MenuFilter): void {
  try {
    if (isFiltering(filter)) storage.setItem(STORAGE_KEY, JSON.stringify(filter));
    else storage.removeItem(STORAGE_KEY);
  } catch {
    // Not kept: the filter still works until the page closes.
  }
}
