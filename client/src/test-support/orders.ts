/**
 * Test orders that every face's tests build the same way: the kitchen's
 * tickets (the full picture; the guest and board views are cut from it).
 * Test code only.
 */
import { BUILT_IN_SETTINGS, guestSettingsOf } from '@ticketrail/shared';
import type { KitchenTicket } from '../kitchen/kitchen-feed';

/** The stage times of an order placed at `placedAt` that has gone no further. */
export function placedAt(placedAt: string): KitchenTicket['times'] {
  return {
    placedAt,
    acceptedAt: null,
    preparingAt: null,
    readyAt: null,
    completedAt: null,
    rejectedAt: null,
    cancelledAt: null,
  };
}

/** The demo's first location as `menu.locations` lists it. */
export const HARBOUR_KITCHEN = {
  id: 1,
  slug: 'harbour-kitchen',
  name: 'Harbour Kitchen',
  ...guestSettingsOf(BUILT_IN_SETTINGS),
  timezone: 'Europe/Dublin',
  currency: 'EUR',
  acceptingOrders: true,
  quotedWaitMinutes: BUILT_IN_SETTINGS.prepMinutes,
};

type Item = KitchenTicket['items'][number];

let nextItemId = 1;

/** An order line, queued at the grill unless `overrides` say otherwise. */
export function item(name: string, overrides: Partial<Item> = {}): Item {
  return {
    id: nextItemId++,
    menuItemId: 7,
    name,
    quantity: 1,
    unitPriceCents: 1200,
    lineTotalCents: 1200,
    options: [],
    notes: null,
    station: 'grill',
    allergens: [],
    status: 'queued',
    ...overrides,
  };
}

/** Order `number`, placed, for pickup, with one burger. */
export function ticket(number: number, overrides: Partial<KitchenTicket> = {}): KitchenTicket {
  return {
    id: `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`,
    locationId: 1,
    number,
    displayNumber: `#${String(number).padStart(3, '0')}`,
    businessDate: '2026-11-24',
    type: 'pickup',
    tableLabel: null,
    deliveryAddress: null,
    guestName: 'Aoife',
    guestPhone: null,
    notes: null,
    status: 'placed',
    version: 1,
    subtotalCents: 1200,
    totalCents: 1200,
    currency: 'EUR',
    times: placedAt(`2026-11-24T12:${String(number % 60).padStart(2, '0')}:00.000Z`),
    rush: false,
    guestCount: null,
    guestMessages: [],
    cancelReason: null,
    items: [item('Burger')],
    ...overrides,
  };
}
