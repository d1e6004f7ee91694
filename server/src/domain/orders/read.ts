/** Reading orders: the guest's tracking view and the kitchen's board. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { notFound } from '../errors';
import { assertWorksAt, type StaffActor } from '../staff';
import { tokenMatches } from '../tokens';
import {
  loadOpenTickets,
  loadTicket,
  toGuestOrder,
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
): Promise<GuestOrder> {
  const row = await db
    .selectFrom('orders')
    .select('tracking_token_hash')
    .where('id', '=', input.orderId)
    .executeTakeFirst();
  if (!row || !tokenMatches(input.token, row.tracking_token_hash)) {
    throw notFound('Order not found. Please check the tracking link.');
  }
  const ticket = await loadTicket(db, input.orderId);
  if (!ticket) throw notFound('Order not found. Please check the tracking link.');
  return toGuestOrder(ticket);
}

export interface KitchenBoard {
  locationId: number;
  tickets: KitchenTicket[];
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
  // One snapshot for both reads, so no event falls between the tickets and the id.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tickets = await loadOpenTickets(trx, locationId);
      // Every event of a location reaches its kitchen, so the location's newest is the cursor.
      const last = await trx
        .selectFrom('events')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('location_id', '=', locationId)
        .executeTakeFirst();
      return { locationId, tickets, lastEventId: Number(last?.id ?? 0) };
    });
}
