import { describe, expect, it } from 'vitest';
import {
  allDayCounts,
  columnsOf,
  destination,
  elapsedSeconds,
  formatElapsed,
  timerLevel,
} from './board-model';
import { item, ticket } from '../test-support/orders';
import { SETTINGS } from './test-settings';

describe('columnsOf', () => {
  const tickets = [
    ticket(1, { status: 'placed' }),
    ticket(2, { status: 'accepted' }),
    ticket(3, { status: 'preparing' }),
    ticket(4, { status: 'ready', items: [item('Burger', { status: 'done' })] }),
    ticket(5, {
      status: 'preparing',
      items: [item('Fries', { station: 'fry' }), item('Burger', { status: 'done' })],
    }),
  ];

  it('puts new, accepted-or-preparing and ready tickets in their columns, in order', () => {
    const columns = columnsOf(tickets, null);
    const numbers = (list: typeof columns.new) => list.map((entry) => entry.ticket.number);
    expect(numbers(columns.new)).toEqual([1]);
    expect(numbers(columns.preparing)).toEqual([2, 3, 5]);
    expect(numbers(columns.ready)).toEqual([4]);
  });

  it("keeps only a station's items, and drops tickets with none for it", () => {
    const fry = columnsOf(tickets, 'fry');
    expect(fry.new).toEqual([]);
    expect(fry.preparing.map((entry) => entry.items.map((line) => line.name))).toEqual([['Fries']]);
    expect(fry.preparing[0]?.stationDone).toBe(false);
    const grill = columnsOf(tickets, 'grill');
    const mixed = grill.preparing.find((entry) => entry.ticket.number === 5);
    expect(mixed?.items.map((line) => line.name)).toEqual(['Burger']);
    expect(mixed?.stationDone).toBe(true);
    // A ready ticket is for handing over, never "waiting on other stations".
    expect(grill.ready[0]?.stationDone).toBe(false);
  });

  it('gives an unchanged ticket the same entry, so its card does not re-render', () => {
    const first = columnsOf(tickets, null);
    const again = columnsOf([...tickets], null);
    expect(again.new[0]).toBe(first.new[0]);
    const changed = columnsOf([{ ...tickets[0]!, guestName: 'Maeve' }, ...tickets.slice(1)], null);
    expect(changed.new[0]).not.toBe(first.new[0]);
  });

  it('never caps: 500 tickets are 500 entries', () => {
    const many = Array.from({ length: 500 }, (_, index) => ticket(index + 1));
    expect(columnsOf(many, null).new).toHaveLength(500);
  });
});

describe('timers', () => {
  const placedAt = '2026-11-24T12:00:00.000Z';
  const at = (minutes: number, seconds = 0) =>
    Date.parse(placedAt) + minutes * 60_000 + seconds * 1000;

  it('counts whole seconds since placing, never below zero', () => {
    expect(elapsedSeconds(placedAt, at(4, 7))).toBe(247);
    expect(elapsedSeconds(placedAt, at(0, -30))).toBe(0);
  });

  it('turns amber at the warn threshold and red at the late one, exactly', () => {
    expect(timerLevel(elapsedSeconds(placedAt, at(7, 59)), SETTINGS)).toBe('ok');
    expect(timerLevel(elapsedSeconds(placedAt, at(8)), SETTINGS)).toBe('warn');
    expect(timerLevel(elapsedSeconds(placedAt, at(14, 59)), SETTINGS)).toBe('warn');
    expect(timerLevel(elapsedSeconds(placedAt, at(15)), SETTINGS)).toBe('late');
    const strict = { ...SETTINGS, warnAfterMinutes: 2, lateAfterMinutes: 4 };
    expect(timerLevel(elapsedSeconds(placedAt, at(3)), strict)).toBe('warn');
  });

  it('reads like a kitchen timer', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(247)).toBe('4:07');
    expect(formatElapsed(3750)).toBe('1:02:30');
  });
});

describe('destination', () => {
  it('is the table, pickup or delivery', () => {
    expect(destination({ type: 'dine_in', tableLabel: 'Table 4' })).toBe('Table 4');
    expect(destination({ type: 'dine_in', tableLabel: null })).toBe('Dine in');
    expect(destination({ type: 'pickup', tableLabel: null })).toBe('Pickup');
    expect(destination({ type: 'delivery', tableLabel: null })).toBe('Delivery');
  });
});

describe('allDayCounts', () => {
  const medium = { optionId: 1, group: 'Doneness', name: 'Medium', priceDeltaCents: 0 };
  const rare = { optionId: 2, group: 'Doneness', name: 'Rare', priceDeltaCents: 0 };
  const tickets = [
    ticket(1, {
      status: 'placed',
      items: [
        item('Steak', { quantity: 2, options: [medium] }),
        item('Fries', { station: 'fry', quantity: 2 }),
      ],
    }),
    ticket(2, {
      status: 'preparing',
      items: [
        item('Steak', { options: [rare] }),
        item('Steak', { options: [medium], status: 'done' }),
        item('Fries', { station: 'fry' }),
      ],
    }),
    // Ready: nothing left to make on it.
    ticket(3, { status: 'ready', items: [item('Steak', { quantity: 5, status: 'done' })] }),
  ];

  it('adds up what is still to make, by station, most first, with option splits', () => {
    expect(allDayCounts(tickets, null)).toEqual([
      { name: 'Fries', station: 'fry', count: 3, variants: [] },
      {
        name: 'Steak',
        station: 'grill',
        count: 3,
        variants: [
          { options: 'Medium', count: 2 },
          { options: 'Rare', count: 1 },
        ],
      },
    ]);
  });

  it("counts only a station's own items in its view", () => {
    expect(allDayCounts(tickets, 'fry').map((line) => [line.name, line.count])).toEqual([
      ['Fries', 3],
    ]);
  });

  it('is empty when everything is made', () => {
    expect(allDayCounts([tickets[2]!], null)).toEqual([]);
  });
});
