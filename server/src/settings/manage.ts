/** The settings page's read: every setting, resolved, with where it comes from. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { notFound } from '../errors';
import { assertWorksAt } from '../staff/access';
import type { StaffActor } from '../staff/sessions';
import { readLocationSettingsView, type LocationSettingsView, type SettingsLocks } from './read';

export async function readSettingsForManager(
  db: Kysely<Database>,
  actor: StaffActor,
  locationId: number,
  locks: SettingsLocks,
): Promise<LocationSettingsView> {
  assertWorksAt(actor, locationId);
  const location = await db
    .selectFrom('locations')
    .select('id')
    .where('id', '=', locationId)
    .executeTakeFirst();
  if (!location) throw notFound(`There is no location ${locationId}.`);
  return readLocationSettingsView(db, locationId, locks);
}
