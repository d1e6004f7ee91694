/**
 * A manager's dishes: every field a guest or a cook relies on, saved over the
 * version the editor loaded (a save over someone else's newer one is a
 * CONFLICT), in a category of the same location. A dish on placed orders is
 * archived, never deleted: order lines point at it and keep their snapshots.
 * A price change reaches new orders only: placed ones hold their own prices.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ItemFields } from '@ticketrail/shared';
import type { Database } from '../../db/schema';
import { conflict, notFound } from '../../errors';
import { transact } from '../../live/event-log';
import { assertWorksAt } from '../../staff/access';
import type { StaffActor } from '../../staff/sessions';
import { writeOrder } from './categories';
import { saveOptionGroups } from './option-drafts';
import {
  announceMenu,
  categoryHere,
  isForeignKeyViolation,
  itemHere,
  naming,
  NO_CATEGORY,
} from './owned';
import { readAdminItem, type AdminItem } from './read';

/** The category a dish goes in: one in use at the dish's own location. */
async function categoryAt(
  trx: Transaction<Database>,
  actor: StaffActor,
  locationId: number,
  categoryId: number,
) {
  const category = await categoryHere(trx, actor, categoryId, 'use');
  if (category.location_id !== locationId) throw notFound(NO_CATEGORY);
  return category;
}

function columns(fields: ItemFields) {
  return {
    category_id: fields.categoryId,
    name: fields.name,
    description: fields.description,
    price_cents: fields.priceCents,
    station: fields.station,
    allergens: fields.allergens,
    dietary: fields.dietary,
    stock: fields.stock,
    available: fields.available,
    hidden: fields.hidden,
  };
}

async function nextSortOrder(trx: Transaction<Database>, categoryId: number): Promise<number> {
  const row = await trx
    .selectFrom('menu_items')
    .select((eb) => eb.fn.max('sort_order').as('last'))
    .where('category_id', '=', categoryId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export function createItem(
  db: Kysely<Database>,
  actor: StaffActor,
  input: ItemFields & { locationId: number },
): Promise<AdminItem> {
  assertWorksAt(actor, input.locationId);
  return naming('dish', input.name, () =>
    transact(db, async (trx) => {
      await categoryAt(trx, actor, input.locationId, input.categoryId);
      const { id } = await trx
        .insertInto('menu_items')
        .values({
          location_id: input.locationId,
          ...columns(input),
          sort_order: await nextSortOrder(trx, input.categoryId),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await saveOptionGroups(trx, id, input.optionGroups);
      await announceMenu(trx, input.locationId);
      return readAdminItem(trx, id);
    }),
  );
}

export function updateItem(
  db: Kysely<Database>,
  actor: StaffActor,
  input: ItemFields & { itemId: number; version: number; stockWas?: number | null | undefined },
): Promise<AdminItem> {
  return naming('dish', input.name, () =>
    transact(db, async (trx) => {
      const item = await itemHere(trx, actor, input.itemId);
      if (item.version !== input.version) {
        throw conflict('Someone else saved this dish since you opened it.');
      }
      await categoryAt(trx, actor, item.location_id, input.categoryId);
      const moved = input.categoryId !== item.category_id;
      // Stock the manager did not change is whatever orders have left of it by now.
      const { stock, ...others } = columns(input);
      const recounted = input.stockWas === undefined || input.stockWas !== input.stock;
      await trx
        .updateTable('menu_items')
        .set({
          ...others,
          ...(recounted && { stock }),
          version: sql<number>`version + 1`,
          updated_at: sql<Date>`now()`,
          ...(moved && { sort_order: await nextSortOrder(trx, input.categoryId) }),
        })
        .where('id', '=', item.id)
        .execute();
      await saveOptionGroups(trx, item.id, input.optionGroups);
      await announceMenu(trx, item.location_id);
      return readAdminItem(trx, item.id);
    }),
  );
}

/**
 * Removes a dish nobody has ordered; archives one that placed orders name
 * (they keep their lines; the dish leaves every menu and its name is free).
 */
export async function deleteItem(
  db: Kysely<Database>,
  actor: StaffActor,
  itemId: number,
): Promise<{ id: number; archived: boolean }> {
  try {
    return await removeOrArchive(db, actor, itemId);
  } catch (error) {
    // An order naming it committed between the check and the delete: now it is archived.
    if (isForeignKeyViolation(error)) return removeOrArchive(db, actor, itemId);
    throw error;
  }
}

function removeOrArchive(db: Kysely<Database>, actor: StaffActor, itemId: number) {
  return transact(db, async (trx) => {
    const item = await itemHere(trx, actor, itemId);
    const ordered = await trx
      .selectFrom('order_items')
      .select('id')
      .where('menu_item_id', '=', item.id)
      .limit(1)
      .executeTakeFirst();
    if (ordered) {
      await trx
        .updateTable('menu_items')
        .set({
          archived_at: sql<Date>`now()`,
          version: sql<number>`version + 1`,
          updated_at: sql<Date>`now()`,
          photo_key: null,
        })
        .where('id', '=', item.id)
        .execute();
      // Orders show no photos: an archived dish's is dead weight.
      await trx.deleteFrom('menu_photos').where('item_id', '=', item.id).execute();
    } else {
      await trx.deleteFrom('menu_items').where('id', '=', item.id).execute();
    }
    await announceMenu(trx, item.location_id);
    return { id: item.id, archived: ordered !== undefined };
  });
}

/** Puts one category's dishes in the order given (exactly its dishes now). */
export function reorderItems(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { categoryId: number; orderedIds: number[] },
): Promise<{ ok: true }> {
  return transact(db, async (trx) => {
    const category = await categoryHere(trx, actor, input.categoryId);
    const current = await trx
      .selectFrom('menu_items')
      .select('id')
      .where('category_id', '=', category.id)
      .where('archived_at', 'is', null)
      .forNoKeyUpdate()
      .execute();
    await writeOrder(trx, 'menu_items', current, input.orderedIds);
    await announceMenu(trx, category.location_id);
    return { ok: true as const };
  });
}
