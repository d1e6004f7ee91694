/**
 * The kitchen's "86" switch, and the event every menu and board hears of it.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { maySetAvailability, rooms } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { notFound } from '../errors';
import { appendEvent, transact } from '../live/event-log';
import { assertRole, worksAt } from '../staff/access';
import { type StaffActor } from '../staff/sessions';

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
      // A new version: a manager's editor opened before the 86 would otherwise save it back on.
      .set({
        available: input.available,
        updated_at: new Date(),
        version: sql<number>`version + 1`,
      })
      .where('id', '=', item.id)
      .execute();
    await announceAvailability(trx, item.location_id, change);
    return change;
  });
}
