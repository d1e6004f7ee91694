/**
 * The ready board keeps a collected number up, ticked, for a while per
 * location (`ready_board_collected_seconds`, 0 = off at once), so it reads
 * recently completed orders as well as open ones: a partial index keeps that
 * cheap however many orders a location has completed over the years.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('locations')
    .addColumn('ready_board_collected_seconds', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(60)
        // The API refuses other values with a clear message; this guards against other writers.
        .check(sql`ready_board_collected_seconds between 0 and 600`),
    )
    .execute();
  await db.schema
    .createIndex('orders_completed_by_location')
    .on('orders')
    .columns(['location_id', 'completed_at'])
    .where(sql.ref('status'), '=', 'completed')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('orders_completed_by_location').execute();
  await db.schema.alterTable('locations').dropColumn('ready_board_collected_seconds').execute();
}
