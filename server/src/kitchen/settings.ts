/**
 * A location's kitchen board settings: the timer thresholds, the recall
 * window, and how long the ready board keeps a collected number up. Boards
 * read them with their snapshot and get changes live.
 */
import type { Kysely, Transaction } from 'kysely';
import { rooms, type KitchenSettings } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { notFound } from '../errors';
import { appendEvent, transact } from '../live/event-log';
import { assertWorksAt } from '../staff/access';
import { type StaffActor } from '../staff/sessions';

export async function readKitchenSettings(
  db: Kysely<Database> | Transaction<Database>,
  locationId: number,
): Promise<KitchenSettings> {
  const row = await db
    .selectFrom('locations')
    .select([
      'ticket_warn_minutes',
      'ticket_late_minutes',
      'recall_window_minutes',
      'ready_board_collected_seconds',
    ])
    .where('id', '=', locationId)
    .executeTakeFirst();
  if (!row) throw notFound(`There is no location ${locationId}.`);
  return {
    warnAfterMinutes: row.ticket_warn_minutes,
    lateAfterMinutes: row.ticket_late_minutes,
    recallWindowMinutes: row.recall_window_minutes,
    readyBoardCollectedSeconds: row.ready_board_collected_seconds,
  };
}

/**
 * Managers only (the router says so); every open board of the location follows
 * at once. The event goes to the ready board's room too, which sees only the
 * collected time (see `feedEvent`): a screen on the wall cannot be reloaded by
 * hand, so it must learn the new time live.
 */
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
        ready_board_collected_seconds: settings.readyBoardCollectedSeconds,
      })
      .where('id', '=', locationId)
      .execute();
    await appendEvent(trx, locationId, [rooms.kitchen(locationId), rooms.board(locationId)], {
      type: 'kitchen.settings',
      settings,
    });
    return settings;
  });
}
