/** Reading orders: the guest's tracking view and the kitchen's board. */
import type { Kysely } from 'kysely';
import { rooms, type KitchenSettings } from '@ticketrail/shared';
import type { Database } from '../../db/schema';
import { notFound } from '../errors';
import { readSnapshot, roomHead } from '../events';
import { readKitchenSettings } from '../kitchen-settings';
import { assertWorksAt, type StaffActor } from '../staff';
import { tokenMatches } from '../tokens';
import {
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
): Promise<{ locationId: number }> {
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
  return { locationId: row.location_id };
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

/** The ready board now: open orders' numbers and stages, and the event id it is current to. */
export async function readyBoard(
  db: Kysely<Database>,
  locationId: number,
): Promise<{ entries: BoardEntry[]; lastEventId: number }> {
  return readSnapshot(db, async (trx) => {
    const tickets = await loadOpenTickets(trx, locationId);
    return {
      entries: tickets.filter((ticket) => ticket.status !== 'placed').map(toBoardEntry),
      lastEventId: await roomHead(trx, rooms.board(locationId)),
    };
  });
}
