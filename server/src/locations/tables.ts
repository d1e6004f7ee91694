/**
 * Tables: the secret behind each table's QR code.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { notFound } from '../errors';
import { findLocation } from './locations';

/**
 * The table behind a QR link, by its secret. A secret of another location is
 * no table here, the same as one that does not exist.
 */
export async function findTable(
  db: Kysely<Database>,
  input: { locationSlug: string; tableSecret: string },
): Promise<{ label: string }> {
  const location = await findLocation(db, input.locationSlug);
  const table = await db
    .selectFrom('tables')
    .select('label')
    .where('location_id', '=', location.id)
    .where('secret', '=', input.tableSecret)
    .executeTakeFirst();
  if (!table) {
    throw notFound('That table code is not valid here. Please scan the code on your table again.');
  }
  return { label: table.label };
}
