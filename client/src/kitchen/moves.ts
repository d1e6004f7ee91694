/**
 * What each move on the board does to a ticket, as the screen shows it before
 * the server answers. The same rules as the server's, from shared/: the
 * answer replaces this guess a moment later, and they should agree.
 */
import {
  bumpTarget,
  itemStatusAfterTransition,
  recallTarget,
  rollUp,
  type ItemStatus,
  type OrderStatus,
  type Station,
} from '@ticketrail/shared';
import type { KitchenTicket } from './kitchen-feed';

function withItems(
  ticket: KitchenTicket,
  change: (item: KitchenTicket['items'][number]) => ItemStatus,
): KitchenTicket {
  const items = ticket.items.map((item) => {
    const status = change(item);
    return status === item.status ? item : { ...item, status };
  });
  return {
    ...ticket,
    items,
    status: rollUp(
      ticket.status,
      items.map((item) => item.status),
    ),
  };
}

/** The ticket moved to `to`; a ticket bumped to ready has all its items done. */
export function movedTo(ticket: KitchenTicket, to: OrderStatus): KitchenTicket {
  const itemStatus = itemStatusAfterTransition(to);
  const moved = { ...ticket, status: to };
  return itemStatus ? withItems(moved, () => itemStatus) : moved;
}

/** Where a bump takes the ticket, and the ticket there; null when it cannot move. */
export function bumped(ticket: KitchenTicket): { to: OrderStatus; ticket: KitchenTicket } | null {
  const to = bumpTarget(ticket.status);
  return to ? { to, ticket: movedTo(ticket, to) } : null;
}

/** A tap on an item: done, or back in the queue if it was done. */
export function itemTapped(
  ticket: KitchenTicket,
  itemId: number,
): { status: ItemStatus; ticket: KitchenTicket } {
  const item = ticket.items.find((candidate) => candidate.id === itemId);
  const status: ItemStatus = item?.status === 'done' ? 'queued' : 'done';
  return {
    status,
    ticket: withItems(ticket, (candidate) => (candidate.id === itemId ? status : candidate.status)),
  };
}

/** A station's bump: its items done; the order rolls up as on the server. */
export function stationBumped(ticket: KitchenTicket, station: Station): KitchenTicket {
  return withItems(ticket, (item) => (item.station === station ? 'done' : item.status));
}

/** A recall: one stage back (the ticket as it was when it was bumped). */
export function recalled(ticket: KitchenTicket): KitchenTicket | null {
  const to = recallTarget(ticket.status);
  return to ? { ...ticket, status: to } : null;
}
