import { describe, expect, it } from 'vitest';
import { BUILT_IN_SETTINGS } from '@ticketrail/shared';
import {
  applyKitchenEvent,
  type KitchenBoard,
  type KitchenFeedItem,
  type KitchenTicket,
} from './kitchen-feed';
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

const moved = (base: KitchenTicket, status: Status, version: number): KitchenTicket => ({
  ...base,
  status,
  version,
});

const orderEvent = (id: number, t: KitchenTicket): KitchenFeedItem => ({
  id: String(id),
  data: { type: 'order.changed', change: { kind: 'placed' }, ticket: t },
});

const ids = (board: KitchenBoard) => board.tickets.map((t) => `${t.id}@${t.version}:${t.status}`);

describe('kitchen board', () => {
  const a = ticket('a1');
  const b = ticket('b2');
  const settings = {
    warnAfterMinutes: 8,
    lateAfterMinutes: 15,
    recallWindowMinutes: 5,
    readyBoardCollectedSeconds: 60,
  };
  const start: KitchenBoard = { locationId: 1, tickets: [a, b], settings, lastEventId: 10 };

  it('takes new settings from a settings event, tickets untouched', () => {
    const later = {
      ...settings,
      warnAfterMinutes: 5,
      lateAfterMinutes: 10,
      recallWindowMinutes: 2,
    };
    const next = applyKitchenEvent(start, {
      id: '11',
      data: { type: 'settings.changed', settings: { ...BUILT_IN_SETTINGS, ...later } },
    });
    expect(next.settings).toEqual(later);
    expect(next.tickets).toBe(start.tickets);
    expect(
      applyKitchenEvent(next, {
        id: '11',
        data: { type: 'settings.changed', settings: { ...BUILT_IN_SETTINGS, ...settings } },
      }),
    ).toBe(next);
  });

  it('adds a new ticket and advances the cursor', () => {
    const c = ticket('c3');
    const next = applyKitchenEvent(start, orderEvent(11, c));
    expect(ids(next)).toEqual(['a1@1:placed', 'b2@1:placed', 'c3@1:placed']);
    expect(next.lastEventId).toBe(11);
    expect(start.tickets).toHaveLength(2); // the old snapshot is untouched
  });

  it('replaces a ticket with a newer version, in place', () => {
    const next = applyKitchenEvent(start, orderEvent(11, moved(a, 'accepted', 2)));
    expect(ids(next)).toEqual(['a1@2:accepted', 'b2@1:placed']);
  });

  it('keeps the newer ticket when an older version arrives late (out of order)', () => {
    const newer = applyKitchenEvent(start, orderEvent(12, moved(a, 'preparing', 3)));
    // Event 11 (version 2) after event 12: a no-op, the board stays at version 3.
    const late = applyKitchenEvent(newer, orderEvent(11, moved(a, 'accepted', 2)));
    expect(late).toBe(newer);
    expect(ids(late)).toEqual(['a1@3:preparing', 'b2@1:placed']);
  });

  it('ignores an older version even under a newer event id', () => {
    const newer = applyKitchenEvent(start, orderEvent(11, moved(a, 'preparing', 3)));
    const stale = applyKitchenEvent(newer, orderEvent(12, moved(a, 'accepted', 2)));
    expect(ids(stale)).toEqual(['a1@3:preparing', 'b2@1:placed']);
    expect(stale.lastEventId).toBe(12);
  });

  it('keeps the cached ticket for the same version under a newer id', () => {
    const next = applyKitchenEvent(start, orderEvent(11, { ...a }));
    expect(next.tickets[0]).toBe(a);
    expect(next.lastEventId).toBe(11);
  });

  it('applies a repeated event once (a replay after reconnecting)', () => {
    const c = ticket('c3');
    const once = applyKitchenEvent(start, orderEvent(11, c));
    const twice = applyKitchenEvent(once, orderEvent(11, c));
    expect(twice).toBe(once);
    expect(ids(twice)).toEqual(['a1@1:placed', 'b2@1:placed', 'c3@1:placed']);
  });

  it('skips events the snapshot already includes', () => {
    const c = ticket('c3');
    expect(applyKitchenEvent(start, orderEvent(10, c))).toBe(start);
    expect(applyKitchenEvent(start, orderEvent(3, c))).toBe(start);
  });

  it.each(['completed', 'rejected', 'cancelled'] as const)(
    'removes a ticket once it is %s',
    (status) => {
      const next = applyKitchenEvent(start, orderEvent(11, moved(a, status, 2)));
      expect(ids(next)).toEqual(['b2@1:placed']);
    },
  );

  it('does not bring a removed ticket back with a late event', () => {
    const gone = applyKitchenEvent(start, orderEvent(12, moved(a, 'completed', 5)));
    const late = applyKitchenEvent(gone, orderEvent(11, moved(a, 'ready', 4)));
    expect(ids(late)).toEqual(['b2@1:placed']);
  });

  it('does not add a ticket that is already closed', () => {
    const next = applyKitchenEvent(start, orderEvent(11, moved(ticket('c3'), 'cancelled', 2)));
    expect(ids(next)).toEqual(['a1@1:placed', 'b2@1:placed']);
    expect(next.lastEventId).toBe(11);
  });

  it('keeps the oldest first by time placed, then number', () => {
    const early = ticket('z9', { times: { ...a.times, placedAt: '2026-11-24T11:00:00.000Z' } });
    const sameTime = ticket('b0', { number: 0, times: { ...b.times } });
    let next = applyKitchenEvent(start, orderEvent(11, early));
    next = applyKitchenEvent(next, orderEvent(12, sameTime));
    expect(next.tickets.map((t) => t.id)).toEqual(['z9', 'a1', 'b0', 'b2']);
  });

  it('leaves tickets alone on availability events, but advances the cursor', () => {
    const next = applyKitchenEvent(start, {
      id: '11',
      data: {
        type: 'menu.availability',
        itemId: 7,
        name: 'Burger',
        available: false,
        soldOut: false,
      },
    });
    expect(next.tickets).toBe(start.tickets);
    expect(next.lastEventId).toBe(11);
  });

  it('ignores an event id that is not a number', () => {
    expect(applyKitchenEvent(start, orderEvent(Number.NaN, ticket('c3')))).toBe(start);
  });
});
