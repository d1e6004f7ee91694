/**
 * The menu rows a cart refers to, for placing and quoting: prices, stock and
 * stations, in the shape shared/'s pricing rules read. A dish that is hidden
 * or archived (or in a hidden category) is off the guest menu, so a cart that
 * still holds it is refused with its name: "Burger is not available right now."
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
    .selectFrom('menu_items as item')
    .innerJoin('menu_categories as category', 'category.id', 'item.category_id')
    .leftJoin('menu_categories as parent', 'parent.id', 'category.parent_id')
    .selectAll('item')
    .select((eb) =>
      eb
        .and([
          eb('item.hidden', '=', false),
          eb('item.archived_at', 'is', null),
          eb('category.hidden', '=', false),
          eb('category.archived_at', 'is', null),
          eb.or([eb('parent.id', 'is', null), eb('parent.hidden', '=', false)]),
        ])
        .$castTo<boolean>()
        .as('onMenu'),
    )
    .where('item.location_id', '=', locationId)
    .where('item.id', 'in', ids)
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
      available: item.available && item.onMenu,
      stock: item.stock,
      station: item.station,
      allergens: item.allergens,
      optionGroups: groups.get(item.id) ?? [],
    });
  }
  return menu;
}
