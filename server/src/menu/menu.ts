/**
 * Locations and their menus: the public read, the pricing view the order
 * placement prices from, and the kitchen's "86" switch.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  maySetAvailability,
  rooms,
  type Allergen,
  type DietaryFlag,
  type PricingItem,
} from '@ticketrail/shared';
import type { Database, LocationRow } from '../db/schema';
import { notFound } from '../errors';
import { appendEvent, readSnapshot, roomHead, transact } from '../live/event-log';
import { assertRole, worksAt, type StaffActor } from '../staff/staff';

export interface PublicLocation {
  id: number;
  slug: string;
  name: string;
  timezone: string;
  currency: string;
  acceptingOrders: boolean;
}

export interface MenuOption {
  id: number;
  name: string;
  priceDeltaCents: number;
  available: boolean;
}

export interface MenuOptionGroup {
  id: number;
  name: string;
  required: boolean;
  minSelect: number;
  maxSelect: number;
  options: MenuOption[];
}

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

export function toPublicLocation(row: LocationRow): PublicLocation {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    timezone: row.timezone,
    currency: row.currency,
    acceptingOrders: row.accepting_orders,
  };
}

export async function findLocation(db: Kysely<Database>, slug: string): Promise<LocationRow> {
  const location = await db
    .selectFrom('locations')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!location) throw notFound(`There is no restaurant at “${slug}”.`);
  return location;
}

/**
 * The table behind a QR link, by its secret. A secret of another location is
 * no table here, the same as one that does not exist.
 */
export async function findTable(
  db: Kysely<Database>,
  input: { locationSlug: string; tableSecret: string },
): Promise<{ label: string }> {
  const location = await findLocation(db, input.locationSlug);
  const table = await db
    .selectFrom('tables')
    .select('label')
    .where('location_id', '=', location.id)
    .where('secret', '=', input.tableSecret)
    .executeTakeFirst();
  if (!table) {
    throw notFound('That table code is not valid here. Please scan the code on your table again.');
  }
  return { label: table.label };
}

export async function listLocations(db: Kysely<Database>): Promise<PublicLocation[]> {
  const rows = await db.selectFrom('locations').selectAll().orderBy('name').execute();
  return rows.map(toPublicLocation);
}

/** Option groups with their options for the given items, keyed by item id. */
async function loadOptionGroups(
  db: Kysely<Database>,
  itemIds: readonly number[],
): Promise<Map<number, MenuOptionGroup[]>> {
  const byItem = new Map<number, MenuOptionGroup[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db
    .selectFrom('option_groups as g')
    .leftJoin('options as o', 'o.group_id', 'g.id')
    .select([
      'g.id as groupId',
      'g.item_id as itemId',
      'g.name as groupName',
      'g.required',
      'g.min_select as minSelect',
      'g.max_select as maxSelect',
      'o.id as optionId',
      'o.name as optionName',
      'o.price_delta_cents as priceDeltaCents',
      'o.available as optionAvailable',
    ])
    .where('g.item_id', 'in', itemIds)
    .orderBy('g.sort_order')
    .orderBy('g.id')
    .orderBy('o.sort_order')
    .orderBy('o.id')
    .execute();

  const groups = new Map<number, MenuOptionGroup>();
  for (const row of rows) {
    let group = groups.get(row.groupId);
    if (!group) {
      group = {
        id: row.groupId,
        name: row.groupName,
        required: row.required,
        minSelect: row.minSelect,
        maxSelect: row.maxSelect,
        options: [],
      };
      groups.set(row.groupId, group);
      const list = byItem.get(row.itemId) ?? [];
      list.push(group);
      byItem.set(row.itemId, list);
    }
    if (row.optionId !== null && row.optionName !== null) {
      group.options.push({
        id: row.optionId,
        name: row.optionName,
        priceDeltaCents: row.priceDeltaCents ?? 0,
        available: row.optionAvailable ?? true,
      });
    }
  }
  return byItem;
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

/** The menu rows a cart refers to, in the shape the pricing rules read. */
export async function loadPricingMenu(
  db: Kysely<Database>,
  locationId: number,
  itemIds: readonly number[],
): Promise<Map<number, PricingItem>> {
  const ids = [...new Set(itemIds)];
  const menu = new Map<number, PricingItem>();
  if (ids.length === 0) return menu;
  const items = await db
    .selectFrom('menu_items')
    .selectAll()
    .where('location_id', '=', locationId)
    .where('id', 'in', ids)
    .execute();
  const groups = await loadOptionGroups(
    db,
    items.map((item) => item.id),
  );
  for (const item of items) {
    menu.set(item.id, {
      id: item.id,
      name: item.name,
      priceCents: item.price_cents,
      available: item.available,
      stock: item.stock,
      station: item.station,
      allergens: item.allergens,
      optionGroups: groups.get(item.id) ?? [],
    });
  }
  return menu;
}

export interface AvailabilityChange {
  itemId: number;
  name: string;
  available: boolean;
  soldOut: boolean;
}

/** Writes the availability event of an item to the menu and kitchen rooms. */
export function announceAvailability(
  trx: Transaction<Database>,
  locationId: number,
  change: AvailabilityChange,
) {
  return appendEvent(trx, locationId, [rooms.menu(locationId), rooms.kitchen(locationId)], {
    type: 'menu.availability',
    ...change,
  });
}

/** Marks an item available or "86" (unavailable). Setting the current value changes nothing. */
export async function setAvailability(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { itemId: number; available: boolean },
): Promise<AvailabilityChange> {
  return transact(db, async (trx) => {
    const item = await trx
      .selectFrom('menu_items')
      .select(['id', 'location_id', 'name', 'available', 'stock'])
      .where('id', '=', input.itemId)
      // Not FOR UPDATE: that would block order lines referencing this item.
      .forNoKeyUpdate()
      .executeTakeFirst();
    // Another location's item is "not found" too, so its ids cannot be probed.
    if (!item || !worksAt(actor, item.location_id)) {
      throw notFound(`There is no menu item ${input.itemId}.`);
    }
    assertRole(actor, maySetAvailability(actor.role), 'change what is available');

    const change = {
      itemId: item.id,
      name: item.name,
      available: input.available,
      soldOut: item.stock === 0,
    };
    if (item.available === input.available) return change;
    await trx
      .updateTable('menu_items')
      .set({ available: input.available, updated_at: new Date() })
      .where('id', '=', item.id)
      .execute();
    await announceAvailability(trx, item.location_id, change);
    return change;
  });
}
