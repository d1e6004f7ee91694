/** Following one order: the guest's tracking view, and who may watch it live. */
import type { Kysely } from 'kysely';
import { rooms } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { notFound } from '../errors';
import { readSnapshot, roomHead } from '../live/event-log';
import type { StaffActor } from '../staff/sessions';
import { tokenMatches } from '../tokens';
import { toGuestOrder, type GuestOrder } from './audiences';
import { loadTicket } from './tickets';

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
