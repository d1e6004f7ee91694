/**
 * What the ready board shows, as pure functions of the board's entries, the
 * time and the collected setting: which number goes in which list, which is
 * marked collected or just ready, and how big a grid each list needs.
 */
import {
  boardStage,
  collectedUntil,
  compareEntries,
  type ReadyBoardEntry,
} from './ready-board-feed';

/** How long a number that just became ready draws the eye. */
export const FRESH_MS = 10_000;

/** The most tiles one list shows; past that the last tile says how many more there are. */
export const MAX_TILES = 40;

/**
 * The received list holds more: on a rush dozens of orders wait to be
 * accepted, and the guest who just ordered (the highest number, the first to
 * be left out) must still find theirs.
 */
export const MAX_RECEIVED_TILES = 80;

/**
 * Width over height of each list's box on a 16:9 screen, three lists side by
 * side (0.85fr, 1fr and 1.15fr in ready-board.css): Ready, what the room
 * looks for, widest.
 */
const PANEL_ASPECT = { received: 0.55, preparing: 0.68, ready: 0.8 } as const;

export type TileState = 'received' | 'preparing' | 'ready' | 'collected';

export interface Tile {
  /** Numbers restart each business day: the day keeps two #001s apart. */
  key: string;
  displayNumber: string;
  state: TileState;
  /** Became ready moments ago: the page animates it. */
  fresh: boolean;
}

export interface GridShape {
  columns: number;
  rows: number;
}

export interface NumberList {
  tiles: Tile[];
  /** Numbers left out for want of room (shown as "+N more"). */
  hidden: number;
  grid: GridShape;
}

export interface BoardLists {
  /** Placed, not yet accepted: the guest sees the kitchen has their order. */
  received: NumberList;
  preparing: NumberList;
  ready: NumberList;
}

export interface BoardClock {
  /** The server's time now, in ms since the epoch (see `useServerNow`). */
  now: number;
  collectedSeconds: number;
}

/** Where an entry shows, or null once it has left the board. */
export function tileState(entry: ReadyBoardEntry, clock: BoardClock): TileState | null {
  switch (entry.status) {
    case 'placed':
    case 'accepted':
    case 'preparing':
    case 'ready':
      return boardStage(entry.status);
    case 'completed': {
      const until = collectedUntil(entry, clock.collectedSeconds);
      return until !== null && clock.now < until ? 'collected' : null;
    }
    case 'rejected':
    case 'cancelled':
      return null;
  }
}

function isFresh(entry: ReadyBoardEntry, now: number): boolean {
  if (entry.status !== 'ready' || entry.readyAt === null) return false;
  return now - Date.parse(entry.readyAt) < FRESH_MS;
}

/**
 * Rows and columns for `slots` tiles in a list panel `panelAspect` times as
 * wide as it is tall (by default about square: half a 16:9 screen), each tile about twice as wide
 * as tall: the shape that makes the tiles, and so the numbers, largest. Never
 * fewer than eight slots, so a quiet evening's two numbers are big, not vast,
 * and the size does not jump with every number that comes and goes.
 */
export function gridShape(slots: number, panelAspect = 1.15): GridShape {
  const TILE_ASPECT = 2;
  const wanted = Math.max(slots, 8);
  let best: GridShape & { size: number } = { columns: 2, rows: 4, size: 0 };
  for (let columns = 2; columns <= 8; columns += 1) {
    const rows = Math.max(Math.ceil(wanted / columns), 2);
    const size = Math.min(panelAspect / columns / TILE_ASPECT, 1 / rows);
    if (size > best.size) best = { columns, rows, size };
  }
  return { columns: best.columns, rows: best.rows };
}

function toTile(entry: ReadyBoardEntry, state: TileState, now: number): Tile {
  return {
    key: `${entry.businessDate}/${entry.number}`,
    displayNumber: entry.displayNumber,
    state,
    fresh: state === 'ready' && isFresh(entry, now),
  };
}

/**
 * A list that fits: when there are too many, collected numbers give way
 * first (they are only a courtesy), then the highest numbers (the newest
 * orders, whose guests expect to wait longest).
 */
function fit(tiles: Tile[], aspect: number, max = MAX_TILES): NumberList {
  if (tiles.length <= max) return { tiles, hidden: 0, grid: gridShape(tiles.length, aspect) };
  const room = max - 1; // one slot says "+N more"
  const waiting = tiles.filter((tile) => tile.state !== 'collected');
  const collected = tiles.filter((tile) => tile.state === 'collected');
  const kept = new Set([...waiting, ...collected].slice(0, room));
  return {
    tiles: tiles.filter((tile) => kept.has(tile)),
    hidden: tiles.length - kept.size,
    grid: gridShape(max, aspect),
  };
}

/**
 * The three lists. All are in number order, collected numbers where they were:
 * a number never jumps when another becomes ready, so a guest who has found
 * theirs does not lose it, and one looking for "#042" knows where it would
 * be. A number that just became ready draws the eye instead (`fresh`).
 */
export function boardLists(entries: readonly ReadyBoardEntry[], clock: BoardClock): BoardLists {
  const received: Tile[] = [];
  const preparing: Tile[] = [];
  const ready: Tile[] = [];
  for (const entry of [...entries].sort(compareEntries)) {
    const state = tileState(entry, clock);
    if (state === null) continue;
    const list = state === 'received' ? received : state === 'preparing' ? preparing : ready;
    list.push(toTile(entry, state, clock.now));
  }
  return {
    received: fit(received, PANEL_ASPECT.received, MAX_RECEIVED_TILES),
    preparing: fit(preparing, PANEL_ASPECT.preparing),
    ready: fit(ready, PANEL_ASPECT.ready),
  };
}
