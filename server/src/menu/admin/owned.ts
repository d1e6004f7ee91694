/**
 * The category or dish an edit names, if it is in use at a location the
 * manager works at. Another location's is "not found", the same as a missing
 * one, so its ids cannot be probed. The announcement every edit ends with.
 */
import type { Transaction } from 'kysely';
import { rooms } from '@ticketrail/shared';
import type { Database } from '../../db/schema';
import { conflict, notFound } from '../../errors';
import { appendEvent } from '../../live/event-log';
import { worksAt } from '../../staff/access';
import type { StaffActor } from '../../staff/sessions';
import { readGuestCategories } from '../public-menu';

export const NO_CATEGORY = 'There is no such category (it may have been deleted).';
export const NO_DISH = 'There is no such dish (it may have been deleted).';

const hasCode = (error: unknown, code: string) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === code;

/** Postgres and PGlite both say 23505 when a unique index refuses a row. */
const isUniqueViolation = (error: unknown) => hasCode(error, '23505');

/** 23503: a row still referenced (an order line placed a moment ago points at a dish). */
export const isForeignKeyViolation = (error: unknown) => hasCode(error, '23503');

/** Runs a write that may hit a one-name-per-location index: CONFLICT, in words. */
export async function naming<T>(what: 'dish' | 'category', name: string, write: () => Promise<T>) {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`There is already a ${what} called “${name}” here.`);
    }
    throw error;
  }
}

/**
 * How a category is held until the transaction ends: `edit` against another
 * edit; `use` (a dish going into it) only against its removal, so saving
 * dishes never waits on, or deadlocks with, a reorder of their category;
 * `remove` against both, so a dish cannot arrive in it as it goes.
 */
export type CategoryLock = 'edit' | 'use' | 'remove';

/** The category, locked as `lock` says. */
export async function categoryHere(
  trx: Transaction<Database>,
  actor: StaffActor,
  categoryId: number,
  lock: CategoryLock = 'edit',
) {
  const query = trx
    .selectFrom('menu_categories')
    .selectAll()
    .where('id', '=', categoryId)
    .where('archived_at', 'is', null);
  const category = await (
    lock === 'use'
      ? query.forKeyShare()
      : lock === 'remove'
        ? query.forUpdate()
        : query.forNoKeyUpdate()
  ).executeTakeFirst();
  if (!category || !worksAt(actor, category.location_id)) throw notFound(NO_CATEGORY);
  return category;
}

/** The dish, locked against a concurrent edit until the transaction ends. */
export async function itemHere(trx: Transaction<Database>, actor: StaffActor, itemId: number) {
  const item = await trx
    .selectFrom('menu_items')
    .selectAll()
    .where('id', '=', itemId)
    .where('archived_at', 'is', null)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!item || !worksAt(actor, item.location_id)) throw notFound(NO_DISH);
  return item;
}

/**
 * Tells open guest menus and the kitchen's availability panel: the guest
 * menu's categories as this transaction leaves them. The last statement of
 * every edit (appendEvent takes the location's event lock).
 */
export async function announceMenu(trx: Transaction<Database>, locationId: number) {
  const categories = await readGuestCategories(trx, locationId);
  await appendEvent(trx, locationId, [rooms.menu(locationId)], {
    type: 'menu.changed',
    categories,
  });
}
