/**
 * The kitchen board's feed: its snapshot and events, inferred from the
 * router, and the reducer that applies one event to the board (the rules
 * every reducer shares are in live/reducer.ts).
 */
import type { RouterOutputs } from '@ticketrail/server';
import { kitchenSettingsOf, type OrderStatus } from '@ticketrail/shared';
import { applyNewer, type FeedItem, type Reducer } from '../live/reducer';

export type KitchenBoard = RouterOutputs['kitchen']['board'];
export type KitchenTicket = KitchenBoard['tickets'][number];
export type KitchenFeedItem = FeedItem<RouterOutputs['kitchen']['live']>;

/** Statuses after which an order leaves the kitchen board. */
const CLOSED: readonly OrderStatus[] = ['completed', 'rejected', 'cancelled'];

export const isClosed = (status: OrderStatus): boolean => CLOSED.includes(status);

/** Oldest first, as `kitchen.board` sends them: by time placed, then number. */
export function compareTickets(a: KitchenTicket, b: KitchenTicket): number {
  // ISO 8601 UTC strings of one length sort as text in time order.
  if (a.times.placedAt !== b.times.placedAt) return a.times.placedAt < b.times.placedAt ? -1 : 1;
  if (a.number !== b.number) return a.number - b.number;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The kitchen board after one kitchen event: a ticket is added or replaced when
 * the event's version is newer than the one on the board, and leaves once it
 * is completed, rejected or cancelled. Settings events replace the settings;
 * availability events leave the board alone.
 */
export const applyKitchenEvent: Reducer<KitchenBoard, KitchenFeedItem> = (board, item) =>
  applyNewer(board, item.id, (current) => {
    const event = item.data;
    if (event.type === 'settings.changed') {
      return { ...current, settings: kitchenSettingsOf(event.settings) };
    }
    if (event.type !== 'order.changed') return current;
    const incoming = event.ticket;
    const index = current.tickets.findIndex((ticket) => ticket.id === incoming.id);
    const existing = index === -1 ? null : current.tickets[index];
    if (existing && existing.version >= incoming.version) return current;
    if (isClosed(incoming.status)) {
      if (index === -1) return current;
      return { ...current, tickets: current.tickets.filter((ticket) => ticket.id !== incoming.id) };
    }
    const tickets =
      index === -1
        ? [...current.tickets, incoming]
        : current.tickets.map((ticket, at) => (at === index ? incoming : ticket));
    return { ...current, tickets: tickets.sort(compareTickets) };
  });
