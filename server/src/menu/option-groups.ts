/**
 * An item's option groups (size, extras, …) as both the public menu and the
 * pricing rules read them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

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

/** Option groups with their options for the given items, keyed by item id. */
export async function loadOptionGroups(
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
