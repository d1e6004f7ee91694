/**
 * A location's kitchen board settings: the timer thresholds, the recall
 * window, and how long the ready board keeps a collected number up. They are
 * settings like any other (settings/): resolved from the operator's locks,
 * the location, the installation and the built-in defaults. Boards read them
 * with their snapshot and get changes live (`settings.changed`).
 */
import type { Kysely, Transaction } from 'kysely';
import { kitchenSettingsOf, type KitchenSettings } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { settingsOf, type SettingsLocks } from '../settings/read';
import { effectiveValues } from '../settings/resolve';
import { overrideLocationSettings } from '../settings/update';
import { type StaffActor } from '../staff/sessions';

export async function readKitchenSettings(
  db: Kysely<Database> | Transaction<Database>,
  locationId: number,
  locks: SettingsLocks,
): Promise<KitchenSettings> {
  return kitchenSettingsOf(await settingsOf(db, locationId, locks));
}

/**
 * The kitchen board's own save (`kitchen.updateSettings`, managers only): a
 * location override of the four values, as the settings page would write.
 */
export async function updateKitchenSettings(
  db: Kysely<Database>,
  actor: StaffActor,
  locationId: number,
  settings: KitchenSettings,
  locks: SettingsLocks,
  now: Date,
): Promise<KitchenSettings> {
  const view = await overrideLocationSettings(db, actor, locationId, settings, locks, now);
  return kitchenSettingsOf(effectiveValues(view.settings));
}
