/** Tickets for the kitchen's tests, built from a few words. Test code only. */
import type { KitchenTicket } from '../live/reducers';
import { placedAt } from '../test-support/orders';

type Item = KitchenTicket['items'][number];

let nextItemId = 1;

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
    cancelReason: null,
    items: [item('Burger')],
    ...overrides,
  };
}

export const SETTINGS = {
  warnAfterMinutes: 8,
  lateAfterMinutes: 15,
  recallWindowMinutes: 5,
  readyBoardCollectedSeconds: 60,
};
