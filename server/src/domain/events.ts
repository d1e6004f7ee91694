/**
 * The event log. Every change that someone may watch writes one row here in
 * the same transaction as the change: the log is the outbox, so an event exists
 * exactly when its change committed, and a screen that missed the live message
 * can read what it missed.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ItemStatus, OrderStatus, RoomName } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import type { KitchenTicket } from './orders/views';

export type OrderChange =
  | { kind: 'placed' }
  | { kind: 'status'; from: OrderStatus; to: OrderStatus }
  | { kind: 'item'; orderItemId: number; from: ItemStatus; to: ItemStatus };

export type DomainEvent =
  | { type: 'order.changed'; change: OrderChange; ticket: KitchenTicket }
  | {
      type: 'menu.availability';
      itemId: number;
      name: string;
      available: boolean;
      soldOut: boolean;
    };

export interface StoredEvent {
  id: number;
  rooms: RoomName[];
  event: DomainEvent;
  createdAt: string;
}

/**
 * Appends an event. Call it as the LAST statement of a transaction: it takes a
 * per-location lock held until commit, so events of one location commit in id
 * order, and a reader resuming "after id N" can never skip an event that had a
 * smaller id but committed later. Taking it last keeps the lock short and means
 * it is never held while waiting on another lock.
 */
export async function appendEvent(
  trx: Transaction<Database>,
  locationId: number,
  rooms: readonly RoomName[],
  event: DomainEvent,
): Promise<StoredEvent> {
  await sql`select pg_advisory_xact_lock(${EVENT_LOCK_SPACE}, ${locationId})`.execute(trx);
  const row = await trx
    .insertInto('events')
    .values({
      location_id: locationId,
      rooms: [...rooms],
      type: event.type,
      payload: JSON.stringify(event),
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, rooms: [...rooms], event, createdAt: row.created_at.toISOString() };
}

/** Keeps our advisory locks apart from any other user of the database. */
const EVENT_LOCK_SPACE = 7_401;

/** Events of one room after an id, oldest first: what a resuming screen missed. */
export async function eventsAfter(
  db: Kysely<Database>,
  room: RoomName,
  afterId: number,
  limit = 1000,
): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(['id', 'rooms', 'payload', 'created_at'])
    .where('rooms', '@>', sql<string[]>`array[${room}]::text[]`)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    rooms: row.rooms as RoomName[],
    event: row.payload as DomainEvent,
    createdAt: row.created_at.toISOString(),
  }));
}
