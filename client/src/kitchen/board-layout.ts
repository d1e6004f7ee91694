/**
 * How the board shares its width out in a rush: space goes where the tickets
 * are. The board is cut into tracks one ticket wide; an empty column shrinks
 * to a narrow strip, every column with tickets gets a track, and each further
 * track goes to the column with the most tickets per track so far. So 40 new,
 * 15 preparing and 5 ready on seven tracks split 4 · 2 · 1,
 * and a track only changes hands when the counts really shift, so cards do not
 * jump about with every bump. Pure, so the rule is tested without a screen.
 */
import { BOARD_COLUMNS, type BoardColumn } from '@ticketrail/shared';
import type { BoardColumns, BoardTicket } from './board-model';

/** Tracks per column; 0 is an empty column's narrow strip. */
export type BoardTracks = Record<BoardColumn, number>;

/** A ticket card's narrowest width, and an empty column's strip, in rem. */
export const CARD_MIN_REM = 14;
export const STRIP_REM = 7;
/** The gap between cards and around a column's tickets, in rem (kitchen.css). */
const GAP_REM = 0.5;

/** How many card tracks fit across a board `widthRem` wide with `strips` empty columns. */
export function tracksThatFit(
  widthRem: number,
  columnsWithTickets: number,
  strips: number,
): number {
  // A column of n tracks is n cards with a gap after each and one before the first;
  // strips are fixed, and a gap separates each column from the next.
  const columns = columnsWithTickets + strips;
  const room =
    widthRem - columnsWithTickets * GAP_REM - strips * STRIP_REM - (columns - 1) * GAP_REM;
  return Math.max(columnsWithTickets, Math.floor(room / (CARD_MIN_REM + GAP_REM)));
}

/** Shares `total` tracks among the columns by how many tickets each holds. */
export function allocateTracks(counts: Record<BoardColumn, number>, total: number): BoardTracks {
  const tracks: BoardTracks = { new: 0, preparing: 0, ready: 0 };
  const busy = BOARD_COLUMNS.filter((column) => counts[column] > 0);
  // A quiet board keeps its usual shape: three even columns.
  if (busy.length === 0) return { new: 1, preparing: 1, ready: 1 };
  for (const column of busy) tracks[column] = 1;
  for (let left = total - busy.length; left > 0; left--) {
    let best = busy[0]!;
    for (const column of busy) {
      // Ties go to the earlier column: new tickets are the ones waiting on someone.
      if (counts[column] / tracks[column] > counts[best] / tracks[best]) best = column;
    }
    tracks[best] += 1;
  }
  return tracks;
}

/** The board's tracks for its width in rem and the tickets in each column. */
export function boardTracks(widthRem: number, counts: Record<BoardColumn, number>): BoardTracks {
  const busy = BOARD_COLUMNS.filter((column) => counts[column] > 0).length;
  if (busy === 0) return allocateTracks(counts, 3);
  return allocateTracks(counts, tracksThatFit(widthRem, busy, BOARD_COLUMNS.length - busy));
}

/** The board's CSS grid columns: each column as wide as its tracks, a strip when empty. */
export function boardTemplate(tracks: BoardTracks): string {
  return BOARD_COLUMNS.map((column) =>
    tracks[column] === 0 ? `${STRIP_REM}rem` : `minmax(0, ${tracks[column]}fr)`,
  ).join(' ');
}

/**
 * A ticket's height in lines, roughly, from what it holds: enough to stack the
 * tickets into tracks without measuring them. `compact` is a new or ready
 * ticket, whose options run on one line (TicketCard).
 */
export function ticketLines(entry: BoardTicket, compact: boolean): number {
  // Number and timer, destination, guest, and the bump button.
  let lines = 5;
  if (entry.ticket.notes) lines += Math.ceil(entry.ticket.notes.length / 20);
  for (const item of entry.items) {
    lines += Math.ceil((item.name.length + 3) / 16);
    if (!compact) lines += 0.6;
    const options = item.options.map((option) => option.name);
    lines += compact
      ? Math.ceil(options.join(', ').length / 24)
      : options.reduce((sum, name) => sum + Math.ceil(name.length / 22), 0);
    if (item.notes) lines += Math.ceil(item.notes.length / 18);
    if (item.allergens.length > 0) lines += Math.ceil(item.allergens.join(' · ').length / 16);
  }
  return lines;
}

/**
 * Stacks a column's tickets into `tracks` stacks, oldest first, each into the
 * stack that is shortest so far: the tickets pack without the gaps a grid of
 * rows leaves under short tickets, and the oldest stay at the top, in view.
 *
 * A ticket already stacked (`sticky`: its key's stack last time, for the same
 * number of tracks) stays where it was, so a bump does not shuffle every later
 * ticket to another stack (and the screen does not rebuild them); the gap it
 * leaves is filled by the next tickets to arrive. Returns each stack's tickets
 * with their place in the column.
 */
export function stackTickets<T>(
  entries: readonly T[],
  tracks: number,
  lines: (entry: T) => number,
  sticky: { key: (entry: T) => string; stackOf: ReadonlyMap<string, number> } | null = null,
): { entry: T; index: number }[][] {
  const stacks = Array.from({ length: Math.max(1, tracks) }, () => ({
    height: 0,
    tickets: [] as { entry: T; index: number }[],
  }));
  entries.forEach((entry, index) => {
    let chosen = stacks[0]!;
    const before = sticky?.stackOf.get(sticky.key(entry));
    if (before !== undefined && before < stacks.length) chosen = stacks[before]!;
    else for (const stack of stacks) if (stack.height < chosen.height) chosen = stack;
    chosen.tickets.push({ entry, index });
    chosen.height += lines(entry);
  });
  return stacks.map((stack) => stack.tickets);
}

/** New tickets wait to be accepted and ready ones to be handed over: they show in brief. */
export function isCompactTicket(status: BoardTicket['ticket']['status']): boolean {
  return status === 'placed' || status === 'ready';
}

export type BoardStacks = Record<BoardColumn, { entry: BoardTicket; index: number }[][]>;

/** Which stack each ticket sat in, per column and for how many tracks: what keeps them put. */
export type StackMemory = Record<BoardColumn, { tracks: number; stackOf: Map<string, number> }>;

export function rememberStacks(stacks: BoardStacks): StackMemory {
  const memory = (column: BoardColumn) => {
    const stackOf = new Map<string, number>();
    stacks[column].forEach((stack, track) => {
      for (const { entry } of stack) stackOf.set(entry.ticket.id, track);
    });
    return { tracks: stacks[column].length, stackOf };
  };
  return { new: memory('new'), preparing: memory('preparing'), ready: memory('ready') };
}

/**
 * Every column's tickets stacked into its tracks, each ticket kept in the stack
 * it had while its column keeps the same number of tracks.
 */
export function stackColumns(
  columns: BoardColumns,
  tracks: BoardTracks,
  memory: StackMemory | null = null,
): BoardStacks {
  const stack = (column: BoardColumn) => {
    const before = memory?.[column];
    return stackTickets(
      columns[column],
      tracks[column],
      (entry) => ticketLines(entry, isCompactTicket(entry.ticket.status)),
      before && before.tracks === Math.max(1, tracks[column])
        ? { key: (entry) => entry.ticket.id, stackOf: before.stackOf }
        : null,
    );
  };
  return { new: stack('new'), preparing: stack('preparing'), ready: stack('ready') };
}

/**
 * A board's stacker: stacks the columns, remembering where each ticket went so
 * the next call keeps it there. One per board, kept for the board's life.
 */
export function createStacker(): (columns: BoardColumns, tracks: BoardTracks) => BoardStacks {
  let memory: StackMemory | null = null;
  return (columns, tracks) => {
    const stacks = stackColumns(columns, tracks, memory);
    memory = rememberStacks(stacks);
    return stacks;
  };
}
