/**
 * The menu rows a cart refers to, for placing and quoting: prices, stock and
 * stations, in the shape shared/'s pricing rules read.
 */
import type { Kysely } from 'kysely';
import type { PricingItem } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { loadOptionGroups } from './option-groups';

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
