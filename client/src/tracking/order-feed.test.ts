import { describe, expect, it } from 'vitest';
import type { KitchenTicket } from '../kitchen/kitchen-feed';
import { applyOrderEvent, type OrderFeedItem, type TrackedOrder } from './order-feed';
import { item as ticketItem, ticket as kitchenTicket } from '../test-support/orders';

type Status = KitchenTicket['status'];

/** A kitchen ticket called `id`, numbered by the digits in it ('c3' is #003). */
function ticket(id: string, overrides: Partial<KitchenTicket> = {}): KitchenTicket {
  const number = overrides.number ?? Number(id.replace(/\D/g, '') || '1');
  return kitchenTicket(number, {
    id,
    guestPhone: '+353 1 000 0000',
    items: [ticketItem('Burger', { allergens: ['gluten', 'milk'] })],
    ...overrides,
  });
}

describe('guest order', () => {
  const { guestPhone: _phone, deliveryAddress: _address, items, ...rest } = ticket('o1');
  const order: TrackedOrder['order'] = {
    ...rest,
    items: items.map(({ station: _station, menuItemId: _menuItemId, ...item }) => item),
  };
  const start: TrackedOrder = { order, lastEventId: 4 };
  const event = (id: number, status: Status, version: number): OrderFeedItem => ({
    id: String(id),
    data: {
      type: 'order.changed',
      change: { kind: 'status', from: 'placed', to: status },
      order: { ...order, status, version },
    },
  });

  it('replaces the order with a newer version', () => {
    const next = applyOrderEvent(start, event(5, 'accepted', 2));
    expect(next.order.status).toBe('accepted');
    expect(next.lastEventId).toBe(5);
  });

  it('keeps the newer order when events repeat or arrive out of order', () => {
    const ready = applyOrderEvent(start, event(7, 'ready', 4));
    expect(applyOrderEvent(ready, event(7, 'ready', 4))).toBe(ready);
    expect(applyOrderEvent(ready, event(6, 'preparing', 3))).toBe(ready);
    const staleUnderNewerId = applyOrderEvent(ready, event(8, 'preparing', 3));
    expect(staleUnderNewerId.order.status).toBe('ready');
    expect(staleUnderNewerId.lastEventId).toBe(8);
  });

  it('ignores another order', () => {
    const other = event(5, 'accepted', 2);
    const next = applyOrderEvent(start, {
      ...other,
      data: { ...other.data, order: { ...other.data.order, id: 'someone-else' } },
    });
    expect(next.order).toBe(start.order);
  });
});
