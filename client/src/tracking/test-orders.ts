/** Guest orders for the tracking page's tests, built from a few words. Test code only. */
import type { GuestItem, GuestOrder } from './tracking-model';
import { item, placedAt } from '../test-support/orders';

/** A line as the guest sees it: the kitchen's item without its station. */
export function guestItem(name: string, overrides: Partial<GuestItem> = {}): GuestItem {
  const { station: _station, menuItemId: _menuItemId, ...line } = item(name, overrides);
  return line;
}

export const ORDER_ID = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
export const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz';

export function guestOrder(overrides: Partial<GuestOrder> = {}): GuestOrder {
  return {
    id: ORDER_ID,
    locationId: 1,
    number: 42,
    displayNumber: '#042',
    businessDate: '2026-11-24',
    type: 'pickup',
    tableLabel: null,
    guestName: 'Aoife',
    notes: null,
    status: 'placed',
    version: 1,
    subtotalCents: 3650,
    totalCents: 3650,
    currency: 'EUR',
    times: placedAt('2026-11-24T12:00:00.000Z'),
    cancelReason: null,
    guestCount: null,
    guestMessages: [],
    items: [
      guestItem('Smash Burger', {
        quantity: 2,
        unitPriceCents: 1450,
        lineTotalCents: 2900,
        options: [{ optionId: 3, group: 'Doneness', name: 'Medium', priceDeltaCents: 0 }],
        notes: 'no pickles',
      }),
      guestItem('Skin-on Fries', { unitPriceCents: 750, lineTotalCents: 750 }),
    ],
    ...overrides,
  };
}
