/**
 * Who sees what of an order. Every event about an order goes to three rooms
 * (`orderRooms`): the location's kitchen sees the full ticket, the guest
 * holding the tracking link sees `GuestOrder`, the ready board `BoardEntry`.
 * The guest's and the board's views are cut from the kitchen ticket here, so
 * an audience can never see more than its projection lets through; live/feeds.ts
 * applies them per room, for live messages and replays alike.
 */
import { rooms, type OrderStatus } from '@ticketrail/shared';
import type { KitchenTicket, TicketItem } from './tickets';

/** The room list of every event about an order. */
export function orderRooms(ticket: Pick<KitchenTicket, 'id' | 'locationId'>) {
  return [rooms.kitchen(ticket.locationId), rooms.order(ticket.id), rooms.board(ticket.locationId)];
}

/**
 * The guest's own order: no phone number or address, in case the link is
 * shared, and not the kitchen's own rush mark.
 */
export type GuestOrder = Omit<
  KitchenTicket,
  'guestPhone' | 'deliveryAddress' | 'items' | 'rush'
> & {
  items: Omit<TicketItem, 'station' | 'menuItemId'>[];
};

/** A ready-board line: an order number and how far along it is, nothing else. */
export interface BoardEntry {
  businessDate: string;
  number: number;
  displayNumber: string;
  status: OrderStatus;
  /** The order's version: a recall moves a number back, so stages alone cannot order changes. */
  version: number;
  readyAt: string | null;
  /** When it was collected: the board keeps it up, ticked, for the location's collected time. */
  completedAt: string | null;
}

export function toGuestOrder(ticket: KitchenTicket): GuestOrder {
  const { guestPhone: _phone, deliveryAddress: _address, rush: _rush, items, ...rest } = ticket;
  return {
    ...rest,
    items: items.map(({ station: _station, menuItemId: _menuItemId, ...item }) => item),
  };
}

export function toBoardEntry(ticket: KitchenTicket): BoardEntry {
  return {
    businessDate: ticket.businessDate,
    number: ticket.number,
    displayNumber: ticket.displayNumber,
    status: ticket.status,
    version: ticket.version,
    readyAt: ticket.times.readyAt,
    completedAt: ticket.times.completedAt,
  };
}
