/**
 * The menu as guests read it: categories, items, options, what is sold out,
 * and the event id to follow its availability live after.
 */
import type { Kysely } from 'kysely';
import { rooms, type Allergen, type DietaryFlag } from '@ticketrail/shared';
import type { Database, LocationRow } from '../db/schema';
import { readSnapshot, roomHead } from '../live/event-log';
import { findLocation, toPublicLocation, type PublicLocation } from '../locations/locations';
import { loadOptionGroups, type MenuOptionGroup } from './option-groups';

export interface MenuItem {
  id: number;
  categoryId: number;
  name: string;
  description: string;
  priceCents: number;
  allergens: Allergen[];
  dietary: DietaryFlag[];
  available: boolean;
  /** Counted and none left: shown, but cannot be ordered. */
  soldOut: boolean;
  optionGroups: MenuOptionGroup[];
}

export interface MenuCategory {
  id: number;
  name: string;
  items: MenuItem[];
  /** One level of sub-categories, e.g. Drinks → Soft drinks. */
  children: Omit<MenuCategory, 'children'>[];
}

export interface Menu {
  location: PublicLocation;
  categories: MenuCategory[];
  /** The newest availability event this menu includes: resume `menu.live` after it. */
  lastEventId: number;
}

export async function getMenu(db: Kysely<Database>, slug: string): Promise<Menu> {
  const location = await findLocation(db, slug);
  return readSnapshot(db, (trx) => readMenu(trx, location));
}

async function readMenu(db: Kysely<Database>, location: LocationRow): Promise<Menu> {
  const [categories, items, lastEventId] = await Promise.all([
    db
      .selectFrom('menu_categories')
      .selectAll()
      .where('location_id', '=', location.id)
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('menu_items')
      .selectAll()
      .where('location_id', '=', location.id)
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
    roomHead(db, rooms.menu(location.id)),
  ]);
  const groups = await loadOptionGroups(
    db,
    items.map((item) => item.id),
  );

  const itemsByCategory = new Map<number, MenuItem[]>();
  for (const item of items) {
    const list = itemsByCategory.get(item.category_id) ?? [];
    list.push({
      id: item.id,
      categoryId: item.category_id,
      name: item.name,
      description: item.description,
      priceCents: item.price_cents,
      allergens: item.allergens,
      dietary: item.dietary,
      available: item.available,
      soldOut: item.stock === 0,
      optionGroups: groups.get(item.id) ?? [],
    });
    itemsByCategory.set(item.category_id, list);
  }

  const section = (category: (typeof categories)[number]) => ({
    id: category.id,
    name: category.name,
    items: itemsByCategory.get(category.id) ?? [],
  });
  return {
    location: toPublicLocation(location),
    categories: categories
      .filter((category) => category.parent_id === null)
      .map((parent) => ({
        ...section(parent),
        children: categories.filter((child) => child.parent_id === parent.id).map(section),
      })),
    lastEventId,
  };
}
