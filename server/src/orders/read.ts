/** Reading orders: the guest's tracking view and the kitchen's board. */
import type { Kysely } from 'kysely';
import { rooms, type KitchenSettings } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { notFound } from '../errors';
import { readSnapshot, roomHead } from '../live/event-log';
import { readKitchenSettings } from '../kitchen/settings';
import { assertWorksAt, type StaffActor } from '../staff/staff';
import { tokenMatches } from '../tokens';
import {
  loadBoardTickets,
  loadOpenTickets,
  loadTicket,
  toBoardEntry,
  toGuestOrder,
  type BoardEntry,
  type GuestOrder,
  type KitchenTicket,
} from './views';

/**
 * The order behind a tracking link. A wrong token and an unknown order get the
 * same answer, so a link cannot be used to probe which orders exist.
 */
export async function trackOrder(
  db: Kysely<Database>,
  input: { orderId: string; token: string },
): Promise<{ order: GuestOrder; lastEventId: number }> {
  const row = await db
    .selectFrom('orders')
    .select('tracking_token_hash')
    .where('id', '=', input.orderId)
    .executeTakeFirst();
  if (!row || !tokenMatches(input.token, row.tracking_token_hash)) {
    throw notFound('Order not found. Please check the tracking link.');
  }
  return readSnapshot(db, async (trx) => {
    const ticket = await loadTicket(trx, input.orderId);
    if (!ticket) throw notFound('Order not found. Please check the tracking link.');
    return {
      order: toGuestOrder(ticket),
      lastEventId: await roomHead(trx, rooms.order(ticket.id)),
    };
  });
}

/**
 * Who may watch an order live: the holder of its tracking token, or staff of
 * its location. Answers with the order's location; refuses like `trackOrder`.
 */
export async function authorizeOrderWatch(
  db: Kysely<Database>,
  input: { orderId: string; token?: string | undefined },
  staff: StaffActor | null,
): Promise<{ locationId: number; by: 'token' | 'staff' }> {
  const row = await db
    .selectFrom('orders')
    .select(['location_id', 'tracking_token_hash'])
    .where('id', '=', input.orderId)
    .executeTakeFirst();
  const byToken =
    row && input.token !== undefined && tokenMatches(input.token, row.tracking_token_hash);
  const byStaff = row && staff?.locations.some((location) => location.id === row.location_id);
  if (!row || !(byToken || byStaff)) {
    throw notFound('Order not found. Please check the tracking link.');
  }
  return { locationId: row.location_id, by: byToken ? 'token' : 'staff' };
}

export interface KitchenBoard {
  locationId: number;
  tickets: KitchenTicket[];
  /** Timer thresholds and the recall window; changes arrive as `kitchen.settings` events. */
  settings: KitchenSettings;
  /** The newest kitchen event this snapshot includes: resume live updates after it. */
  lastEventId: number;
}

/** Every open ticket, oldest first, and the event id the snapshot is current to. */
export async function kitchenBoard(
  db: Kysely<Database>,
  actor: StaffActor,
  locationId: number,
): Promise<KitchenBoard> {
  assertWorksAt(actor, locationId);
  return readSnapshot(db, async (trx) => ({
    locationId,
    tickets: await loadOpenTickets(trx, locationId),
    settings: await readKitchenSettings(trx, locationId),
    lastEventId: await roomHead(trx, rooms.kitchen(locationId)),
  }));
}

export interface ReadyBoard {
  /** Whose board it is: the screen puts the restaurant's name at the top. */
  location: { slug: string; name: string; timezone: string };
  /** Orders from accepted to ready, and those collected less than `collectedSeconds` ago. */
  entries: BoardEntry[];
  /** How long a collected number stays up; changes arrive as `board.settings` events. */
  collectedSeconds: number;
  /**
   * The server's clock when this was read. A screen on the wall may keep the
   * wrong time; it measures `completedAt + collectedSeconds` against this one.
   */
  serverTime: string;
  /** The newest board event this snapshot includes: resume live updates after it. */
  lastEventId: number;
}

/** The ready board now, as of `now`, and the event id it is current to. */
export async function readyBoard(
  db: Kysely<Database>,
  location: { id: number; slug: string; name: string; timezone: string },
  now: Date,
): Promise<ReadyBoard> {
  return readSnapshot(db, async (trx) => {
    const { readyBoardCollectedSeconds } = await readKitchenSettings(trx, location.id);
    const completedAfter = new Date(now.getTime() - readyBoardCollectedSeconds * 1000);
    const tickets = await loadBoardTickets(trx, location.id, completedAfter);
    return {
      location: { slug: location.slug, name: location.name, timezone: location.timezone },
      entries: tickets.map(toBoardEntry),
      collectedSeconds: readyBoardCollectedSeconds,
      serverTime: now.toISOString(),
      lastEventId: await roomHead(trx, rooms.board(location.id)),
    };
  });
}
