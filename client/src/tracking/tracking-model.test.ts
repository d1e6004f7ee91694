import { describe, expect, it } from 'vitest';
import { guestItem, guestOrder } from './test-orders';
import {
  headline,
  itemProgress,
  pageTitle,
  progressText,
  readyInstruction,
  readyNotification,
  showsItemProgress,
  trackingStages,
  type GuestOrder,
} from './tracking-model';

const T = {
  placedAt: '2026-11-24T12:00:00.000Z',
  acceptedAt: '2026-11-24T12:01:00.000Z',
  preparingAt: '2026-11-24T12:03:00.000Z',
  readyAt: '2026-11-24T12:14:00.000Z',
  completedAt: '2026-11-24T12:20:00.000Z',
  rejectedAt: null,
  cancelledAt: null,
};

const at = (status: GuestOrder['status'], times: Partial<GuestOrder['times']>) =>
  guestOrder({ status, times: { ...guestOrder().times, ...times } });

const summary = (order: GuestOrder) =>
  trackingStages(order).map((stage) => `${stage.key}:${stage.state}:${stage.at ?? '-'}`);

describe('trackingStages', () => {
  it('marks the stages behind the current one done, with their times, and none ahead', () => {
    const order = at('preparing', {
      acceptedAt: T.acceptedAt,
      preparingAt: T.preparingAt,
    });
    expect(summary(order)).toEqual([
      `placed:done:${T.placedAt}`,
      `accepted:done:${T.acceptedAt}`,
      `preparing:current:${T.preparingAt}`,
      'ready:upcoming:-',
      'completed:upcoming:-',
    ]);
  });

  it('starts with placed current', () => {
    expect(summary(guestOrder())).toEqual([
      `placed:current:${T.placedAt}`,
      'accepted:upcoming:-',
      'preparing:upcoming:-',
      'ready:upcoming:-',
      'completed:upcoming:-',
    ]);
  });

  it('shows a stage the kitchen skipped as done without a time', () => {
    // Bumped from accepted straight to ready: preparing was never stamped.
    const order = at('ready', { acceptedAt: T.acceptedAt, readyAt: T.readyAt });
    expect(summary(order)).toEqual([
      `placed:done:${T.placedAt}`,
      `accepted:done:${T.acceptedAt}`,
      'preparing:done:-',
      `ready:current:${T.readyAt}`,
      'completed:upcoming:-',
    ]);
  });

  it('follows a recall back: ready is upcoming again, whatever stamp it had', () => {
    const order = at('preparing', { ...T, completedAt: null });
    expect(trackingStages(order).map((stage) => stage.state)).toEqual([
      'done',
      'done',
      'current',
      'upcoming',
      'upcoming',
    ]);
    expect(trackingStages(order)[3]!.at).toBeNull();
  });

  it('names the last stage by order type', () => {
    const labels = (type: GuestOrder['type']) =>
      trackingStages(guestOrder({ type })).map((stage) => stage.label);
    expect(labels('pickup')).toEqual(['Placed', 'Accepted', 'Preparing', 'Ready', 'Picked up']);
    expect(labels('dine_in')).toEqual(['Placed', 'Accepted', 'Preparing', 'Ready', 'Served']);
    expect(labels('delivery')).toEqual([
      'Placed',
      'Accepted',
      'Preparing',
      'Out for delivery',
      'Delivered',
    ]);
  });

  it('ends a completed order on its last stage', () => {
    const stages = trackingStages(at('completed', T));
    expect(stages.at(-1)).toEqual({
      key: 'completed',
      label: 'Picked up',
      at: T.completedAt,
      state: 'current',
    });
    expect(stages.slice(0, -1).every((stage) => stage.state === 'done')).toBe(true);
  });

  it('stops a rejected order after placed, with nothing ahead', () => {
    const order = at('rejected', { rejectedAt: '2026-11-24T12:02:00.000Z' });
    expect(summary(order)).toEqual([
      `placed:done:${T.placedAt}`,
      'rejected:current:2026-11-24T12:02:00.000Z',
    ]);
  });

  it('stops a cancelled order where it got to', () => {
    const order = at('cancelled', {
      acceptedAt: T.acceptedAt,
      preparingAt: T.preparingAt,
      cancelledAt: '2026-11-24T12:05:00.000Z',
    });
    expect(summary(order)).toEqual([
      `placed:done:${T.placedAt}`,
      `accepted:done:${T.acceptedAt}`,
      `preparing:done:${T.preparingAt}`,
      'cancelled:current:2026-11-24T12:05:00.000Z',
    ]);
    expect(trackingStages(order).at(-1)!.label).toBe('Cancelled');
  });
});

describe('itemProgress', () => {
  it('counts portions, not lines', () => {
    const items = [
      guestItem('Burger', { quantity: 2, status: 'done' }),
      guestItem('Fries', { quantity: 1, status: 'cooking' }),
    ];
    const progress = itemProgress(items);
    expect(progress).toEqual({ ready: 2, cooking: 1, total: 3 });
    expect(progressText(progress)).toBe('2 of 3 ready');
  });

  it('says all when everything is up', () => {
    expect(progressText(itemProgress([guestItem('Burger', { quantity: 3, status: 'done' })]))).toBe(
      'All 3 ready',
    );
  });

  it('starts from none', () => {
    expect(progressText(itemProgress(guestOrder().items))).toBe('0 of 3 ready');
  });

  it('is shown only while the kitchen works item by item', () => {
    const shown = (
      ['placed', 'accepted', 'preparing', 'ready', 'completed', 'cancelled'] as const
    ).filter(showsItemProgress);
    expect(shown).toEqual(['accepted', 'preparing']);
  });
});

describe('what to do when it is ready', () => {
  it('tells a pickup guest to collect with the number', () => {
    expect(readyInstruction(guestOrder())).toBe('Collect it at the counter and show number #042.');
  });

  it('tells a dine-in guest it is coming to the table', () => {
    expect(readyInstruction(guestOrder({ type: 'dine_in', tableLabel: 'Table 4' }))).toBe(
      'On its way to Table 4.',
    );
    expect(readyInstruction(guestOrder({ type: 'dine_in', tableLabel: null }))).toBe(
      'On its way to your table.',
    );
  });

  it('tells a delivery guest it is out for delivery', () => {
    const order = guestOrder({ type: 'delivery', status: 'ready' });
    expect(headline(order).title).toBe('Your order is on its way');
    expect(readyInstruction(order)).toContain('out for delivery');
  });

  it('headlines a ready order as the banner', () => {
    expect(headline(guestOrder({ status: 'ready' }))).toEqual({
      title: 'Your order is ready',
      detail: 'Collect it at the counter and show number #042.',
    });
  });

  it('headlines a completed order by type', () => {
    expect(headline(guestOrder({ status: 'completed', type: 'dine_in' })).title).toBe('Served');
  });
});

describe('pageTitle', () => {
  it('leads with Ready! while ready', () => {
    expect(pageTitle(guestOrder({ status: 'ready' }), 'Harbour Kitchen')).toBe(
      'Ready! #042 · Harbour Kitchen',
    );
  });

  it('names the stage otherwise, and leaves out an unknown location', () => {
    expect(pageTitle(guestOrder({ status: 'preparing' }), null)).toBe('#042 · Preparing');
    expect(pageTitle(guestOrder({ status: 'completed' }), 'Harbour Kitchen')).toBe(
      '#042 · Picked up · Harbour Kitchen',
    );
  });
});

describe('readyNotification', () => {
  it('says which order and what to do', () => {
    expect(readyNotification(guestOrder(), 'Harbour Kitchen')).toEqual({
      title: 'Order #042 is ready',
      body: 'Collect it at the counter and show number #042. · Harbour Kitchen',
    });
  });
});
