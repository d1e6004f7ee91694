import { describe, expect, it } from 'vitest';
import {
  applyBoardEvent,
  applyKitchenEvent,
  applyMenuEvent,
  applyOrderEvent,
  boardStage,
  collectedUntil,
  type BoardFeedItem,
  type KitchenBoard,
  type KitchenFeedItem,
  type KitchenTicket,
  type Menu,
  type MenuFeedItem,
  type OrderFeedItem,
  type ReadyBoard,
  type ReadyBoardEntry,
  type TrackedOrder,
} from './reducers';
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
      data: { type: 'kitchen.settings', settings: later },
    });
    expect(next.settings).toEqual(later);
    expect(next.tickets).toBe(start.tickets);
    expect(
      applyKitchenEvent(next, { id: '11', data: { type: 'kitchen.settings', settings } }),
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

describe('ready board', () => {
  // An order's version grows with every change; by default, one per stage reached.
  const STAGE_VERSION: Record<Status, number> = {
    placed: 1,
    accepted: 2,
    preparing: 3,
    ready: 4,
    completed: 5,
    rejected: 2,
    cancelled: 5,
  };
  const entry = (
    number: number,
    status: Status,
    businessDate = '2026-11-24',
    version = STAGE_VERSION[status],
    completedAt: string | null = status === 'completed' ? '2026-11-24T12:40:00.000Z' : null,
  ): ReadyBoardEntry => ({
    businessDate,
    number,
    displayNumber: `#${String(number).padStart(3, '0')}`,
    status,
    version,
    readyAt: status === 'ready' || status === 'completed' ? '2026-11-24T12:30:00.000Z' : null,
    completedAt,
  });
  const start: ReadyBoard = {
    location: { slug: 'harbour-kitchen', name: 'Harbour Kitchen', timezone: 'Europe/Dublin' },
    entries: [entry(1, 'preparing'), entry(2, 'accepted')],
    collectedSeconds: 60,
    serverTime: '2026-11-24T12:35:00.000Z',
    lastEventId: 20,
  };
  const event = (id: number, e: ReadyBoardEntry): BoardFeedItem => ({
    id: String(id),
    data: { type: 'board.changed', entry: e },
  });
  const settingsEvent = (id: number, collectedSeconds: number): BoardFeedItem => ({
    id: String(id),
    data: { type: 'board.settings', collectedSeconds },
  });
  const shown = (board: ReadyBoard) =>
    board.entries.map((e) => `${e.businessDate.slice(5)}/${e.number}:${e.status}`);

  it('adds an accepted order and moves it along', () => {
    let next = applyBoardEvent(start, event(21, entry(3, 'accepted')));
    next = applyBoardEvent(next, event(22, entry(3, 'ready')));
    expect(shown(next)).toEqual(['11-24/1:preparing', '11-24/2:accepted', '11-24/3:ready']);
    expect(next.lastEventId).toBe(22);
  });

  it('does not show a placed order', () => {
    const next = applyBoardEvent(start, event(21, entry(3, 'placed')));
    expect(shown(next)).toEqual(['11-24/1:preparing', '11-24/2:accepted']);
  });

  it.each(['rejected', 'cancelled'] as const)('drops an order at once when %s', (status) => {
    const next = applyBoardEvent(start, event(21, entry(1, status, undefined, 6)));
    expect(shown(next)).toEqual(['11-24/2:accepted']);
  });

  it('keeps a collected order, with when it was collected, for the page to tick and time out', () => {
    const ready = applyBoardEvent(start, event(21, entry(1, 'ready')));
    const collected = applyBoardEvent(ready, event(22, entry(1, 'completed')));
    expect(shown(collected)).toEqual(['11-24/1:completed', '11-24/2:accepted']);
    expect(collected.entries[0]?.completedAt).toBe('2026-11-24T12:40:00.000Z');
  });

  it('drops a collected order at once when the collected time is 0', () => {
    const ready = applyBoardEvent({ ...start, collectedSeconds: 0 }, event(21, entry(1, 'ready')));
    expect(shown(applyBoardEvent(ready, event(22, entry(1, 'completed'))))).toEqual([
      '11-24/2:accepted',
    ]);
  });

  it('forgets collected orders whose time a later collection shows is up', () => {
    const at = (minute: number) => `2026-11-24T12:${minute}:00.000Z`;
    let next = applyBoardEvent(start, event(21, entry(1, 'completed', undefined, 5, at(40))));
    next = applyBoardEvent(next, event(22, entry(2, 'completed', undefined, 5, at(40))));
    // 59 s later: both still have time left.
    next = applyBoardEvent(
      next,
      event(23, entry(3, 'completed', undefined, 5, '2026-11-24T12:40:59.000Z')),
    );
    expect(shown(next)).toEqual(['11-24/1:completed', '11-24/2:completed', '11-24/3:completed']);
    // A minute after the first two were collected: their time is up, the new one stays.
    next = applyBoardEvent(next, event(24, entry(4, 'completed', undefined, 5, at(41))));
    expect(shown(next)).toEqual(['11-24/3:completed', '11-24/4:completed']);
  });

  it('takes a new collected time from a settings event; 0 clears the collected orders', () => {
    const collected = applyBoardEvent(start, event(21, entry(1, 'completed')));
    const longer = applyBoardEvent(collected, settingsEvent(22, 300));
    expect(longer.collectedSeconds).toBe(300);
    expect(longer.entries).toBe(collected.entries);
    expect(longer.lastEventId).toBe(22);
    expect(applyBoardEvent(longer, settingsEvent(22, 0))).toBe(longer); // a replay
    const none = applyBoardEvent(longer, settingsEvent(23, 0));
    expect(none.collectedSeconds).toBe(0);
    expect(shown(none)).toEqual(['11-24/2:accepted']);
  });

  it('tells the same number on two business days apart', () => {
    const next = applyBoardEvent(start, event(21, entry(1, 'accepted', '2026-11-25')));
    expect(shown(next)).toEqual(['11-24/1:preparing', '11-24/2:accepted', '11-25/1:accepted']);
  });

  it('never moves an entry backwards, whatever the order of arrival', () => {
    const ready = applyBoardEvent(start, event(22, entry(1, 'ready')));
    expect(applyBoardEvent(ready, event(22, entry(1, 'ready')))).toBe(ready);
    expect(applyBoardEvent(ready, event(21, entry(1, 'preparing')))).toBe(ready);
    expect(shown(applyBoardEvent(ready, event(23, entry(1, 'accepted'))))).toEqual([
      '11-24/1:ready',
      '11-24/2:accepted',
    ]);
  });

  it('follows a recall back: ready to preparing, and collected back to ready', () => {
    const ready = applyBoardEvent(start, event(22, entry(1, 'ready')));
    const recalled = applyBoardEvent(ready, event(23, entry(1, 'preparing', undefined, 5)));
    expect(shown(recalled)).toEqual(['11-24/1:preparing', '11-24/2:accepted']);
    const collected = applyBoardEvent(ready, event(23, entry(1, 'completed')));
    expect(shown(collected)).toEqual(['11-24/1:completed', '11-24/2:accepted']);
    const back = applyBoardEvent(collected, event(24, entry(1, 'ready', undefined, 6)));
    expect(shown(back)).toEqual(['11-24/1:ready', '11-24/2:accepted']);
    expect(back.entries[0]?.completedAt).toBeNull();
  });

  it('shows accepted as preparing', () => {
    expect(boardStage('accepted')).toBe('preparing');
    expect(boardStage('preparing')).toBe('preparing');
    expect(boardStage('ready')).toBe('ready');
  });

  it('says when a collected entry’s time is up', () => {
    expect(collectedUntil(entry(1, 'completed'), 60)).toBe(Date.parse('2026-11-24T12:41:00.000Z'));
    expect(collectedUntil(entry(1, 'ready'), 60)).toBeNull();
  });
});

describe('menu availability', () => {
  const item = (id: number, name: string) => ({
    id,
    categoryId: 1,
    name,
    description: '',
    priceCents: 500,
    allergens: [],
    dietary: [],
    available: true,
    soldOut: false,
    optionGroups: [],
  });
  const start: Menu = {
    location: {
      id: 1,
      slug: 'harbour',
      name: 'Harbour',
      timezone: 'Europe/Dublin',
      currency: 'EUR',
      acceptingOrders: true,
    },
    categories: [
      {
        id: 1,
        name: 'Mains',
        items: [item(1, 'Burger'), item(2, 'Fries')],
        children: [],
      },
      {
        id: 2,
        name: 'Drinks',
        items: [],
        children: [{ id: 3, name: 'Soft drinks', items: [item(3, 'Lemonade')] }],
      },
    ],
    lastEventId: 30,
  };
  const event = (
    id: number,
    itemId: number,
    available: boolean,
    soldOut = false,
  ): MenuFeedItem => ({
    id: String(id),
    data: { type: 'menu.availability', itemId, name: 'x', available, soldOut },
  });
  const flags = (menu: Menu) =>
    menu.categories.flatMap((c) =>
      [...c.items, ...c.children.flatMap((child) => child.items)].map(
        (i) => `${i.name}:${i.available ? 'on' : 'off'}${i.soldOut ? ',sold out' : ''}`,
      ),
    );

  it('sets the flags of the item, and only that item', () => {
    const next = applyMenuEvent(start, event(31, 2, false));
    expect(flags(next)).toEqual(['Burger:on', 'Fries:off', 'Lemonade:on']);
    expect(next.lastEventId).toBe(31);
    expect(next.categories[1]).toBe(start.categories[1]); // untouched sections are kept
  });

  it('finds items in child categories', () => {
    const next = applyMenuEvent(start, event(31, 3, true, true));
    expect(flags(next)).toEqual(['Burger:on', 'Fries:on', 'Lemonade:on,sold out']);
  });

  it('ignores repeated and older events', () => {
    const off = applyMenuEvent(start, event(32, 1, false));
    expect(applyMenuEvent(off, event(32, 1, false))).toBe(off);
    // An older "back on" must not undo the newer "86".
    expect(flags(applyMenuEvent(off, event(31, 1, true)))).toEqual([
      'Burger:off',
      'Fries:on',
      'Lemonade:on',
    ]);
    // A newer "back on" does.
    expect(flags(applyMenuEvent(off, event(33, 1, true)))).toEqual([
      'Burger:on',
      'Fries:on',
      'Lemonade:on',
    ]);
  });

  it('leaves the menu alone for an item it does not have', () => {
    const next = applyMenuEvent(start, event(31, 99, false));
    expect(flags(next)).toEqual(flags(start));
    expect(next.categories[0]).toBe(start.categories[0]);
  });
});
