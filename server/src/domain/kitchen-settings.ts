/**
 * A location's kitchen board settings: the timer thresholds and the recall
 * window. Boards read them with their snapshot and get changes live.
 */
import type { Kysely, Transaction } from 'kysely';
import { rooms, type KitchenSettings } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { notFound } from './errors';
import { appendEvent, transact } from './events';
import { assertWorksAt, type StaffActor } from './staff';

export async function readKitchenSettings(
  db: Kysely<Database> | Transaction<Database>,
  locationId: number,
): Promise<KitchenSettings> {
  const row = await db
    .selectFrom('locations')
    .select(['ticket_warn_minutes', 'ticket_late_minutes', 'recall_window_minutes'])
    .where('id', '=', locationId)
    .executeTakeFirst();
  if (!row) throw notFound(`There is no location ${locationId}.`);
  return {
    warnAfterMinutes: row.ticket_warn_minutes,
    lateAfterMinutes: row.ticket_late_minutes,
    recallWindowMinutes: row.recall_window_minutes,
  };
}

/** Managers only (the router says so); every open board of the location follows at once. */
export async function updateKitchenSettings(
  db: Kysely<Database>,
  actor: StaffActor,
  locationId: number,
  settings: KitchenSettings,
): Promise<KitchenSettings> {
  assertWorksAt(actor, locationId);
  return transact(db, async (trx) => {
    await trx
      .updateTable('locations')
      .set({
        ticket_warn_minutes: settings.warnAfterMinutes,
        ticket_late_minutes: settings.lateAfterMinutes,
        recall_window_minutes: settings.recallWindowMinutes,
      })
      .where('id', '=', locationId)
      .execute();
    await appendEvent(trx, locationId, [rooms.kitchen(locationId)], {
      type: 'kitchen.settings',
      settings,
    });
    return settings;
  });
}
