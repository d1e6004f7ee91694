/** Which trigger an event is, its words, and which stage a ticket entered with it. */
import { describe, expect, it } from 'vitest';
import type { DomainEvent, OrderChange } from '../live/event-log';
import type { KitchenTicket } from '../orders/tickets';
import { eventFacts, localMoment, stageEntered, triggerOf } from './facts';

const ticket = (status: KitchenTicket['status']): KitchenTicket => ({
  id: '00000000-0000-4000-8000-000000000042',
  locationId: 1,
  number: 42,
  displayNumber: '#042',
  businessDate: '2026-11-24',
  type: 'dine_in',
  tableLabel: 'Table 4',
  deliveryAddress: null,
  guestName: 'Aoife',
  guestPhone: null,
  notes: null,
  status,
  version: 3,
  subtotalCents: 2400,
  totalCents: 2400,
  currency: 'EUR',
  times: {
    placedAt: '2026-11-24T12:00:00.000Z',
    acceptedAt: '2026-11-24T12:01:00.000Z',
    preparingAt: '2026-11-24T12:02:00.000Z',
    readyAt: status === 'ready' ? '2026-11-24T12:20:00.000Z' : null,
    completedAt: null,
    rejectedAt: null,
    cancelledAt: null,
  },
  cancelReason: null,
  rush: false,
  guestCount: 4,
  guestMessages: [],
  items: [],
});

const changed = (change: OrderChange, status: KitchenTicket['status']): DomainEvent => ({
  type: 'order.changed',
  change,
  ticket: ticket(status),
});

describe('what an event triggers', () => {
  it('reads placing, bumps, the last dish rolling up, and recalls as order triggers', () => {
    expect(triggerOf(changed({ kind: 'placed' }, 'placed'))).toEqual({
      type: 'order.placed',
      summary: 'Order #042 placed',
    });
    expect(
      triggerOf(changed({ kind: 'status', from: 'accepted', to: 'preparing' }, 'preparing')),
    ).toEqual({ type: 'order.status', status: 'preparing', summary: 'Order #042 was started' });
    const lastDish: OrderChange = {
      kind: 'item',
      orderItemId: 7,
      from: 'cooking',
      to: 'done',
      rolledUp: { from: 'preparing', to: 'ready' },
    };
    expect(triggerOf(changed(lastDish, 'ready'))).toMatchObject({
      type: 'order.status',
      status: 'ready',
      summary: 'Order #042 became ready',
    });
    expect(triggerOf(changed({ ...lastDish, rolledUp: undefined }, 'preparing'))).toBeNull();
    expect(
      triggerOf(changed({ kind: 'recalled', from: 'ready', to: 'preparing' }, 'preparing')),
    ).toMatchObject({ summary: 'Order #042 was recalled to preparing' });
  });

  it('never triggers on what a rule itself did', () => {
    expect(triggerOf(changed({ kind: 'rush' }, 'preparing'))).toBeNull();
    expect(triggerOf(changed({ kind: 'message', text: 'Hi' }, 'preparing'))).toBeNull();
    const notice: DomainEvent = {
      type: 'automation.notice',
      notice: { id: 'run-1', text: 'x', sound: true, ruleName: 'r', orderNumber: null, at: '' },
    };
    expect(triggerOf(notice)).toBeNull();
  });

  it('gives the order’s facts and the local time and weekday', () => {
    const facts = eventFacts(
      changed({ kind: 'placed' }, 'placed'),
      new Date('2026-11-27T19:30:00Z'),
      'Europe/Dublin',
      null,
    );
    expect(facts).toEqual({
      trigger: 'order.placed',
      orderType: 'dine_in',
      totalCents: 2400,
      itemIds: [],
      stations: [],
      guestCount: 4,
      localTime: '19:30',
      weekday: 'fri',
    });
    expect(localMoment(new Date('2026-07-05T23:30:00Z'), 'Europe/Dublin')).toEqual({
      localTime: '00:30',
      weekday: 'mon',
    });
  });

  it('says which stage a ticket entered, and a recall enters none', () => {
    expect(stageEntered(changed({ kind: 'placed' }, 'placed'))).toEqual({
      stage: 'placed',
      at: '2026-11-24T12:00:00.000Z',
    });
    expect(
      stageEntered(changed({ kind: 'status', from: 'accepted', to: 'preparing' }, 'preparing')),
    ).toEqual({ stage: 'preparing', at: '2026-11-24T12:02:00.000Z' });
    expect(
      stageEntered(changed({ kind: 'recalled', from: 'ready', to: 'preparing' }, 'preparing')),
    ).toBeNull();
    expect(
      stageEntered(changed({ kind: 'status', from: 'ready', to: 'completed' }, 'completed')),
    ).toBeNull();
  });
});
