/**
 * The menu as guests read it: categories, items, options, what is sold out,
 * and the event id to follow its availability live after. Hidden categories
 * and items, and archived ones, are not on it.
 */
import type { Kysely } from 'kysely';
import { rooms, type Allergen, type DietaryFlag } from '@ticketrail/shared';
import type { Database, LocationRow } from '../db/schema';
import { readSnapshot, roomHead } from '../live/event-log';
import { findLocation, toPublicLocation, type PublicLocation } from '../locations/locations';
import { photoUrl } from './admin/photo-url';
import { loadOptionGroups, type MenuOptionGroup } from './option-groups';
import { settingsOf, type SettingsLocks } from '../settings/read';

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
  /** A small photo for phones (same origin), or null. */
  photoUrl: string | null;
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

export async function getMenu(
  db: Kysely<Database>,
  slug: string,
  /** The operator's locks (ctx.settingsLocks); scripts and tests without any may leave it out. */
  locks: SettingsLocks = {},
): Promise<Menu> {
  const location = await findLocation(db, slug);
  return readSnapshot(db, (trx) => readMenu(trx, location, locks));
}

async function readMenu(
  db: Kysely<Database>,
  location: LocationRow,
  locks: SettingsLocks,
): Promise<Menu> {
  const [categories, lastEventId, settings] = await Promise.all([
    readGuestCategories(db, location.id),
    roomHead(db, rooms.menu(location.id)),
    settingsOf(db, location.id, locks),
  ]);
  return { location: toPublicLocation(location, settings), categories, lastEventId };
}

/**
 * The guest menu's categories as they are in `db` (pass the transaction that
 * changed them to announce the change: menu/admin/owned.ts).
 */
export async function readGuestCategories(
  db: Kysely<Database>,
  locationId: number,
): Promise<MenuCategory[]> {
  const [categories, items] = await Promise.all([
    db
      .selectFrom('menu_categories')
      .selectAll()
      .where('location_id', '=', locationId)
      .where('hidden', '=', false)
      .where('archived_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('menu_items')
      .selectAll()
      .where('location_id', '=', locationId)
      .where('hidden', '=', false)
      .where('archived_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
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
      photoUrl: item.photo_key === null ? null : photoUrl(item.photo_key),
    });
    itemsByCategory.set(item.category_id, list);
  }

  const section = (category: (typeof categories)[number]) => ({
    id: category.id,
    name: category.name,
    items: itemsByCategory.get(category.id) ?? [],
  });
  // A hidden parent hides its sub-categories too: they are only read under it.
  return categories
    .filter((category) => category.parent_id === null)
    .map((parent) => ({
      ...section(parent),
      children: categories.filter((child) => child.parent_id === parent.id).map(section),
    }));
}
