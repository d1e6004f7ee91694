/**
 * The menu as its editor reads it: every category and dish in use, hidden ones
 * too, with the version each save must name. Archived dishes are not listed.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Allergen, DietaryFlag, Station } from '@ticketrail/shared';
import type { Database, MenuCategoriesTable, MenuItemRow } from '../../db/schema';
import { notFound } from '../../errors';
import { settingsOf, type SettingsLocks } from '../../settings/read';
import { assertWorksAt } from '../../staff/access';
import type { StaffActor } from '../../staff/sessions';
import { loadOptionGroups, type MenuOptionGroup } from '../option-groups';
import { photoUrl } from './photo-url';

export interface AdminCategory {
  id: number;
  /** A top-level category's id; null for a top-level category. */
  parentId: number | null;
  name: string;
  hidden: boolean;
  sortOrder: number;
  version: number;
}

export interface AdminItem {
  id: number;
  categoryId: number;
  name: string;
  description: string;
  priceCents: number;
  station: Station;
  allergens: Allergen[];
  dietary: DietaryFlag[];
  stock: number | null;
  available: boolean;
  hidden: boolean;
  sortOrder: number;
  version: number;
  photoUrl: string | null;
  /** Placed orders name it: deleting it archives it instead. */
  onOrders: boolean;
  optionGroups: MenuOptionGroup[];
}

export interface AdminMenu {
  location: { id: number; slug: string; name: string; currency: string };
  categories: AdminCategory[];
  items: AdminItem[];
}

export type CategoryRow = Selectable<MenuCategoriesTable>;

export function toAdminCategory(row: CategoryRow): AdminCategory {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    hidden: row.hidden,
    sortOrder: row.sort_order,
    version: row.version,
  };
}

function toAdminItem(row: MenuItemRow, groups: MenuOptionGroup[], onOrders: boolean): AdminItem {
  return {
    id: row.id,
    categoryId: row.category_id,
    name: row.name,
    description: row.description,
    priceCents: row.price_cents,
    station: row.station,
    allergens: row.allergens,
    dietary: row.dietary,
    stock: row.stock,
    available: row.available,
    hidden: row.hidden,
    sortOrder: row.sort_order,
    version: row.version,
    photoUrl: row.photo_key === null ? null : photoUrl(row.photo_key),
    onOrders,
    optionGroups: groups,
  };
}

/** Which of these items placed orders point at. */
async function orderedItems(db: Kysely<Database>, itemIds: number[]): Promise<Set<number>> {
  if (itemIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('order_items')
    .select('menu_item_id')
    .distinct()
    .where('menu_item_id', 'in', itemIds)
    .execute();
  return new Set(rows.map((row) => row.menu_item_id));
}

async function toAdminItems(db: Kysely<Database>, rows: MenuItemRow[]): Promise<AdminItem[]> {
  const ids = rows.map((row) => row.id);
  const [groups, ordered] = await Promise.all([loadOptionGroups(db, ids), orderedItems(db, ids)]);
  return rows.map((row) => toAdminItem(row, groups.get(row.id) ?? [], ordered.has(row.id)));
}

export async function readAdminMenu(
  db: Kysely<Database>,
  actor: StaffActor,
  locationId: number,
  locks: SettingsLocks,
): Promise<AdminMenu> {
  assertWorksAt(actor, locationId);
  const [location, settings, categories, items] = await Promise.all([
    db
      .selectFrom('locations')
      .select(['id', 'slug', 'name'])
      .where('id', '=', locationId)
      .executeTakeFirst(),
    settingsOf(db, locationId, locks),
    db
      .selectFrom('menu_categories')
      .selectAll()
      .where('location_id', '=', locationId)
      .where('archived_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('menu_items')
      .selectAll()
      .where('location_id', '=', locationId)
      .where('archived_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
  ]);
  if (!location) throw notFound('There is no such location.');
  return {
    location: { ...location, currency: settings.currency },
    categories: categories.map(toAdminCategory),
    items: await toAdminItems(db, items),
  };
}

/** One dish as the editor shows it, after a save. */
export async function readAdminItem(db: Kysely<Database>, itemId: number): Promise<AdminItem> {
  const row = await db
    .selectFrom('menu_items')
    .selectAll()
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow();
  const [item] = await toAdminItems(db, [row]);
  if (!item) throw new Error(`menu item ${itemId} vanished while being read`);
  return item;
}
