/**
 * A manager's menu categories: one level of nesting (Drinks → Soft drinks),
 * names unique among a location's categories in use, saves that name the
 * version they were made over, and deletion only of what is empty.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { conflict, invalid, notFound } from '../../errors';
import { transact } from '../../live/event-log';
import { assertWorksAt } from '../../staff/access';
import type { StaffActor } from '../../staff/sessions';
import { announceMenu, categoryHere, naming, NO_CATEGORY } from './owned';
import { toAdminCategory, type AdminCategory } from './read';

const TOO_DEEP = 'A sub-category cannot have its own sub-categories.';
export const REORDER_STALE = 'The menu changed while you were reordering; reload it.';

/** The parent a category may go under: a top-level category of the same location. */
async function checkParent(
  trx: Transaction<Database>,
  locationId: number,
  parentId: number | null,
): Promise<void> {
  if (parentId === null) return;
  const parent = await trx
    .selectFrom('menu_categories')
    .select(['location_id', 'parent_id'])
    .where('id', '=', parentId)
    .where('archived_at', 'is', null)
    // Held against its removal until this child is in (categoryHere's 'use').
    .forKeyShare()
    .executeTakeFirst();
  if (!parent || parent.location_id !== locationId) throw notFound(NO_CATEGORY);
  if (parent.parent_id !== null) throw invalid(TOO_DEEP);
}

/** The next place at the end of a list: new things go last. */
async function nextSortOrder(
  trx: Transaction<Database>,
  locationId: number,
  parentId: number | null,
): Promise<number> {
  const row = await trx
    .selectFrom('menu_categories')
    .select((eb) => eb.fn.max('sort_order').as('last'))
    .where('location_id', '=', locationId)
    .where('archived_at', 'is', null)
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export function createCategory(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { locationId: number; name: string; parentId: number | null },
): Promise<AdminCategory> {
  assertWorksAt(actor, input.locationId);
  return naming('category', input.name, () =>
    transact(db, async (trx) => {
      await checkParent(trx, input.locationId, input.parentId);
      const row = await trx
        .insertInto('menu_categories')
        .values({
          location_id: input.locationId,
          parent_id: input.parentId,
          name: input.name,
          sort_order: await nextSortOrder(trx, input.locationId, input.parentId),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await announceMenu(trx, input.locationId);
      return toAdminCategory(row);
    }),
  );
}

export function updateCategory(
  db: Kysely<Database>,
  actor: StaffActor,
  input: {
    categoryId: number;
    version: number;
    name: string;
    parentId: number | null;
    hidden: boolean;
  },
): Promise<AdminCategory> {
  return naming('category', input.name, () =>
    transact(db, async (trx) => {
      const category = await categoryHere(trx, actor, input.categoryId);
      if (category.version !== input.version) {
        throw conflict('Someone else changed this category since you opened it.');
      }
      if (input.parentId === category.id) throw invalid('A category cannot be inside itself.');
      await checkParent(trx, category.location_id, input.parentId);
      if (input.parentId !== null) {
        const child = await trx
          .selectFrom('menu_categories')
          .select('id')
          .where('parent_id', '=', category.id)
          .where('archived_at', 'is', null)
          .executeTakeFirst();
        if (child) throw invalid(TOO_DEEP);
      }
      const moved = input.parentId !== category.parent_id;
      const row = await trx
        .updateTable('menu_categories')
        .set({
          name: input.name,
          parent_id: input.parentId,
          hidden: input.hidden,
          version: sql<number>`version + 1`,
          updated_at: sql<Date>`now()`,
          ...(moved && {
            sort_order: await nextSortOrder(trx, category.location_id, input.parentId),
          }),
        })
        .where('id', '=', category.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await announceMenu(trx, category.location_id);
      return toAdminCategory(row);
    }),
  );
}

const counted = (count: number, one: string, many: string) =>
  `${count} ${count === 1 ? one : many}`;

/**
 * Removes an empty category. One still holding dishes or sub-categories is
 * refused with their count; one holding only archived dishes (which placed
 * orders point at) is archived with them.
 */
export function deleteCategory(
  db: Kysely<Database>,
  actor: StaffActor,
  categoryId: number,
): Promise<{ id: number }> {
  return transact(db, async (trx) => {
    const category = await categoryHere(trx, actor, categoryId, 'remove');
    const [dishes, children, archived] = await Promise.all([
      trx
        .selectFrom('menu_items')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('category_id', '=', category.id)
        .where('archived_at', 'is', null)
        .executeTakeFirstOrThrow(),
      trx
        .selectFrom('menu_categories')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('parent_id', '=', category.id)
        .where('archived_at', 'is', null)
        .executeTakeFirstOrThrow(),
      trx
        .selectFrom('menu_items')
        .select('id')
        .where('category_id', '=', category.id)
        .where('archived_at', 'is not', null)
        .limit(1)
        .executeTakeFirst(),
    ]);
    const dishCount = Number(dishes.count);
    const childCount = Number(children.count);
    if (dishCount > 0 || childCount > 0) {
      const what = [
        dishCount > 0 ? counted(dishCount, 'dish', 'dishes') : null,
        childCount > 0 ? counted(childCount, 'sub-category', 'sub-categories') : null,
      ].filter((part) => part !== null);
      throw invalid(`Move or delete its ${what.join(' and ')} first.`);
    }
    const hasArchivedChild = await trx
      .selectFrom('menu_categories')
      .select('id')
      .where('parent_id', '=', category.id)
      .executeTakeFirst();
    if (archived || hasArchivedChild) {
      await trx
        .updateTable('menu_categories')
        .set({ archived_at: sql<Date>`now()`, version: sql<number>`version + 1` })
        .where('id', '=', category.id)
        .execute();
    } else {
      await trx.deleteFrom('menu_categories').where('id', '=', category.id).execute();
    }
    await announceMenu(trx, category.location_id);
    return { id: category.id };
  });
}

/**
 * Puts one parent's categories in the order given. The ids must be exactly its
 * categories now: a list made before someone added or moved one is refused.
 * A reorder leaves versions alone: it changes nothing an open editor holds.
 */
export function reorderCategories(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { locationId: number; parentId: number | null; orderedIds: number[] },
): Promise<{ ok: true }> {
  assertWorksAt(actor, input.locationId);
  return transact(db, async (trx) => {
    if (input.parentId !== null) {
      const parent = await categoryHere(trx, actor, input.parentId);
      if (parent.location_id !== input.locationId) throw notFound(NO_CATEGORY);
    }
    const current = await trx
      .selectFrom('menu_categories')
      .select('id')
      .where('location_id', '=', input.locationId)
      .where('archived_at', 'is', null)
      .where('parent_id', input.parentId === null ? 'is' : '=', input.parentId)
      .forNoKeyUpdate()
      .execute();
    await writeOrder(trx, 'menu_categories', current, input.orderedIds);
    await announceMenu(trx, input.locationId);
    return { ok: true as const };
  });
}

/** Sets sort_order 0, 1, 2… in the order given, once the ids are exactly the current ones. */
export async function writeOrder(
  trx: Transaction<Database>,
  table: 'menu_categories' | 'menu_items',
  current: { id: number }[],
  orderedIds: number[],
): Promise<void> {
  const ids = new Set(current.map((row) => row.id));
  if (ids.size !== orderedIds.length || orderedIds.some((id) => !ids.has(id))) {
    throw invalid(REORDER_STALE);
  }
  // One statement: `update … from (values (id, position), …)`.
  const rows = sql.join(orderedIds.map((id, position) => sql`(${id}::int, ${position}::int)`));
  await sql`update ${sql.table(table)} as t set sort_order = v.position
    from (values ${rows}) as v(id, position) where t.id = v.id`.execute(trx);
}
