/**
 * The kitchen ticket: an order as staff see it, in full, and the one stored in
 * its events. What guests and the ready board see is cut from it (audiences.ts).
 */
import type { Kysely } from 'kysely';
import type { Allergen, ItemStatus, OrderStatus, OrderType, Station } from '@ticketrail/shared';
import { formatOrderNumber } from '@ticketrail/shared';
import type {
  Database,
  GuestMessage,
  OrderItemOptionSnapshot,
  OrderItemRow,
  OrderRow,
} from '../db/schema';

export interface TicketItem {
  id: number;
  menuItemId: number;
  name: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
  options: OrderItemOptionSnapshot[];
  notes: string | null;
  station: Station;
  allergens: Allergen[];
  status: ItemStatus;
}

/** Times of each stage, ISO 8601; null until the order reaches it. */
export interface StageTimes {
  placedAt: string;
  acceptedAt: string | null;
  preparingAt: string | null;
  readyAt: string | null;
  completedAt: string | null;
  rejectedAt: string | null;
  cancelledAt: string | null;
}

export interface KitchenTicket {
  id: string;
  locationId: number;
  number: number;
  /** '#042': what the crew calls out and the guest listens for. */
  displayNumber: string;
  businessDate: string;
  type: OrderType;
  tableLabel: string | null;
  deliveryAddress: string | null;
  guestName: string;
  guestPhone: string | null;
  notes: string | null;
  status: OrderStatus;
  version: number;
  subtotalCents: number;
  totalCents: number;
  currency: string;
  times: StageTimes;
  cancelReason: string | null;
  /** Marked rush by an automation rule: the board puts it first in its column. */
  rush: boolean;
  /** How many the table is for, when the guest said. */
  guestCount: number | null;
  /** What automation rules told the guest, oldest first: their tracking page shows it. */
  guestMessages: GuestMessage[];
  items: TicketItem[];
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

function toTicket(
  order: OrderRow & { table_label: string | null },
  items: OrderItemRow[],
): KitchenTicket {
  return {
    id: order.id,
    locationId: order.location_id,
    number: order.number,
    displayNumber: formatOrderNumber(order.number),
    businessDate: order.business_date,
    type: order.type,
    tableLabel: order.table_label,
    deliveryAddress: order.delivery_address,
    guestName: order.guest_name,
    guestPhone: order.guest_phone,
    notes: order.notes,
    status: order.status,
    version: order.version,
    subtotalCents: order.subtotal_cents,
    totalCents: order.total_cents,
    currency: order.currency,
    times: {
      placedAt: order.placed_at.toISOString(),
      acceptedAt: iso(order.accepted_at),
      preparingAt: iso(order.preparing_at),
      readyAt: iso(order.ready_at),
      completedAt: iso(order.completed_at),
      rejectedAt: iso(order.rejected_at),
      cancelledAt: iso(order.cancelled_at),
    },
    cancelReason: order.cancel_reason,
    rush: order.rush,
    guestCount: order.guest_count,
    guestMessages: order.guest_messages,
    items: items.map((item) => ({
      id: item.id,
      menuItemId: item.menu_item_id,
      name: item.name,
      quantity: item.quantity,
      unitPriceCents: item.unit_price_cents,
      lineTotalCents: item.line_total_cents,
      options: item.options,
      notes: item.notes,
      station: item.station,
      allergens: item.allergens,
      status: item.status,
    })),
  };
}

type TicketFilter =
  | { orderId: string }
  | { openAtLocation: number }
  /** Accepted to ready, and collected after `completedAfter`: the ready board's orders. */
  | { onBoardAt: number; completedAfter: Date };

/** Tickets for the given orders, in the order the filter yields them. */
async function loadTicketsWhere(
  db: Kysely<Database>,
  filter: TicketFilter,
): Promise<KitchenTicket[]> {
  let query = db
    .selectFrom('orders')
    .leftJoin('tables', 'tables.id', 'orders.table_id')
    .selectAll('orders')
    .select('tables.label as table_label');
  if ('orderId' in filter) {
    query = query.where('orders.id', '=', filter.orderId);
  } else if ('openAtLocation' in filter) {
    query = query
      .where('orders.location_id', '=', filter.openAtLocation)
      .where('orders.status', 'in', ['placed', 'accepted', 'preparing', 'ready'])
      .orderBy('orders.placed_at')
      .orderBy('orders.number');
  } else {
    // Numbers restart each business day, so the day comes first.
    query = query
      .where('orders.location_id', '=', filter.onBoardAt)
      .where((eb) =>
        eb.or([
          eb('orders.status', 'in', ['accepted', 'preparing', 'ready']),
          eb.and([
            eb('orders.status', '=', 'completed'),
            eb('orders.completed_at', '>', filter.completedAfter),
          ]),
        ]),
      )
      .orderBy('orders.business_date')
      .orderBy('orders.number');
  }
  const orders = await query.execute();
  if (orders.length === 0) return [];

  const items = await db
    .selectFrom('order_items')
    .selectAll()
    .where(
      'order_id',
      'in',
      orders.map((order) => order.id),
    )
    .orderBy('order_id')
    .orderBy('position')
    .execute();
  const itemsByOrder = new Map<string, OrderItemRow[]>();
  for (const item of items) {
    const list = itemsByOrder.get(item.order_id) ?? [];
    list.push(item);
    itemsByOrder.set(item.order_id, list);
  }
  return orders.map((order) => toTicket(order, itemsByOrder.get(order.id) ?? []));
}

export async function loadTicket(
  db: Kysely<Database>,
  orderId: string,
): Promise<KitchenTicket | null> {
  const [ticket] = await loadTicketsWhere(db, { orderId });
  return ticket ?? null;
}

/** Every open ticket of a location, oldest first. No limit: an old ticket must never drop off. */
export function loadOpenTickets(
  db: Kysely<Database>,
  locationId: number,
): Promise<KitchenTicket[]> {
  return loadTicketsWhere(db, { openAtLocation: locationId });
}

/**
 * The ready board's orders, oldest business day and lowest number first:
 * accepted to ready, and those collected after `completedAfter`, which the
 * board still shows ticked.
 */
export function loadBoardTickets(
  db: Kysely<Database>,
  locationId: number,
  completedAfter: Date,
): Promise<KitchenTicket[]> {
  return loadTicketsWhere(db, { onBoardAt: locationId, completedAfter });
}
