/**
 * Each live feed's events, applied to the snapshot its query holds. Pure
 * functions: (snapshot, one delivered event) → the next snapshot.
 *
 * Every snapshot carries `lastEventId`, the newest event it already includes.
 * An event at or below it is a no-op (the snapshot, or an earlier delivery,
 * has it), so a replay after a reconnect, a duplicate, or an older event that
 * arrives late cannot move the screen backwards. The server delivers a room's
 * events in order; within that, tickets and orders also carry a `version`,
 * and the board's stages only move forward, so one entity's older state never
 * overwrites its newer one.
 *
 * A reducer returns the very same object for an event the snapshot already
 * has, so a replay re-renders nothing.
 */
import type { Delivered, RouterOutputs } from '@ticketrail/server';
import type { OrderStatus } from '@ticketrail/shared';

/** One delivered item of a subscription: the event id to resume after, and the event. */
export type FeedItem<Output> = Delivered<Output>;

export type KitchenBoard = RouterOutputs['kitchen']['board'];
export type KitchenTicket = KitchenBoard['tickets'][number];
export type KitchenFeedItem = FeedItem<RouterOutputs['kitchen']['live']>;

export type TrackedOrder = RouterOutputs['orders']['track'];
export type OrderFeedItem = FeedItem<RouterOutputs['orders']['live']>;

export type ReadyBoard = RouterOutputs['board']['get'];
export type ReadyBoardEntry = ReadyBoard['entries'][number];
export type BoardFeedItem = FeedItem<RouterOutputs['board']['live']>;

export type Menu = RouterOutputs['menu']['get'];
export type MenuFeedItem = FeedItem<RouterOutputs['menu']['live']>;

/** Applies one delivered event to a snapshot. */
export type Reducer<Snapshot, Item> = (snapshot: Snapshot, item: Item) => Snapshot;

/**
 * The event's id as a number, or null when it is not one we can place (the
 * server sends decimal ids; anything else is ignored rather than guessed at).
 */
function eventNumber(id: string): number | null {
  if (!/^\d{1,15}$/.test(id)) return null;
  return Number(id);
}

/**
 * The shared guard of every reducer: skip what the snapshot already has, then
 * apply `change` and advance the snapshot's `lastEventId` past this event.
 */
function applyNewer<Snapshot extends { lastEventId: number }>(
  snapshot: Snapshot,
  id: string,
  change: (snapshot: Snapshot) => Snapshot,
): Snapshot {
  const eventId = eventNumber(id);
  if (eventId === null || eventId <= snapshot.lastEventId) return snapshot;
  return { ...change(snapshot), lastEventId: eventId };
}

/** Statuses after which an order leaves the kitchen board and the ready board. */
const CLOSED: readonly OrderStatus[] = ['completed', 'rejected', 'cancelled'];

export const isClosed = (status: OrderStatus): boolean => CLOSED.includes(status);

/** Oldest first, as `kitchen.board` sends them: by time placed, then number. */
export function compareTickets(a: KitchenTicket, b: KitchenTicket): number {
  // ISO 8601 UTC strings of one length sort as text in time order.
  if (a.times.placedAt !== b.times.placedAt) return a.times.placedAt < b.times.placedAt ? -1 : 1;
  if (a.number !== b.number) return a.number - b.number;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The kitchen board after one kitchen event: a ticket is added or replaced when
 * the event's version is newer than the one on the board, and leaves once it
 * is completed, rejected or cancelled. Settings events replace the settings;
 * availability events leave the board alone.
 */
export const applyKitchenEvent: Reducer<KitchenBoard, KitchenFeedItem> = (board, item) =>
  applyNewer(board, item.id, (current) => {
    const event = item.data;
    if (event.type === 'kitchen.settings') return { ...current, settings: event.settings };
    if (event.type !== 'order.changed') return current;
    const incoming = event.ticket;
    const index = current.tickets.findIndex((ticket) => ticket.id === incoming.id);
    const existing = index === -1 ? null : current.tickets[index];
    if (existing && existing.version >= incoming.version) return current;
    if (isClosed(incoming.status)) {
      if (index === -1) return current;
      return { ...current, tickets: current.tickets.filter((ticket) => ticket.id !== incoming.id) };
    }
    const tickets =
      index === -1
        ? [...current.tickets, incoming]
        : current.tickets.map((ticket, at) => (at === index ? incoming : ticket));
    return { ...current, tickets: tickets.sort(compareTickets) };
  });

/** The guest's order after one of its events: replaced when the event's version is newer. */
export const applyOrderEvent: Reducer<TrackedOrder, OrderFeedItem> = (tracked, item) =>
  applyNewer(tracked, item.id, (current) => {
    const incoming = item.data.order;
    if (incoming.id !== current.order.id || incoming.version <= current.order.version) {
      return current;
    }
    return { ...current, order: incoming };
  });

/** The stages of an order waiting on the ready board (a collected one stays a while too). */
const ON_BOARD: readonly OrderStatus[] = ['accepted', 'preparing', 'ready'];

/** What a guest reads on the board: an accepted order is already "preparing" to them. */
export function boardStage(status: OrderStatus): 'preparing' | 'ready' {
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
 * The ready board after one event. An order shows from accepted until ready;
 * once collected it stays, as collected, for the location's collected time
 * (the page hides it when that is up), unless that time is 0. Rejected and
 * cancelled orders go at once, and a recall can bring a number back. A placed
 * order is not on the board yet. Order numbers restart daily, so an entry is
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

type MenuCategory = Menu['categories'][number];
type MenuSection = Pick<MenuCategory, 'items'>;

/** The section with the item's flags set; the same section when the item is not in it. */
function withAvailability<Section extends MenuSection>(
  section: Section,
  change: { itemId: number; available: boolean; soldOut: boolean },
): Section {
  if (!section.items.some((menuItem) => menuItem.id === change.itemId)) return section;
  return {
    ...section,
    items: section.items.map((menuItem) =>
      menuItem.id === change.itemId
        ? { ...menuItem, available: change.available, soldOut: change.soldOut }
        : menuItem,
    ),
  };
}

/** The menu after an availability change: the item's flags, wherever it is in the menu. */
export const applyMenuEvent: Reducer<Menu, MenuFeedItem> = (menu, item) =>
  applyNewer(menu, item.id, (current) => ({
    ...current,
    categories: current.categories.map((category) => {
      const updated = withAvailability(category, item.data);
      const children = updated.children.map((child) => withAvailability(child, item.data));
      const childChanged = children.some((child, at) => child !== updated.children[at]);
      return childChanged ? { ...updated, children } : updated;
    }),
  }));
