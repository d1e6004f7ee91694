import { describe, expect, it } from 'vitest';
import {
  allocateTracks,
  boardTemplate,
  boardTracks,
  createStacker,
  stackTickets,
  ticketLines,
  tracksThatFit,
} from './board-layout';
import { item, ticket } from '../test-support/orders';

describe('sharing the board out', () => {
  it('gives each further track to the column with the most tickets per track', () => {
    expect(allocateTracks({ new: 40, preparing: 15, ready: 5 }, 7)).toEqual({
      new: 4,
      preparing: 2,
      ready: 1,
    });
    expect(allocateTracks({ new: 3, preparing: 30, ready: 0 }, 7)).toEqual({
      new: 1,
      preparing: 6,
      ready: 0,
    });
  });

  it('shrinks an empty column to a strip and keeps a quiet board even', () => {
    expect(allocateTracks({ new: 60, preparing: 0, ready: 0 }, 7)).toEqual({
      new: 7,
      preparing: 0,
      ready: 0,
    });
    expect(allocateTracks({ new: 0, preparing: 0, ready: 0 }, 7)).toEqual({
      new: 1,
      preparing: 1,
      ready: 1,
    });
    expect(boardTemplate({ new: 7, preparing: 0, ready: 0 })).toBe('minmax(0, 7fr) 7rem 7rem');
  });

  it('breaks ties toward the new column, whose tickets wait on someone', () => {
    expect(allocateTracks({ new: 10, preparing: 10, ready: 0 }, 5)).toEqual({
      new: 3,
      preparing: 2,
      ready: 0,
    });
  });

  it('never gives a column with tickets less than one track, however narrow the board', () => {
    expect(tracksThatFit(20, 3, 0)).toBe(3);
    expect(boardTracks(20, { new: 5, preparing: 5, ready: 5 })).toEqual({
      new: 1,
      preparing: 1,
      ready: 1,
    });
  });

  it('fits seven cards across a 1080p screen with two empty strips, five on a tablet', () => {
    // 1920 px less the board's padding, at 16 px to the rem.
    expect(tracksThatFit(119, 1, 2)).toBe(7);
    expect(tracksThatFit(79, 3, 0)).toBe(5);
  });
});

describe('stacking a column into its tracks', () => {
  it('puts each ticket, oldest first, into the shortest stack so far', () => {
    const heights = [5, 2, 2, 2, 9, 1];
    const stacks = stackTickets(heights, 2, (height) => height);
    expect(stacks.map((stack) => stack.map(({ index }) => index))).toEqual([
      [0, 4],
      [1, 2, 3, 5],
    ]);
  });

  it('keeps every ticket once, with its place in the column', () => {
    const stacks = stackTickets(['a', 'b', 'c', 'd', 'e'], 3, () => 1);
    expect(stacks.flat().sort((x, y) => x.index - y.index)).toEqual([
      { entry: 'a', index: 0 },
      { entry: 'b', index: 1 },
      { entry: 'c', index: 2 },
      { entry: 'd', index: 3 },
      { entry: 'e', index: 4 },
    ]);
  });

  it('keeps each ticket in its stack when one before it leaves, and fills the gap with new ones', () => {
    const entry = (n: number) => {
      const order = ticket(n, { items: [item('Fries')] });
      return { ticket: order, items: order.items, stationDone: false };
    };
    const stack = createStacker();
    const tracks = { new: 2, preparing: 0, ready: 0 };
    const numbers = (stacks: ReturnType<typeof stack>) =>
      stacks.new.map((column) => column.map(({ entry }) => entry.ticket.displayNumber));
    const all = [1, 2, 3, 4, 5].map(entry);
    const first = stack({ new: all, preparing: [], ready: [] }, tracks);
    expect(numbers(first)).toEqual([
      ['#001', '#003', '#005'],
      ['#002', '#004'],
    ]);
    // #001 is bumped; the rest stay put rather than all changing sides.
    const second = stack({ new: [...all.slice(1), entry(6)], preparing: [], ready: [] }, tracks);
    expect(numbers(second)).toEqual([
      ['#003', '#005', '#006'],
      ['#002', '#004'],
    ]);
    // Places still count oldest first, whatever the stack.
    expect(second.new[1]![0]!.index).toBe(0);
    // A third track: stacked afresh.
    const third = stack({ new: all, preparing: [], ready: [] }, { ...tracks, new: 3 });
    expect(numbers(third)).toEqual([['#001', '#004'], ['#002', '#005'], ['#003']]);
  });

  it('counts a ticket in brief shorter than the same ticket in full', () => {
    const order = ticket(1, {
      items: [
        item('Smash Burger', {
          options: [{ optionId: 1, group: 'Doneness', name: 'Medium', priceDeltaCents: 0 }],
          allergens: ['gluten'],
        }),
      ],
    });
    const entry = { ticket: order, items: order.items, stationDone: false };
    expect(ticketLines(entry, true)).toBeLessThan(ticketLines(entry, false));
  });
});
