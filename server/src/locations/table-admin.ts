/**
 * A manager's tables (issue 14): add, rename, remove, and give a table a new
 * QR code. A removed table is archived, not deleted (placed orders point at
 * it), and its codes stop working; a replaced code is kept as retired, so an
 * old card tells the guest it was replaced (tables.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema';
import { conflict, notFound } from '../errors';
import { assertWorksAt, worksAt } from '../staff/access';
import type { StaffActor } from '../staff/sessions';

export interface ManagedTable {
  id: number;
  label: string;
  /** The secret in the table's QR link: `/l/<location>?table=<secret>`. */
  secret: string;
}

/** 16 URL-safe characters (96 bits): guessing another table's code is hopeless. */
const newSecret = () => randomBytes(12).toString('base64url');

const taken = (label: string) => conflict(`There is already a table called “${label}” here.`);

/** Postgres and PGlite both say 23505 when a unique index refuses a row. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

/** The location's tables in use, "Table 2" before "Table 10". */
export async function listTables(
  db: Kysely<Database>,
  actor: StaffActor,
  locationId: number,
): Promise<ManagedTable[]> {
  assertWorksAt(actor, locationId);
  const tables = await db
    .selectFrom('tables')
    .select(['id', 'label', 'secret'])
    .where('location_id', '=', locationId)
    .where('archived_at', 'is', null)
    .execute();
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return tables.sort((a, b) => collator.compare(a.label, b.label) || a.id - b.id);
}

/** The table, if it is in use at a location the actor works at. */
async function tableInUse(db: Kysely<Database>, actor: StaffActor, tableId: number) {
  const table = await db
    .selectFrom('tables')
    .select(['id', 'location_id', 'label', 'secret'])
    .where('id', '=', tableId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  // Another location's table is no table here, the same as a missing one.
  if (!table || !worksAt(actor, table.location_id)) {
    throw notFound('There is no such table (it may have been removed).');
  }
  return table;
}

/** Runs a write that may hit the one-name-per-location index: CONFLICT, in words. */
async function naming<T>(label: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(label);
    throw error;
  }
}

export async function addTable(
  db: Kysely<Database>,
  actor: StaffActor,
  locationId: number,
  label: string,
): Promise<ManagedTable> {
  assertWorksAt(actor, locationId);
  return naming(label, () =>
    db
      .insertInto('tables')
      .values({ location_id: locationId, label, secret: newSecret() })
      .returning(['id', 'label', 'secret'])
      .executeTakeFirstOrThrow(),
  );
}

/** Open orders at the table show its new name; the QR code stays the same. */
export async function renameTable(
  db: Kysely<Database>,
  actor: StaffActor,
  tableId: number,
  label: string,
): Promise<ManagedTable> {
  const table = await tableInUse(db, actor, tableId);
  return naming(label, () =>
    db
      .updateTable('tables')
      .set({ label })
      .where('id', '=', table.id)
      .returning(['id', 'label', 'secret'])
      .executeTakeFirstOrThrow(),
  );
}

/** Its QR code stops working at once, and says the table is no longer in use. */
export async function removeTable(
  db: Kysely<Database>,
  actor: StaffActor,
  tableId: number,
): Promise<{ id: number }> {
  const table = await tableInUse(db, actor, tableId);
  await db
    .updateTable('tables')
    .set({ archived_at: sql<Date>`now()` })
    .where('id', '=', table.id)
    .execute();
  return { id: table.id };
}

/** A new QR code for the table; the old one says it was replaced. */
export async function giveNewSecret(
  db: Kysely<Database>,
  actor: StaffActor,
  tableId: number,
): Promise<ManagedTable> {
  const table = await tableInUse(db, actor, tableId);
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('retired_table_secrets')
      .values({ secret: table.secret, table_id: table.id })
      .execute();
    return trx
      .updateTable('tables')
      .set({ secret: newSecret() })
      .where('id', '=', table.id)
      .returning(['id', 'label', 'secret'])
      .executeTakeFirstOrThrow();
  });
}
