/**
 * A restaurant's locations as guests see them: by slug, and the list.
 */
import type { Kysely } from 'kysely';
import type { Database, LocationRow } from '../db/schema';
import { notFound } from '../errors';

export interface PublicLocation {
  id: number;
  slug: string;
  name: string;
  timezone: string;
  currency: string;
  acceptingOrders: boolean;
}

export function toPublicLocation(row: LocationRow): PublicLocation {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    timezone: row.timezone,
    currency: row.currency,
    acceptingOrders: row.accepting_orders,
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

export async function listLocations(db: Kysely<Database>): Promise<PublicLocation[]> {
  const rows = await db.selectFrom('locations').selectAll().orderBy('name').execute();
  return rows.map(toPublicLocation);
}
