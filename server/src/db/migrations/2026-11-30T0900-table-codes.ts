/**
 * Managers keep their tables (issue 14): a removed table is archived, never
 * deleted, as placed orders point at it; a table's name is unique among the
 * location's tables in use (an archived "Table 4" leaves the name free); and a
 * table given a new code keeps its old ones as retired, so an old QR card says
 * it was replaced rather than that it never existed.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tables').addColumn('archived_at', 'timestamptz').execute();
  await db.schema.alterTable('tables').dropConstraint('tables_location_label_key').execute();
  await db.schema
    .createIndex('tables_location_label_in_use')
    .unique()
    .on('tables')
    .columns(['location_id', 'label'])
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
  await db.schema
    .createTable('retired_table_secrets')
    .addColumn('secret', 'text', (col) => col.primaryKey())
    .addColumn('table_id', 'integer', (col) =>
      col.notNull().references('tables.id').onDelete('cascade'),
    )
    .addColumn('retired_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('retired_table_secrets').execute();
  await db.schema.dropIndex('tables_location_label_in_use').execute();
  await db.schema
    .alterTable('tables')
    .addUniqueConstraint('tables_location_label_key', ['location_id', 'label'])
    .execute();
  await db.schema.alterTable('tables').dropColumn('archived_at').execute();
}
