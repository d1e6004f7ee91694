/**
 * The order state machine, as pure functions. The server enforces it; the
 * clients use the same functions to decide which buttons to show.
 *
 *   placed → accepted → preparing → ready → completed
 *   placed → rejected
 *   any open status → cancelled
 *
 * Items roll up: once an item is under way an accepted order is preparing, and
 * when every item is done the order is ready.
 */
import type { ItemStatus, OrderStatus, OrderType } from './domain';

const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  placed: ['accepted', 'rejected', 'cancelled'],
  // An accepted order whose items are all done (or a bump on the board) skips to ready.
  accepted: ['preparing', 'ready', 'cancelled'],
  preparing: ['ready', 'cancelled'],
  ready: ['completed', 'cancelled'],
  completed: [],
  rejected: [],
  cancelled: [],
};

export const OPEN_ORDER_STATUSES = ['placed', 'accepted', 'preparing', 'ready'] as const;
export type OpenOrderStatus = (typeof OPEN_ORDER_STATUSES)[number];

/**
 * The kitchen board's columns. "Preparing" holds accepted orders too: once a
 * ticket is accepted the crew is on it, whether or not an item has started.
 */
export const BOARD_COLUMNS = ['new', 'preparing', 'ready'] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

export function boardColumn(status: OpenOrderStatus): BoardColumn {
  if (status === 'placed') return 'new';
  return status === 'ready' ? 'ready' : 'preparing';
}

/**
 * Where a bump on the board sends an order: into the next column, or off the
 * board once handed over. An accepted order goes straight to ready, as the
 * crew bumps it when the food is up. The one meaning of "bump": the board
 * sends it as `kitchen.transition` to this target.
 */
const BUMP_TARGET: Readonly<Record<OpenOrderStatus, OrderStatus>> = {
  placed: 'accepted',
  accepted: 'ready',
  preparing: 'ready',
  ready: 'completed',
};

export function bumpTarget(status: OrderStatus): OrderStatus | null {
  return isOpen(status) ? BUMP_TARGET[status] : null;
}

/**
 * A recall undoes a bump: a ticket bumped off the board comes back as ready,
 * one bumped to ready goes back to preparing, one just accepted goes back to new. Only shortly after the bump
 * (`recallWindowMinutes` in the location's kitchen settings).
 */
const RECALL_TARGET: Partial<Record<OrderStatus, OrderStatus>> = {
  completed: 'ready',
  ready: 'preparing',
  // A new ticket accepted by mistake (the commonest slip) goes back to new.
  accepted: 'placed',
};

export function recallTarget(status: OrderStatus): OrderStatus | null {
  return RECALL_TARGET[status] ?? null;
}

/** Statuses in which the kitchen works on items. */
const COOKING_STATUSES: readonly OrderStatus[] = ['accepted', 'preparing'];

export function isOpen(status: OrderStatus): status is OpenOrderStatus {
  return (OPEN_ORDER_STATUSES as readonly OrderStatus[]).includes(status);
}

export function allowedTransitions(from: OrderStatus): readonly OrderStatus[] {
  return ORDER_TRANSITIONS[from];
}

export type TransitionCheck = { ok: true } | { ok: false; message: string };

export function checkTransition(from: OrderStatus, to: OrderStatus): TransitionCheck {
  const allowed = ORDER_TRANSITIONS[from];
  if (allowed.includes(to)) return { ok: true };
  if (allowed.length === 0) {
    return { ok: false, message: `The order is already ${from}; it cannot change any more.` };
  }
  return {
    ok: false,
    message: `The order is ${from}, so it cannot become ${to}. Allowed next: ${allowed.join(', ')}.`,
  };
}

/** What a bump to `to` does to the items: a ticket bumped to ready is all done. */
export function itemStatusAfterTransition(to: OrderStatus): ItemStatus | null {
  return to === 'ready' ? 'done' : null;
}

const ITEM_TRANSITIONS: Readonly<Record<ItemStatus, readonly ItemStatus[]>> = {
  // A tap marks an item done straight from the queue; the reverse steps undo a
  // mistaken tap without recalling the whole ticket.
  queued: ['cooking', 'done'],
  cooking: ['done', 'queued'],
  done: ['cooking', 'queued'],
};

export function checkItemChange(
  orderStatus: OrderStatus,
  from: ItemStatus,
  to: ItemStatus,
): TransitionCheck {
  if (orderStatus === 'placed') {
    return { ok: false, message: 'Accept the order before working on its items.' };
  }
  if (!COOKING_STATUSES.includes(orderStatus)) {
    return { ok: false, message: `The order is ${orderStatus}; its items can no longer change.` };
  }
  if (from === to) return { ok: false, message: `The item is already ${to}.` };
  if (!ITEM_TRANSITIONS[from].includes(to)) {
    return { ok: false, message: `An item that is ${from} cannot become ${to}.` };
  }
  return { ok: true };
}

/**
 * The order status implied by its items after one of them changed: an accepted
 * order whose items are under way is preparing; all done means ready.
 */
export function rollUp(orderStatus: OrderStatus, items: readonly ItemStatus[]): OrderStatus {
  if (!COOKING_STATUSES.includes(orderStatus)) return orderStatus;
  if (items.length > 0 && items.every((status) => status === 'done')) return 'ready';
  if (orderStatus === 'accepted' && items.some((status) => status !== 'queued')) return 'preparing';
  return orderStatus;
}

/** "completed" in the words the guest and the crew use for each order type. */
export function statusLabel(status: OrderStatus, type: OrderType): string {
  if (status === 'completed') {
    return { dine_in: 'Served', pickup: 'Picked up', delivery: 'Delivered' }[type];
  }
  return {
    placed: 'Placed',
    accepted: 'Accepted',
    preparing: 'Preparing',
    ready: type === 'delivery' ? 'Out for delivery' : 'Ready',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
  }[status];
}
