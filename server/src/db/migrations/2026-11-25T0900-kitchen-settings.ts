/**
 * Each location's kitchen board settings: when a ticket's timer turns amber and
 * red, and how long a bump can be recalled. Columns on `locations` with the
 * defaults a new kitchen starts from.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('locations')
    .addColumn('ticket_warn_minutes', 'integer', (col) => col.notNull().defaultTo(8))
    .addColumn('ticket_late_minutes', 'integer', (col) => col.notNull().defaultTo(15))
    .addColumn('recall_window_minutes', 'integer', (col) => col.notNull().defaultTo(5))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('locations')
    .dropColumn('ticket_warn_minutes')
    .dropColumn('ticket_late_minutes')
    .dropColumn('recall_window_minutes')
    .execute();
}
