/**
 * Snapshots now find their resume point in `event_rooms` (a room's newest
 * event), so nothing reads events by location any more; the index only cost
 * a write on every event.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_location_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('events_location_id')
    .on('events')
    .columns(['location_id', 'id'])
    .execute();
}
