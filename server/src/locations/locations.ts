/**
 * A restaurant's locations as guests see them: by slug, and the list.
 */
import type { Kysely } from 'kysely';
import {
  guestSettingsOf,
  quotedWaitMinutes,
  type GuestSettings,
  type Settings,
} from '@ticketrail/shared';
import type { Database, LocationRow } from '../db/schema';
import { notFound } from '../errors';
import { settingsOf, type SettingsLocks } from '../settings/read';

/**
 * A location as its guests' pages see it: who it is and its guest settings
 * (open or closed by its hours, accepting orders, the order types offered,
 * the wait to quote). The page works out "open now" with `openingState` from
 * shared/, with its own clock, and follows changes live (`location.settings`).
 */
export type PublicLocation = { id: number; slug: string; name: string } & GuestSettings & {
    /** The usual wait plus busy mode's extra, in minutes. */
    quotedWaitMinutes: number;
  };

export function toPublicLocation(row: LocationRow, settings: Settings): PublicLocation {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    ...guestSettingsOf(settings),
    quotedWaitMinutes: quotedWaitMinutes(settings),
  };
}

export async function findLocation(db: Kysely<Database>, slug: string): Promise<LocationRow> {
  const location = await db
    .selectFrom('locations')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!location) throw notFound(`There is no restaurant at “${slug}”.`);
  return location;
}

export async function listLocations(
  db: Kysely<Database>,
  locks: SettingsLocks,
): Promise<PublicLocation[]> {
  const rows = await db.selectFrom('locations').selectAll().orderBy('name').execute();
  return Promise.all(
    rows.map(async (row) => toPublicLocation(row, await settingsOf(db, row.id, locks))),
  );
}
