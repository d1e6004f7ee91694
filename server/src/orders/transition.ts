/**
 * Moving orders and their items through the state machine in shared/. Every
 * change names the version it was decided on; if the order moved since, the
 * change is refused as a conflict rather than applied over someone else's.
 */
import type { Transaction, Kysely } from 'kysely';
import {
  checkItemChange,
  checkTransition,
  itemStatusAfterTransition,
  mayMoveOrderTo,
  mayRecallTo,
  mayWorkItems,
  recallTarget,
  rollUp,
  type ItemStatus,
  type OrderStatus,
  type Station,
} from '@ticketrail/shared';
import type { Database, OrderRow } from '../db/schema';
import { conflict, invalid, notFound } from '../errors';
import { appendEvent, transact, type OrderChange } from '../live/event-log';
import { readKitchenSettings } from '../kitchen/settings';
import type { SettingsLocks } from '../settings/read';
import { assertRole, worksAt } from '../staff/access';
import { type StaffActor } from '../staff/sessions';
import { orderRooms } from './audiences';
import { loadTicket, type KitchenTicket } from './tickets';

/** The column that records when an order reached each status after placing. */
const STAGE_COLUMN = {
  accepted: 'accepted_at',
  preparing: 'preparing_at',
  ready: 'ready_at',
  completed: 'completed_at',
  rejected: 'rejected_at',
  cancelled: 'cancelled_at',
} as const satisfies Record<Exclude<OrderStatus, 'placed'>, keyof OrderRow>;
type StageColumn = (typeof STAGE_COLUMN)[keyof typeof STAGE_COLUMN];

const ACTION_WORDS: Record<OrderStatus, string> = {
  placed: 'move orders back to placed',
  accepted: 'accept orders',
  preparing: 'start orders',
  ready: 'mark orders ready',
  completed: 'complete orders',
  rejected: 'reject orders',
  cancelled: 'cancel orders',
};

/** What a refused recall says the caller cannot do. */
const RECALL_WORDS: Record<OrderStatus, string> = {
  ...ACTION_WORDS,
  placed: 'take back an accepted order',
};

export interface TransitionInput {
  orderId: string;
  expectedVersion: number;
  to: OrderStatus;
  reason?: string | undefined;
}

export async function transitionOrder(
  db: Kysely<Database>,
  actor: StaffActor,
  input: TransitionInput,
  now = new Date(),
): Promise<KitchenTicket> {
  const { to } = input;
  // The role is decided by the input alone: checked before the order is read.
  assertRole(actor, mayMoveOrderTo(actor.role, to), ACTION_WORDS[to]);
  return changeOrder(db, actor, input, async (trx, order) => {
    const check = checkTransition(order.status, to);
    if (!check.ok) throw invalid(check.message);

    const itemStatus = itemStatusAfterTransition(to);
    if (itemStatus) {
      await trx
        .updateTable('order_items')
        .set({ status: itemStatus, updated_at: now })
        .where('order_id', '=', order.id)
        .where('status', '!=', itemStatus)
        .execute();
    }
    const closing = to === 'cancelled' || to === 'rejected';
    await writeStatus(trx, order, to, now, {
      cancel_reason: closing ? (input.reason ?? null) : null,
    });
    return { kind: 'status', from: order.status, to };
  });
}

/**
 * Undoes the order's last bump: off the board back to ready, or ready back to
 * preparing, within the location's recall window. The stage left is
 * unstamped, so the times read as if the bump had not happened; items stay
 * as they are (a cook taps one back if it needs redoing).
 */
export async function recallOrder(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { orderId: string; expectedVersion: number },
  now: Date,
  locks: SettingsLocks,
): Promise<KitchenTicket> {
  return changeOrder(db, actor, input, async (trx, order) => {
    const to = recallTarget(order.status);
    if (!to) throw invalid(`Order ${order.number} is ${order.status}; there is no bump to recall.`);
    assertRole(actor, mayRecallTo(actor.role, to), RECALL_WORDS[to]);
    // recallTarget only answers for completed, ready and accepted, which all have a column.
    const left = STAGE_COLUMN[order.status as 'completed' | 'ready' | 'accepted'];
    const bumpedAt = order[left];
    const { recallWindowMinutes } = await readKitchenSettings(trx, order.location_id, locks);
    if (!bumpedAt || now.getTime() - bumpedAt.getTime() > recallWindowMinutes * 60_000) {
      throw invalid(
        `Order ${order.number} was bumped more than ${recallWindowMinutes} minutes ago; ` +
          'it can no longer be recalled.',
      );
    }
    await trx
      .updateTable('orders')
      .set({ [left]: null, status: to, version: order.version + 1, updated_at: now })
      .where('id', '=', order.id)
      .execute();
    return { kind: 'recalled', from: order.status, to };
  });
}

/**
 * A station's bump on its own view of the ticket: every one of its items on
 * the order is done. The order rolls up as it would item by item (ready when
 * nothing is left at any station).
 */
export async function bumpStation(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { orderId: string; expectedVersion: number; station: Station },
  now = new Date(),
): Promise<KitchenTicket> {
  assertRole(actor, mayWorkItems(actor.role), 'mark items');
  return changeOrder(db, actor, input, async (trx, order) => {
    const items = await trx
      .selectFrom('order_items')
      .select(['id', 'station', 'status'])
      .where('order_id', '=', order.id)
      .execute();
    const open = items.filter((item) => item.station === input.station && item.status !== 'done');
    if (open.length === 0) {
      throw invalid(`Order ${order.number} has nothing left for the ${input.station} station.`);
    }
    for (const item of open) {
      const check = checkItemChange(order.status, item.status, 'done');
      if (!check.ok) throw invalid(check.message);
    }
    const ids = open.map((item) => item.id);
    await trx
      .updateTable('order_items')
      .set({ status: 'done', updated_at: now })
      .where('id', 'in', ids)
      .execute();
    const statuses = items.map((item) => (ids.includes(item.id) ? 'done' : item.status));
    const rolledUp = rollUp(order.status, statuses);
    await writeStatus(trx, order, rolledUp, now);
    return {
      kind: 'station',
      station: input.station,
      orderItemIds: ids,
      ...movedFrom(order.status, rolledUp),
    };
  });
}

export interface ItemStatusInput {
  orderId: string;
  orderItemId: number;
  expectedVersion: number;
  status: ItemStatus;
}

export async function setItemStatus(
  db: Kysely<Database>,
  actor: StaffActor,
  input: ItemStatusInput,
  now = new Date(),
): Promise<KitchenTicket> {
  assertRole(actor, mayWorkItems(actor.role), 'mark items');
  return changeOrder(db, actor, input, async (trx, order) => {
    const item = await trx
      .selectFrom('order_items')
      .select(['id', 'status'])
      .where('id', '=', input.orderItemId)
      .where('order_id', '=', order.id)
      .executeTakeFirst();
    if (!item) throw notFound(`Item ${input.orderItemId} is not on this order.`);
    const check = checkItemChange(order.status, item.status, input.status);
    if (!check.ok) throw invalid(check.message);

    await trx
      .updateTable('order_items')
      .set({ status: input.status, updated_at: now })
      .where('id', '=', item.id)
      .execute();
    const statuses = await trx
      .selectFrom('order_items')
      .select('status')
      .where('order_id', '=', order.id)
      .execute();
    const rolledUp = rollUp(
      order.status,
      statuses.map((row) => row.status),
    );
    await writeStatus(trx, order, rolledUp, now);
    return {
      kind: 'item',
      orderItemId: item.id,
      from: item.status,
      to: input.status,
      ...movedFrom(order.status, rolledUp),
    };
  });
}

/** Says the order's status moved, when an item's change rolled it up or down. */
function movedFrom(
  from: OrderStatus,
  to: OrderStatus,
): { rolledUp?: { from: OrderStatus; to: OrderStatus } } {
  return from === to ? {} : { rolledUp: { from, to } };
}

/**
 * The one shape of every change to an order: in one transaction, lock the
 * order at the version the screen decided on (refusing another location's
 * order as not found, a stale version as a conflict), make the change, and
 * append its event with the ticket as it now stands, for every audience.
 */
function changeOrder(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { orderId: string; expectedVersion: number },
  change: (trx: Transaction<Database>, order: OrderRow) => Promise<OrderChange>,
): Promise<KitchenTicket> {
  return transact(db, async (trx) => {
    const order = await lockOrder(trx, actor, input.orderId, input.expectedVersion);
    return publishChange(trx, order, await change(trx, order));
  });
}

/** Locks the order row and checks that the actor may touch it at the version they saw. */
async function lockOrder(
  trx: Transaction<Database>,
  actor: StaffActor,
  orderId: string,
  expectedVersion: number,
): Promise<OrderRow> {
  const order = await trx
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    // Not FOR UPDATE: that would also block inserts that reference the order.
    .forNoKeyUpdate()
    .executeTakeFirst();
  // Another location's order is "not found" too: staff learn nothing about
  // orders they may not touch, not even that they exist.
  if (!order || !worksAt(actor, order.location_id)) throw notFound('Order not found.');
  if (order.version !== expectedVersion) {
    throw conflict(
      `Order ${order.number} was changed on another screen (it is now ${order.status}). ` +
        'The board has been refreshed; try again.',
    );
  }
  return order;
}

/** Bumps the version and stamps the times of every stage the order reached. */
export async function writeStatus(
  trx: Transaction<Database>,
  order: OrderRow,
  status: OrderStatus,
  now: Date,
  extra: { cancel_reason?: string | null } = {},
): Promise<void> {
  const stamps: Partial<Record<StageColumn, Date>> = {};
  // An order that jumps from accepted to ready (all items done) was also preparing.
  if (status === 'ready' && !order.preparing_at) stamps.preparing_at = now;
  if (status !== order.status && status !== 'placed') stamps[STAGE_COLUMN[status]] = now;
  await trx
    .updateTable('orders')
    .set({ ...stamps, ...extra, status, version: order.version + 1, updated_at: now })
    .where('id', '=', order.id)
    .execute();
}

/** Appends the change's event with the ticket as it now stands, for every audience. */
export async function publishChange(
  trx: Transaction<Database>,
  order: OrderRow,
  change: OrderChange,
): Promise<KitchenTicket> {
  const ticket = await loadTicket(trx, order.id);
  if (!ticket) throw new Error(`Order ${order.id} vanished inside its transaction`);
  await appendEvent(trx, order.location_id, orderRooms(ticket), {
    type: 'order.changed',
    change,
    ticket,
  });
  return ticket;
}
