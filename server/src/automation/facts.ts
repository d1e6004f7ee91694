/**
 * What a rule can read off an event: which trigger it is, and the facts its
 * conditions compare (shared/src/automation-rules.ts, EventFacts), with a line
 * of words for the run history ("Order #042 placed").
 *
 * Events a rule itself causes (a notice, a rush mark, a message to the guest)
 * trigger nothing: a rule must never be able to start itself again.
 */
import {
  isOpen,
  localParts,
  WEEKDAYS,
  type EventFacts,
  type LateStage,
  type OrderStatus,
  type Station,
  type TriggerType,
} from '@ticketrail/shared';
import type { DomainEvent } from '../live/event-log';
import type { KitchenTicket } from '../orders/tickets';

/** "Order #042 …": what an order's move to each status reads as in the run history. */
const MOVED_WORDS: Record<OrderStatus, string> = {
  placed: 'went back to new',
  accepted: 'was accepted',
  preparing: 'was started',
  ready: 'became ready',
  completed: 'was collected',
  rejected: 'was rejected',
  cancelled: 'was cancelled',
};

export const STAGE_WORDS: Record<LateStage, string> = {
  placed: 'New',
  accepted: 'Accepted',
  preparing: 'Preparing',
  ready: 'Ready',
};

/** The trigger an event is, and the status an order moved to; null when it is none. */
export function triggerOf(
  event: DomainEvent,
): { type: TriggerType; status?: OrderStatus; summary: string } | null {
  switch (event.type) {
    case 'order.changed': {
      const number = event.ticket.displayNumber;
      const change = event.change;
      if (change.kind === 'placed')
        return { type: 'order.placed', summary: `Order ${number} placed` };
      const moved = statusMove(event);
      if (!moved) return null;
      return {
        type: 'order.status',
        status: moved.to,
        summary: `Order ${number} ${change.kind === 'recalled' ? `was recalled to ${moved.to}` : MOVED_WORDS[moved.to]}`,
      };
    }
    case 'menu.availability': {
      const off = !event.available || event.soldOut;
      return off
        ? { type: 'item.unavailable', summary: `${event.name} marked unavailable` }
        : { type: 'item.available', summary: `${event.name} back on` };
    }
    case 'settings.changed':
      return { type: 'settings.changed', summary: 'Settings changed' };
    case 'menu.changed':
    case 'automation.notice':
      return null;
  }
}

/** "HH:MM" and the weekday of a moment in the location's time zone. */
export function localMoment(at: Date, timezone: string): Pick<EventFacts, 'localTime' | 'weekday'> {
  const { date, minutes } = localParts(at, timezone);
  const hours = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mins = String(minutes % 60).padStart(2, '0');
  // Date.getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  const weekday = WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
  return { localTime: `${hours}:${mins}`, weekday };
}

/** The order facts of a ticket. */
export function ticketFacts(
  ticket: KitchenTicket,
): Pick<EventFacts, 'orderType' | 'totalCents' | 'itemIds' | 'stations' | 'guestCount'> {
  return {
    orderType: ticket.type,
    totalCents: ticket.totalCents,
    itemIds: [...new Set(ticket.items.map((item) => item.menuItemId))],
    stations: [...new Set(ticket.items.map((item) => item.station))],
    ...(ticket.guestCount === null ? {} : { guestCount: ticket.guestCount }),
  };
}

/**
 * The facts of an event, or null when it triggers nothing. `itemStation` is
 * the station of the dish an availability event names (the event does not
 * carry it).
 */
export function eventFacts(
  event: DomainEvent,
  at: Date,
  timezone: string,
  itemStation: Station | null,
): EventFacts | null {
  const trigger = triggerOf(event);
  if (!trigger) return null;
  const moment = localMoment(at, timezone);
  const facts: EventFacts = {
    trigger: trigger.type,
    ...(trigger.status ? { status: trigger.status } : {}),
    ...moment,
  };
  if (event.type === 'order.changed') return { ...facts, ...ticketFacts(event.ticket) };
  if (event.type === 'menu.availability') {
    return {
      ...facts,
      itemIds: [event.itemId],
      ...(itemStation ? { stations: [itemStation] } : {}),
    };
  }
  return facts;
}

/**
 * The status an order moved to with this event: a bump, a recall, or the
 * last dish done rolling the order up to ready. Null when it did not move.
 */
function statusMove(
  event: Extract<DomainEvent, { type: 'order.changed' }>,
): { to: OrderStatus } | null {
  const { change } = event;
  switch (change.kind) {
    case 'status':
    case 'recalled':
      return { to: change.to };
    case 'item':
    case 'station':
      return change.rolledUp ? { to: change.rolledUp.to } : null;
    case 'placed':
    case 'rush':
    case 'message':
      return null;
  }
}

/**
 * The stage a ticket entered with this event and when, for late-ticket timers;
 * null when it entered none. A recall goes back to a stage the ticket already
 * waited in, with that stage's old time, so it starts no new wait.
 */
export function stageEntered(event: DomainEvent): { stage: LateStage; at: string } | null {
  if (event.type !== 'order.changed') return null;
  const { change, ticket } = event;
  if (change.kind === 'placed') return { stage: 'placed', at: ticket.times.placedAt };
  if (change.kind === 'recalled') return null;
  const moved = statusMove(event);
  if (!moved || !isOpen(moved.to)) return null;
  const at = stageTime(ticket, moved.to);
  return at ? { stage: moved.to, at } : null;
}

/** When the ticket entered `stage`, or null if it has not. */
export function stageTime(ticket: Pick<KitchenTicket, 'times'>, stage: LateStage): string | null {
  switch (stage) {
    case 'placed':
      return ticket.times.placedAt;
    case 'accepted':
      return ticket.times.acceptedAt;
    case 'preparing':
      return ticket.times.preparingAt;
    case 'ready':
      return ticket.times.readyAt;
  }
}
