/**
 * What the kitchen board shows, worked out from the tickets: columns, a
 * station's cut of each ticket, timers against the thresholds, and the
 * all-day counts. Pure functions, so the rules are tested without a screen.
 */
import {
  boardColumn,
  isOpen,
  type BoardColumn,
  type KitchenSettings,
  type Station,
} from '@ticketrail/shared';
import type { KitchenTicket } from './kitchen-feed';

export type TicketItem = KitchenTicket['items'][number];

/** A ticket as one screen shows it: a station view keeps only that station's items. */
export interface BoardTicket {
  ticket: KitchenTicket;
  items: TicketItem[];
  /** In a station view: this station has nothing left to do on it. */
  stationDone: boolean;
}

export type BoardColumns = Record<BoardColumn, BoardTicket[]>;

/**
 * Each ticket's entry, kept while the ticket object is the same: a ticket that
 * did not change gets the very same entry, so its card does not re-render.
 */
const entries = new WeakMap<KitchenTicket, { station: Station | null; entry: BoardTicket }>();

function entryFor(ticket: KitchenTicket, station: Station | null): BoardTicket {
  const cached = entries.get(ticket);
  if (cached && cached.station === station) return cached.entry;
  const items = station ? ticket.items.filter((item) => item.station === station) : ticket.items;
  // Only while the order is in the works: a ready ticket is the whole order's, to hand over.
  const inWorks = ticket.status === 'accepted' || ticket.status === 'preparing';
  const stationDone = station !== null && inWorks && items.every((item) => item.status === 'done');
  const entry = { ticket, items, stationDone };
  entries.set(ticket, { station, entry });
  return entry;
}

/**
 * Tickets by column, oldest first (the order the snapshot and the reducer keep).
 * A station view leaves out tickets with nothing for that station.
 */
export function columnsOf(
  tickets: readonly KitchenTicket[],
  station: Station | null,
): BoardColumns {
  const columns: BoardColumns = { new: [], preparing: [], ready: [] };
  for (const ticket of tickets) {
    if (!isOpen(ticket.status)) continue;
    const entry = entryFor(ticket, station);
    if (entry.items.length === 0) continue;
    columns[boardColumn(ticket.status)].push(entry);
  }
  return columns;
}

export type TimerLevel = 'ok' | 'warn' | 'late';

/** How long the ticket has waited, in whole seconds (never negative: clocks drift). */
export function elapsedSeconds(placedAt: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(placedAt)) / 1000));
}

/** Green until the amber threshold, amber until the red one, then red. */
export function timerLevel(seconds: number, settings: KitchenSettings): TimerLevel {
  if (seconds >= settings.lateAfterMinutes * 60) return 'late';
  if (seconds >= settings.warnAfterMinutes * 60) return 'warn';
  return 'ok';
}

/** 4:07, or 1:02:30 past an hour: what a ticket timer reads. */
export function formatElapsed(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/** "Table 4" (the table's own label), "Pickup", "Delivery": where the food goes. */
export function destination(ticket: Pick<KitchenTicket, 'type' | 'tableLabel'>): string {
  if (ticket.type === 'dine_in') return ticket.tableLabel ?? 'Dine in';
  return ticket.type === 'pickup' ? 'Pickup' : 'Delivery';
}

/** One line of the all-day view: an item and how many are still to make. */
export interface AllDayLine {
  name: string;
  station: Station;
  count: number;
  /** The same item by chosen options, largest first, when they differ: "Medium ×3". */
  variants: { options: string; count: number }[];
}

/**
 * How many of each item are still to make across every open ticket: items
 * not yet done, on tickets not yet ready. A station view counts only its own.
 * Sorted by station, then most first.
 */
export function allDayCounts(
  tickets: readonly KitchenTicket[],
  station: Station | null,
): AllDayLine[] {
  const lines = new Map<string, AllDayLine & { byOptions: Map<string, number> }>();
  for (const ticket of tickets) {
    if (ticket.status === 'ready' || !isOpen(ticket.status)) continue;
    for (const item of ticket.items) {
      if (item.status === 'done' || (station && item.station !== station)) continue;
      const key = `${item.station}\u0000${item.name}`;
      let line = lines.get(key);
      if (!line) {
        line = {
          name: item.name,
          station: item.station,
          count: 0,
          variants: [],
          byOptions: new Map(),
        };
        lines.set(key, line);
      }
      line.count += item.quantity;
      const options = item.options.map((option) => option.name).join(', ');
      line.byOptions.set(options, (line.byOptions.get(options) ?? 0) + item.quantity);
    }
  }
  return [...lines.values()]
    .map(({ byOptions, ...line }) => ({
      ...line,
      variants:
        byOptions.size > 1 || !byOptions.has('')
          ? [...byOptions.entries()]
              .map(([options, count]) => ({ options: options || 'plain', count }))
              .sort((a, b) => b.count - a.count || a.options.localeCompare(b.options))
          : [],
    }))
    .sort(
      (a, b) =>
        a.station.localeCompare(b.station) || b.count - a.count || a.name.localeCompare(b.name),
    );
}
