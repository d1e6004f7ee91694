/** The kitchen's board: every open ticket of a location, and the settings it runs by. */
import type { Kysely } from 'kysely';
import { rooms, type KitchenSettings } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { readSnapshot, roomHead } from '../live/event-log';
import { loadOpenTickets, type KitchenTicket } from '../orders/tickets';
import { assertWorksAt } from '../staff/access';
import type { StaffActor } from '../staff/sessions';
import type { SettingsLocks } from '../settings/read';
import { readKitchenSettings } from './settings';

export interface KitchenBoard {
  locationId: number;
  tickets: KitchenTicket[];
  /** Timer thresholds and the recall window; changes arrive as `settings.changed` events. */
  settings: KitchenSettings;
  /** The newest kitchen event this snapshot includes: resume live updates after it. */
  lastEventId: number;
}

/** Every open ticket, oldest first, and the event id the snapshot is current to. */
export async function kitchenBoard(
  db: Kysely<Database>,
  actor: StaffActor,
  locationId: number,
  locks: SettingsLocks,
): Promise<KitchenBoard> {
  assertWorksAt(actor, locationId);
  return readSnapshot(db, async (trx) => ({
    locationId,
    tickets: await loadOpenTickets(trx, locationId),
    settings: await readKitchenSettings(trx, locationId, locks),
    lastEventId: await roomHead(trx, rooms.kitchen(locationId)),
  }));
}
