/**
 * The event log. Every change that someone may watch writes one row here in
 * the same transaction as the change: the log is the outbox, so an event exists
 * exactly when its change committed, and a screen that missed the live message
 * can read what it missed.
 *
 * Changes that write events run in `transact()`, which hands the committed
 * events to the live layer only after COMMIT: a rolled-back change publishes
 * nothing.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ItemStatus, OrderStatus, RoomName, Settings, Station } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import type { MenuCategory } from '../menu/public-menu';
import type { KitchenTicket } from '../orders/tickets';

export type OrderChange =
  | { kind: 'placed' }
  | { kind: 'status'; from: OrderStatus; to: OrderStatus }
  | {
      kind: 'item';
      orderItemId: number;
      from: ItemStatus;
      to: ItemStatus;
      /** The order's own status, when the item moved it (the last dish done: ready). */
      rolledUp?: { from: OrderStatus; to: OrderStatus };
    }
  /** A station finished its part: these items became done. */
  | {
      kind: 'station';
      station: Station;
      orderItemIds: number[];
      rolledUp?: { from: OrderStatus; to: OrderStatus };
    }
  /** A bump undone shortly after it. */
  | { kind: 'recalled'; from: OrderStatus; to: OrderStatus }
  /** An automation rule marked the ticket rush. */
  | { kind: 'rush' }
  /** An automation rule told the guest something (the ticket's guestMessages holds it). */
  | { kind: 'message'; text: string };

/** A notice an automation rule put on the staff screens of a location. */
export interface StaffNotice {
  /** The run that showed it: a screen shows each notice once, however often it hears it. */
  id: string;
  text: string;
  /** Chime when it arrives. */
  sound: boolean;
  ruleName: string;
  /** '#042' when the rule was about an order. */
  orderNumber: string | null;
  at: string;
}

export type DomainEvent =
  | { type: 'order.changed'; change: OrderChange; ticket: KitchenTicket }
  | {
      type: 'menu.availability';
      itemId: number;
      name: string;
      available: boolean;
      soldOut: boolean;
    }
  /** A manager edited the menu: the guest menu's categories as they now are. */
  | { type: 'menu.changed'; categories: MenuCategory[] }
  /**
   * A location's settings changed (settings/update.ts): every effective value.
   * Each room sees its part (live/feeds.ts): kitchen all, guests theirs, the
   * ready board its clear time.
   */
  | { type: 'settings.changed'; settings: Settings }
  /** An automation rule's notice for the staff screens (kitchen room only). */
  | { type: 'automation.notice'; notice: StaffNotice };

export interface StoredEvent {
  id: number;
  rooms: RoomName[];
  /** Per room, the id of the room's previous event (0 for its first): gaps show. */
  previous: Partial<Record<RoomName, number>>;
  event: DomainEvent;
  createdAt: string;
}

type CommittedListener = (events: readonly StoredEvent[]) => void;

const pendingEvents = new WeakMap<Transaction<Database>, StoredEvent[]>();
const committedListeners = new WeakMap<Kysely<Database>, Set<CommittedListener>>();

/** Calls `listener` with the events of every transaction that commits on `db`. */
export function onEventsCommitted(db: Kysely<Database>, listener: CommittedListener): () => void {
  let listeners = committedListeners.get(db);
  if (!listeners) {
    listeners = new Set();
    committedListeners.set(db, listeners);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs `work` in a transaction and, once it has committed, announces the
 * events it appended. Use it for every change that calls `appendEvent`.
 */
export async function transact<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const events: StoredEvent[] = [];
  const result = await db.transaction().execute((trx) => {
    pendingEvents.set(trx, events);
    return work(trx);
  });
  if (events.length > 0) {
    const listeners = committedListeners.get(db);
    if (!listeners || listeners.size === 0) warnUnheard(db, events.length);
    for (const listener of listeners ?? []) listener(events);
  }
  return result;
}

const warnedUnheard = new WeakSet<Kysely<Database>>();

/**
 * Committed events with nobody to publish them: an entry point that changes
 * orders without `createRealtime(db, …)` (live/index.ts). Screens would see
 * those changes only on their next sweep or reload, so say so, once per database.
 */
function warnUnheard(db: Kysely<Database>, count: number): void {
  if (warnedUnheard.has(db)) return;
  warnedUnheard.add(db);
  process.emitWarning(
    `${count} event(s) committed on a database with no live layer attached: no screen hears of ` +
      'them until its next sweep or reload. Call createRealtime(db, bus) before changing anything.',
    { code: 'TICKETRAIL_UNHEARD_EVENTS' },
  );
}

/** Keeps our advisory locks apart from any other user of the database. */
const EVENT_LOCK_SPACE = 7_401;

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
  const pending = pendingEvents.get(trx);
  if (!pending) throw new Error('appendEvent must run inside transact(), or nobody hears of it');

  await sql`select pg_advisory_xact_lock(${EVENT_LOCK_SPACE}, ${locationId})`.execute(trx);
  const previous = await roomHeads(trx, rooms);
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
  await trx
    .insertInto('event_rooms')
    .values(rooms.map((room) => ({ room, event_id: row.id })))
    .execute();

  const stored: StoredEvent = {
    id: row.id,
    rooms: [...rooms],
    previous: Object.fromEntries(rooms.map((room) => [room, previous.get(room) ?? 0])),
    event,
    createdAt: row.created_at.toISOString(),
  };
  pending.push(stored);
  return stored;
}

/** The newest event id of each room (rooms without events are left out). */
export async function roomHeads(
  db: Kysely<Database>,
  rooms: readonly string[],
): Promise<Map<string, number>> {
  if (rooms.length === 0) return new Map();
  const rows = await db
    .selectFrom('event_rooms')
    .select(['room', (eb) => eb.fn.max('event_id').as('head')])
    .where('room', 'in', [...rooms])
    .groupBy('room')
    .execute();
  return new Map(rows.map((row) => [row.room, Number(row.head)]));
}

/** The newest event id of one room, 0 when it has none: where a snapshot's feed resumes. */
export async function roomHead(db: Kysely<Database>, room: RoomName): Promise<number> {
  return (await roomHeads(db, [room])).get(room) ?? 0;
}

/**
 * Reads in one repeatable-read snapshot, so the rows a screen shows and the
 * event id it resumes after describe the same moment.
 */
export function readSnapshot<T>(
  db: Kysely<Database>,
  read: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').execute(read);
}

/** How many events one read of a room's log returns; longer replays page through. */
export const REPLAY_PAGE = 500;

/** Events of one room after an id, oldest first: what a resuming screen missed. */
export async function eventsAfter(
  db: Kysely<Database>,
  room: RoomName,
  afterId: number,
  limit = REPLAY_PAGE,
): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('event_rooms')
    .innerJoin('events', 'events.id', 'event_rooms.event_id')
    .select(['events.id', 'events.rooms', 'events.payload', 'events.created_at'])
    .where('event_rooms.room', '=', room)
    .where('event_rooms.event_id', '>', afterId)
    .orderBy('event_rooms.event_id')
    .limit(limit)
    .execute();
  // The room's chain within the page; the first event's predecessor is at most afterId.
  let previousId = afterId;
  return rows.map((row) => {
    const stored: StoredEvent = {
      id: row.id,
      rooms: row.rooms as RoomName[],
      previous: { [room]: previousId },
      event: row.payload as DomainEvent,
      createdAt: row.created_at.toISOString(),
    };
    previousId = row.id;
    return stored;
  });
}

/** Whether a room has more than `limit` events after an id (one short index scan). */
export async function hasMoreEventsThan(
  db: Kysely<Database>,
  room: RoomName,
  afterId: number,
  limit: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('event_rooms')
    .select('event_id')
    .where('room', '=', room)
    .where('event_id', '>', afterId)
    .orderBy('event_id')
    .offset(limit)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
