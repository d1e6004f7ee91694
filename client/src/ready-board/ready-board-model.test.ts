import { describe, expect, it } from 'vitest';
import type { ReadyBoardEntry } from './ready-board-feed';
import {
  boardLists,
  FRESH_MS,
  gridShape,
  MAX_RECEIVED_TILES,
  MAX_TILES,
  tileState,
  type BoardLists,
} from './ready-board-model';

const NOW = Date.parse('2026-11-24T12:40:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

function entry(
  number: number,
  status: ReadyBoardEntry['status'],
  times: { readyAt?: string | null; completedAt?: string | null; businessDate?: string } = {},
): ReadyBoardEntry {
  return {
    businessDate: times.businessDate ?? '2026-11-24',
    number,
    displayNumber: `#${String(number).padStart(3, '0')}`,
    status,
    version: 1,
    readyAt: times.readyAt ?? (status === 'ready' || status === 'completed' ? ago(60_000) : null),
    completedAt: times.completedAt ?? (status === 'completed' ? ago(10_000) : null),
  };
}

const clock = { now: NOW, collectedSeconds: 60 };
const numbers = (lists: BoardLists, list: keyof BoardLists) =>
  lists[list].tiles.map((tile) => `${tile.displayNumber}${tile.state === 'collected' ? '✓' : ''}`);

describe('which list a number is in', () => {
  it('puts accepted and preparing under Preparing, ready and collected under Ready, by number', () => {
    const lists = boardLists(
      [
        entry(7, 'ready'),
        entry(3, 'accepted'),
        entry(5, 'completed'),
        entry(1, 'preparing'),
        entry(2, 'ready'),
      ],
      clock,
    );
    expect(numbers(lists, 'preparing')).toEqual(['#001', '#003']);
    expect(numbers(lists, 'ready')).toEqual(['#002', '#005✓', '#007']);
  });

  it('keeps a collected number until its collected time is up, then not', () => {
    const collected = entry(5, 'completed', { completedAt: ago(59_999) });
    expect(tileState(collected, clock)).toBe('collected');
    expect(tileState(collected, { ...clock, now: NOW + 1 })).toBeNull();
    expect(tileState(collected, { ...clock, collectedSeconds: 120, now: NOW + 1 })).toBe(
      'collected',
    );
    expect(
      tileState(entry(5, 'completed', { completedAt: ago(0) }), { ...clock, collectedSeconds: 0 }),
    ).toBeNull();
  });

  it('puts a placed order, not yet accepted, under Received: its guest finds it at once', () => {
    const lists = boardLists([entry(4, 'placed'), entry(2, 'accepted'), entry(3, 'placed')], clock);
    expect(numbers(lists, 'received')).toEqual(['#003', '#004']);
    expect(lists.received.tiles.map((tile) => tile.state)).toEqual(['received', 'received']);
    expect(numbers(lists, 'preparing')).toEqual(['#002']);
    expect(tileState(entry(4, 'placed'), clock)).toBe('received');
  });

  it('shows 60 orders waiting to be accepted, the newest too', () => {
    const waiting = Array.from({ length: 60 }, (_, at) => entry(at + 1, 'placed'));
    const { received } = boardLists(waiting, clock);
    expect(received.hidden).toBe(0);
    expect(received.tiles).toHaveLength(60);
    expect(received.tiles.at(-1)?.displayNumber).toBe('#060');
    expect(received.grid.columns * received.grid.rows).toBeGreaterThanOrEqual(60);
    const more = Array.from({ length: MAX_RECEIVED_TILES + 5 }, (_, at) => entry(at + 1, 'placed'));
    expect(boardLists(more, clock).received.hidden).toBe(6);
  });

  it.each(['rejected', 'cancelled'] as const)('leaves a %s order off', (status) => {
    const lists = boardLists([entry(1, status)], clock);
    expect(lists.received.tiles).toEqual([]);
    expect(lists.preparing.tiles).toEqual([]);
    expect(lists.ready.tiles).toEqual([]);
  });

  it('keeps yesterday’s #001 apart from today’s, yesterday first', () => {
    const lists = boardLists(
      [entry(1, 'preparing'), entry(1, 'preparing', { businessDate: '2026-11-23' })],
      clock,
    );
    expect(lists.preparing.tiles.map((tile) => tile.key)).toEqual(['2026-11-23/1', '2026-11-24/1']);
  });
});

describe('a number that just became ready', () => {
  it(`is fresh for ${FRESH_MS / 1000} seconds, then not; collected ones never are`, () => {
    const lists = boardLists(
      [
        entry(1, 'ready', { readyAt: ago(FRESH_MS - 1) }),
        entry(2, 'ready', { readyAt: ago(FRESH_MS) }),
        entry(3, 'completed', { readyAt: ago(1_000), completedAt: ago(500) }),
      ],
      clock,
    );
    expect(lists.ready.tiles.map((tile) => [tile.displayNumber, tile.fresh])).toEqual([
      ['#001', true],
      ['#002', false],
      ['#003', false],
    ]);
  });
});

describe('fitting the screen', () => {
  it('never uses fewer than 8 slots, so a quiet night’s numbers do not balloon', () => {
    expect(gridShape(0)).toEqual({ columns: 2, rows: 4 });
    expect(gridShape(1)).toEqual({ columns: 2, rows: 4 });
    expect(gridShape(8)).toEqual({ columns: 2, rows: 4 });
  });

  it('adds columns and rows as the list grows, always with room for every number', () => {
    for (let count = 1; count <= MAX_TILES; count += 1) {
      const { columns, rows } = gridShape(count);
      expect(columns * rows).toBeGreaterThanOrEqual(count);
    }
    expect(gridShape(14)).toEqual({ columns: 3, rows: 5 });
    expect(gridShape(30)).toEqual({ columns: 4, rows: 8 });
    expect(gridShape(MAX_TILES)).toEqual({ columns: 5, rows: 8 });
  });

  it('past the most it can show, keeps the lowest numbers and says how many more', () => {
    const many = Array.from({ length: MAX_TILES + 5 }, (_, at) => entry(at + 1, 'preparing'));
    const { preparing } = boardLists(many, clock);
    expect(preparing.tiles).toHaveLength(MAX_TILES - 1);
    expect(preparing.tiles.at(-1)?.displayNumber).toBe(`#0${MAX_TILES - 1}`);
    expect(preparing.hidden).toBe(6);
    expect(preparing.tiles.length + 1).toBeLessThanOrEqual(
      preparing.grid.columns * preparing.grid.rows,
    );
  });

  it('lets collected numbers give way before any number still waiting', () => {
    const ready = Array.from({ length: MAX_TILES - 2 }, (_, at) => entry(at + 10, 'ready'));
    const collected = [1, 2, 3, 4, 5].map((number) => entry(number, 'completed'));
    const lists = boardLists([...collected, ...ready], clock);
    // 38 waiting and 1 of the 5 collected fill the 39 places; the other 4 are "more".
    expect(lists.ready.hidden).toBe(4);
    expect(numbers(lists, 'ready').slice(0, 2)).toEqual(['#001✓', '#010']);
    expect(lists.ready.tiles.filter((tile) => tile.state === 'ready')).toHaveLength(MAX_TILES - 2);
  });
});
