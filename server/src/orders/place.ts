/**
 * Placing a guest order: priced by the server from its own menu, stock taken
 * in the same transaction, numbered per location and day, and idempotent: the
 * same key always answers with the same order.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  orderingRefusal,
  priceCart,
  type CartLine,
  type PlaceOrderInput,
  type Settings,
} from '@ticketrail/shared';
import type { Database, LocationRow } from '../db/schema';
import { cartRefused, conflict, DomainError, notFound } from '../errors';
import { appendEvent, transact } from '../live/event-log';
import { findLocation } from '../locations/locations';
import { orderTable } from '../locations/tables';
import { settingsOf, type SettingsLocks } from '../settings/read';
import { announceAvailability } from '../menu/availability';
import { loadPricingMenu } from '../menu/pricing-menu';
import { hashToken, trackingTokenFor } from '../tokens';
import { businessDate } from './business-date';
import { orderRooms, toGuestOrder, type GuestOrder } from './audiences';
import { loadTicket } from './tickets';

export interface PlacedOrder {
  order: GuestOrder;
  trackingToken: string;
  /** True when this answers a retry of an order placed earlier with the same key. */
  replayed: boolean;
}

/** Thrown inside the transaction when another request with our key won the race. */
class KeyAlreadyUsed extends Error {}

export async function placeOrder(
  db: Kysely<Database>,
  input: PlaceOrderInput,
  now = new Date(),
  /** The operator's locks (ctx.settingsLocks); scripts and tests without any may leave it out. */
  locks: SettingsLocks = {},
): Promise<PlacedOrder> {
  const location = await findLocation(db, input.locationSlug);
  const requestHash = hashRequest(input);

  const earlier = await replay(db, location.id, input.idempotencyKey, requestHash);
  if (earlier) return earlier;
  const settings = await settingsOf(db, location.id, locks);
  const refusal = orderingRefusal(location.name, settings, now, input.fulfilment.type);
  if (refusal) throw new DomainError('closed', refusal);
  const tableId = await resolveTable(db, location.id, input);

  try {
    const orderId = await transact(db, (trx) =>
      insertOrder(trx, location, input, { requestHash, tableId, now, settings }),
    );
    const ticket = await loadTicket(db, orderId);
    if (!ticket) throw new Error(`Order ${orderId} vanished after commit`);
    return {
      order: toGuestOrder(ticket),
      trackingToken: await trackingTokenFor(db, orderId),
      replayed: false,
    };
  } catch (error) {
    if (!(error instanceof KeyAlreadyUsed)) throw error;
    const winner = await replay(db, location.id, input.idempotencyKey, requestHash);
    if (!winner) throw new Error('An order key collided but its order cannot be read');
    return winner;
  }
}

async function insertOrder(
  trx: Transaction<Database>,
  location: LocationRow,
  input: PlaceOrderInput,
  context: { requestHash: string; tableId: number | null; now: Date; settings: Settings },
): Promise<string> {
  const cart: CartLine[] = input.items;
  const menu = await loadPricingMenu(
    trx,
    location.id,
    cart.map((line) => line.itemId),
  );
  const priced = priceCart(menu, cart);
  if (!priced.ok) throw cartRefused(priced.problems);

  // The counter row serialises placements per location and day, which also
  // makes a racing request with the same key wait here for the first to commit.
  const day = businessDate(context.now, context.settings.timezone);
  const counter = await trx
    .insertInto('order_counters')
    .values({ location_id: location.id, business_date: day, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['location_id', 'business_date'])
        .doUpdateSet((eb) => ({ last_number: eb('order_counters.last_number', '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();

  const orderId = randomUUID();
  const inserted = await trx
    .insertInto('orders')
    .values({
      id: orderId,
      location_id: location.id,
      business_date: day,
      number: counter.last_number,
      type: input.fulfilment.type,
      table_id: context.tableId,
      delivery_address: input.fulfilment.type === 'delivery' ? input.fulfilment.address : null,
      guest_count: input.fulfilment.type === 'dine_in' ? (input.fulfilment.guests ?? null) : null,
      guest_name: input.guest.name,
      guest_phone: input.guest.phone ?? null,
      notes: input.notes?.trim() ? input.notes.trim() : null,
      status: 'placed',
      subtotal_cents: priced.subtotalCents,
      total_cents: priced.totalCents,
      currency: context.settings.currency,
      idempotency_key: input.idempotencyKey,
      request_hash: context.requestHash,
      tracking_token_hash: hashToken(await trackingTokenFor(trx, orderId)),
      placed_at: context.now,
      updated_at: context.now,
    })
    .onConflict((oc) => oc.columns(['location_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new KeyAlreadyUsed();

  const soldOut = await takeStock(trx, priced.lines);

  await trx
    .insertInto('order_items')
    .values(
      priced.lines.map((line, position) => ({
        order_id: orderId,
        position,
        menu_item_id: line.itemId,
        name: line.name,
        station: line.station,
        allergens: line.allergens,
        quantity: line.quantity,
        unit_price_cents: line.unitPriceCents,
        options: JSON.stringify(line.options),
        notes: line.notes,
        line_total_cents: line.lineTotalCents,
        updated_at: context.now,
      })),
    )
    .execute();

  const ticket = await loadTicket(trx, orderId);
  if (!ticket) throw new Error(`Order ${orderId} cannot be read inside its own transaction`);
  // Events go last (see appendEvent): the sold-out notices, then the order itself.
  for (const item of soldOut) {
    await announceAvailability(trx, location.id, { ...item, available: true, soldOut: true });
  }
  await appendEvent(trx, location.id, orderRooms(ticket), {
    type: 'order.changed',
    change: { kind: 'placed' },
    ticket,
  });
  return orderId;
}

/**
 * Decrements counted stock and returns the items that just sold out. The
 * conditional update is the guard: two orders racing for the last portion
 * cannot both pass `stock >= wanted`.
 */
async function takeStock(
  trx: Transaction<Database>,
  lines: readonly { itemId: number; name: string; quantity: number }[],
): Promise<{ itemId: number; name: string }[]> {
  const soldOut: { itemId: number; name: string }[] = [];
  const wanted = new Map<number, { name: string; quantity: number }>();
  for (const line of lines) {
    const entry = wanted.get(line.itemId) ?? { name: line.name, quantity: 0 };
    entry.quantity += line.quantity;
    wanted.set(line.itemId, entry);
  }
  // Locking in id order keeps two carts with the same items from deadlocking.
  for (const [itemId, { name, quantity }] of [...wanted].sort(([a], [b]) => a - b)) {
    const updated = await trx
      .updateTable('menu_items')
      .set((eb) => ({ stock: eb('stock', '-', quantity) }))
      .where('id', '=', itemId)
      .where('stock', 'is not', null)
      .where('stock', '>=', quantity)
      .returning('stock')
      .executeTakeFirst();
    if (updated) {
      if (updated.stock === 0) soldOut.push({ itemId, name });
      continue;
    }
    const row = await trx
      .selectFrom('menu_items')
      .select('stock')
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    if (row.stock === null) continue;
    throw cartRefused([
      {
        kind: 'sold_out',
        line: null,
        itemId,
        message:
          row.stock === 0
            ? `${name} is sold out.`
            : `Only ${row.stock} ${name} left; the cart has ${quantity}.`,
      },
    ]);
  }
  return soldOut;
}

async function resolveTable(
  db: Kysely<Database>,
  locationId: number,
  input: PlaceOrderInput,
): Promise<number | null> {
  if (input.fulfilment.type !== 'dine_in') return null;
  return orderTable(db, locationId, input.fulfilment.tableSecret);
}

async function replay(
  db: Kysely<Database>,
  locationId: number,
  idempotencyKey: string,
  requestHash: string,
): Promise<PlacedOrder | null> {
  const row = await db
    .selectFrom('orders')
    .select(['id', 'request_hash'])
    .where('location_id', '=', locationId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== requestHash) {
    throw conflict('This order key was already used for a different order. Start a new checkout.');
  }
  const ticket = await loadTicket(db, row.id);
  if (!ticket) throw notFound('Order not found.');
  return {
    order: toGuestOrder(ticket),
    trackingToken: await trackingTokenFor(db, row.id),
    replayed: true,
  };
}

/** A stable fingerprint of what was asked for, key excluded. */
function hashRequest(input: PlaceOrderInput): string {
  const { idempotencyKey: _key, ...request } = input;
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
