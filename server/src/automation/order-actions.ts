/**
 * The actions a rule takes inside Ticketrail: accept an order, mark its
 * ticket rush, tell its guest something, put a notice on the staff screens.
 * Each runs in the transaction that marks its run done (runner.ts), so it
 * happens exactly once, and each change writes its event like any other, so
 * every screen hears of it live.
 *
 * An action with nothing left to do (the order was accepted by hand already,
 * or is closed) succeeds with words saying so: there is nothing to retry.
 */
import type { Transaction } from 'kysely';
import {
  checkTransition,
  formatOrderNumber,
  isOpen,
  itemStatusAfterTransition,
  rooms,
} from '@ticketrail/shared';
import type { Action } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { appendEvent } from '../live/event-log';
import { publishChange, writeStatus } from '../orders/transition';

export type OrderAction = Extract<Action, { type: 'accept' | 'rush' | 'guestMessage' }>;
export type InternalAction = OrderAction | Extract<Action, { type: 'notice' }>;

/** Applies an order action; returns what happened, in words for the run history. */
export async function applyOrderAction(
  trx: Transaction<Database>,
  orderId: string,
  action: OrderAction,
  now: Date,
): Promise<string> {
  const order = await trx
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!order) return 'The order no longer exists; nothing to do.';
  const name = `Order ${formatOrderNumber(order.number)}`;
  switch (action.type) {
    case 'accept': {
      if (order.status !== 'placed') return `${name} was already ${order.status}; nothing to do.`;
      const check = checkTransition(order.status, 'accepted');
      if (!check.ok) return check.message;
      const itemStatus = itemStatusAfterTransition('accepted');
      if (itemStatus) {
        await trx
          .updateTable('order_items')
          .set({ status: itemStatus, updated_at: now })
          .where('order_id', '=', order.id)
          .execute();
      }
      await writeStatus(trx, order, 'accepted', now);
      await publishChange(
        trx,
        { ...order, version: order.version + 1 },
        {
          kind: 'status',
          from: 'placed',
          to: 'accepted',
        },
      );
      return `${name} accepted.`;
    }
    case 'rush': {
      if (order.rush) return `${name} was already rush.`;
      if (!isOpen(order.status)) return `${name} is ${order.status}; nothing to rush.`;
      await trx
        .updateTable('orders')
        .set({ rush: true, version: order.version + 1, updated_at: now })
        .where('id', '=', order.id)
        .execute();
      await publishChange(trx, order, { kind: 'rush' });
      return `${name} marked rush.`;
    }
    case 'guestMessage': {
      const messages = [...order.guest_messages, { text: action.text, at: now.toISOString() }];
      await trx
        .updateTable('orders')
        .set({
          guest_messages: JSON.stringify(messages),
          version: order.version + 1,
          updated_at: now,
        })
        .where('id', '=', order.id)
        .execute();
      await publishChange(trx, order, { kind: 'message', text: action.text });
      return `${name}: the guest was told.`;
    }
  }
}

/** Puts a rule's notice on the location's staff screens (the kitchen room). */
export async function showNotice(
  trx: Transaction<Database>,
  input: {
    runId: number;
    locationId: number;
    orderId: string | null;
    ruleName: string;
    action: Extract<Action, { type: 'notice' }>;
    now: Date;
  },
): Promise<string> {
  const order = input.orderId
    ? await trx
        .selectFrom('orders')
        .select('number')
        .where('id', '=', input.orderId)
        .executeTakeFirst()
    : undefined;
  await appendEvent(trx, input.locationId, [rooms.kitchen(input.locationId)], {
    type: 'automation.notice',
    notice: {
      id: `run-${input.runId}`,
      text: input.action.text,
      sound: input.action.sound,
      ruleName: input.ruleName,
      orderNumber: order ? formatOrderNumber(order.number) : null,
      at: input.now.toISOString(),
    },
  });
  return 'Shown on the staff screens.';
}
