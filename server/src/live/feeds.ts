/**
 * What each room's subscribers receive. Events are stored once, in full; each
 * room's feed is cut from them here, by the publisher for the bus and by the
 * hub for replays alike, so a live message and a replayed one are the same.
 */
import { guestSettingsOf, type GuestSettings, type RoomName } from '@ticketrail/shared';
import type { DomainEvent, OrderChange } from './event-log';
import { toBoardEntry, toGuestOrder, type BoardEntry, type GuestOrder } from '../orders/audiences';

export interface FeedEvents {
  /** Staff: every event of the location, with full tickets. */
  kitchen: DomainEvent;
  /** The guest holding the tracking link: their order as they may see it. */
  order: { type: 'order.changed'; change: OrderChange; order: GuestOrder };
  /** Anyone: what can be ordered. */
  menu:
    | Extract<DomainEvent, { type: 'menu.availability' | 'menu.changed' }>
    /** Open or closed, order types, the quoted wait (no kitchen timers). */
    | { type: 'location.settings'; settings: GuestSettings };
  /**
   * Anyone, on the dining-room screen: order numbers and stages, and how long
   * a collected number stays up (not the kitchen's timers: nothing the room
   * does not need).
   */
  board:
    | { type: 'board.changed'; entry: BoardEntry }
    | { type: 'board.settings'; collectedSeconds: number };
}

export type RoomKind = keyof FeedEvents;
export type FeedEvent = FeedEvents[RoomKind];

export function roomKind(room: RoomName): RoomKind {
  return room.slice(0, room.indexOf(':')) as RoomKind;
}

/** The room's view of an event, or null when the room has nothing to see in it. */
export function feedEvent(room: RoomName, event: DomainEvent): FeedEvent | null {
  switch (roomKind(room)) {
    case 'kitchen':
      return event;
    case 'menu':
      if (event.type === 'settings.changed') {
        return { type: 'location.settings', settings: guestSettingsOf(event.settings) };
      }
      return event.type === 'menu.availability' || event.type === 'menu.changed' ? event : null;
    case 'order':
      return event.type === 'order.changed'
        ? { type: 'order.changed', change: event.change, order: toGuestOrder(event.ticket) }
        : null;
    case 'board':
      switch (event.type) {
        case 'order.changed':
          return { type: 'board.changed', entry: toBoardEntry(event.ticket) };
        case 'settings.changed':
          return {
            type: 'board.settings',
            collectedSeconds: event.settings.readyBoardCollectedSeconds,
          };
        case 'menu.availability':
        case 'menu.changed':
        case 'automation.notice':
          return null;
      }
  }
}
