/**
 * A room index for the event log: one row per (room, event). Replaying a room
 * ("events of kitchen:3 after 1200") and finding a room's newest event become
 * index range scans, and every event can name its predecessor in each room.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_rooms')
    .addColumn('room', 'text', (col) => col.notNull())
    .addColumn('event_id', 'bigint', (col) =>
      col.notNull().references('events.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('event_rooms_pkey', ['room', 'event_id'])
    .execute();
  await sql`insert into event_rooms (room, event_id) select unnest(rooms), id from events`.execute(
    db,
  );
  await db.schema.dropIndex('events_rooms').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index events_rooms on events using gin (rooms)`.execute(db);
  await db.schema.dropTable('event_rooms').execute();
}
