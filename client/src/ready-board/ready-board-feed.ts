/**
 * The ready board's feed: the board and its events, inferred from the
 * router, and the reducer that applies one event (the rules every reducer
 * shares are in live/reducer.ts).
 */
import type { RouterOutputs } from '@ticketrail/server';
import type { OrderStatus } from '@ticketrail/shared';
import { applyNewer, type FeedItem, type Reducer } from '../live/reducer';

export type ReadyBoard = RouterOutputs['board']['get'];
export type ReadyBoardEntry = ReadyBoard['entries'][number];
export type BoardFeedItem = FeedItem<RouterOutputs['board']['live']>;

/**
 * The stages of an order waiting on the ready board (a collected one stays a
 * while too). A placed order is on it from the start: a guest who just
 * ordered looks for their number straight away.
 */
const ON_BOARD: readonly OrderStatus[] = ['placed', 'accepted', 'preparing', 'ready'];

/**
 * What a guest reads on the board: a placed order is "received" (the kitchen
 * has it but has not taken it on yet); an accepted one is already "preparing".
 */
export function boardStage(status: OrderStatus): 'received' | 'preparing' | 'ready' {
  if (status === 'placed') return 'received';
  return status === 'ready' ? 'ready' : 'preparing';
}

const sameEntry = (a: ReadyBoardEntry, b: ReadyBoardEntry) =>
  a.businessDate === b.businessDate && a.number === b.number;

/** Oldest business day first, then by number: the order both of the board's lists use. */
export const compareEntries = (a: ReadyBoardEntry, b: ReadyBoardEntry): number =>
  a.businessDate !== b.businessDate
    ? a.businessDate < b.businessDate
      ? -1
      : 1
    : a.number - b.number;

/** When a collected entry's time on the board is up, in ms since the epoch; null if not collected. */
export function collectedUntil(entry: ReadyBoardEntry, collectedSeconds: number): number | null {
  if (entry.status !== 'completed' || entry.completedAt === null) return null;
  return Date.parse(entry.completedAt) + collectedSeconds * 1000;
}

/**
 * Collected entries whose time was up by `now` (server time) are dropped, so
 * a screen left on all day does not pile them up. The same array when none
 * goes, so nothing re-renders for nothing.
 */
function withoutExpired(
  entries: ReadyBoardEntry[],
  collectedSeconds: number,
  now: number,
): ReadyBoardEntry[] {
  const kept = entries.filter((entry) => {
    const until = collectedUntil(entry, collectedSeconds);
    return until === null || until > now;
  });
  return kept.length === entries.length ? entries : kept;
}

/**
 * The ready board after one event. An order shows from placed until ready;
 * once collected it stays, as collected, for the location's collected time
 * (the page hides it when that is up), unless that time is 0. Rejected and
 * cancelled orders go at once, and a recall can bring a number back. Order numbers restart daily, so an entry is
 * its business date and number; its version orders changes.
 *
 * A collection is stamped with the server's time, so it also tells how late
 * it is at least: entries collected longer ago than the collected time are
 * dropped then. A change of the collected time applies to the collected
 * entries the screen still holds.
 */
export const applyBoardEvent: Reducer<ReadyBoard, BoardFeedItem> = (board, item) =>
  applyNewer(board, item.id, (current) => {
    const event = item.data;
    if (event.type === 'board.settings') {
      const { collectedSeconds } = event;
      const entries =
        collectedSeconds === 0
          ? current.entries.filter((entry) => entry.status !== 'completed')
          : current.entries;
      return { ...current, collectedSeconds, entries };
    }
    const incoming = event.entry;
    const index = current.entries.findIndex((entry) => sameEntry(entry, incoming));
    const existing = index === -1 ? null : current.entries[index];
    if (existing && existing.version >= incoming.version) return current;
    const lingers = incoming.status === 'completed' && current.collectedSeconds > 0;
    if (!ON_BOARD.includes(incoming.status) && !lingers) {
      if (!existing) return current;
      return { ...current, entries: current.entries.filter((_, at) => at !== index) };
    }
    let entries =
      index === -1
        ? [...current.entries, incoming].sort(compareEntries)
        : current.entries.map((entry, at) => (at === index ? incoming : entry));
    const collectedAt = lingers && incoming.completedAt ? Date.parse(incoming.completedAt) : NaN;
    if (Number.isFinite(collectedAt)) {
      entries = withoutExpired(entries, current.collectedSeconds, collectedAt);
    }
    return { ...current, entries };
  });
