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
  mayWorkItems,
  nextStage,
  rollUp,
  type ItemStatus,
  type OrderStatus,
} from '@ticketrail/shared';
import type { Database, OrderRow } from '../../db/schema';
import { conflict, invalid, notFound } from '../errors';
import { appendEvent, type OrderChange } from '../events';
import { assertRole, assertWorksAt, type StaffActor } from '../staff';
import { orderRooms } from './place';
import { loadTicket, type KitchenTicket } from './views';

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
  placed: 'place orders',
  accepted: 'accept orders',
  preparing: 'start orders',
  ready: 'mark orders ready',
  completed: 'complete orders',
  rejected: 'reject orders',
  cancelled: 'cancel orders',
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
  return db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, actor, input.orderId, input.expectedVersion);
    assertRole(actor, mayMoveOrderTo(actor.role, input.to), ACTION_WORDS[input.to]);
    const check = checkTransition(order.status, input.to);
    if (!check.ok) throw invalid(check.message);

    const itemStatus = itemStatusAfterTransition(input.to);
    if (itemStatus) {
      await trx
        .updateTable('order_items')
        .set({ status: itemStatus, updated_at: now })
        .where('order_id', '=', order.id)
        .where('status', '!=', itemStatus)
        .execute();
    }
    await writeStatus(trx, order, input.to, now, {
      cancel_reason:
        input.to === 'cancelled' || input.to === 'rejected' ? (input.reason ?? null) : null,
    });
    return publishChange(trx, order, { kind: 'status', from: order.status, to: input.to });
  });
}

/** The kitchen's bump: the next stage forward, whatever the current one is. */
export async function advanceOrder(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { orderId: string; expectedVersion: number },
  now = new Date(),
): Promise<KitchenTicket> {
  const current = await db
    .selectFrom('orders')
    .select(['status', 'version'])
    .where('id', '=', input.orderId)
    .executeTakeFirst();
  if (!current) throw notFound('Order not found.');
  const to = nextStage(current.status);
  if (!to) throw invalid(`The order is ${current.status}; there is no next stage.`);
  // The version check inside transitionOrder catches a move between these reads.
  return transitionOrder(db, actor, { ...input, to }, now);
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
  return db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, actor, input.orderId, input.expectedVersion);
    assertRole(actor, mayWorkItems(actor.role), 'mark items');
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
    return publishChange(trx, order, {
      kind: 'item',
      orderItemId: item.id,
      from: item.status,
      to: input.status,
    });
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
  if (!order) throw notFound('Order not found.');
  assertWorksAt(actor, order.location_id);
  if (order.version !== expectedVersion) {
    throw conflict(
      `Order ${order.number} was changed on another screen (it is now ${order.status}). ` +
        'The board has been refreshed; try again.',
    );
  }
  return order;
}

/** Bumps the version and stamps the times of every stage the order reached. */
async function writeStatus(
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

async function publishChange(
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
