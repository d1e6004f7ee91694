/**
 * Tables: the secret behind each table's QR code, as guests meet it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { invalid, notFound } from '../errors';
import { findLocation } from './locations';

/** What a QR code's secret is at a location, in words a guest can act on. */
export type TableCode = { table: { id: number; label: string } } | { refused: string };

const UNKNOWN = 'That table code is not valid here. Please scan the code on your table again.';
const REPLACED =
  "This table's QR code has been replaced. Please scan the code on your table again.";
const REMOVED = 'That table is no longer in use.';

/**
 * The table behind a secret at a location. A secret of another location is no
 * table here, the same as one that does not exist; an old code of a table that
 * got a new one, or the code of a removed table, says so.
 */
export async function lookupTableCode(
  db: Kysely<Database>,
  locationId: number,
  secret: string,
): Promise<TableCode> {
  const table = await db
    .selectFrom('tables')
    .select(['id', 'label', 'archived_at'])
    .where('location_id', '=', locationId)
    .where('secret', '=', secret)
    .executeTakeFirst();
  if (table) return table.archived_at ? { refused: REMOVED } : { table };
  const retired = await db
    .selectFrom('retired_table_secrets')
    .innerJoin('tables', 'tables.id', 'retired_table_secrets.table_id')
    .select('tables.archived_at')
    .where('tables.location_id', '=', locationId)
    .where('retired_table_secrets.secret', '=', secret)
    .executeTakeFirst();
  if (retired) return { refused: retired.archived_at ? REMOVED : REPLACED };
  return { refused: UNKNOWN };
}

/** `menu.table`: the table's name for the menu, or NOT_FOUND saying why. */
export async function findTable(
  db: Kysely<Database>,
  input: { locationSlug: string; tableSecret: string },
): Promise<{ label: string }> {
  const location = await findLocation(db, input.locationSlug);
  const code = await lookupTableCode(db, location.id, input.tableSecret);
  if ('refused' in code) throw notFound(code.refused);
  return { label: code.table.label };
}

/** The table an order is for, or BAD_REQUEST saying why (placing an order). */
export async function orderTable(
  db: Kysely<Database>,
  locationId: number,
  secret: string,
): Promise<number> {
  const code = await lookupTableCode(db, locationId, secret);
  if ('refused' in code) throw invalid(code.refused);
  return code.table.id;
}
