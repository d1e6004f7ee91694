/**
 * The bump bar: arrows or digits move the selection, Enter or Space bumps,
 * R recalls. Bump bars are keyboards to the browser, so this is also how a
 * cook with wet hands drives the board from a keypad.
 *
 * The selection remembers its column and place as well as its ticket, so
 * after a bump it lands on the ticket that took the bumped one's place: the
 * crew can bump the oldest ticket again and again.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { BOARD_COLUMNS, type BoardColumn } from '@ticketrail/shared';
import type { KitchenTicket } from './kitchen-feed';
import type { BoardColumns, BoardTicket } from './board-model';
import { unlockSound } from '../lib/sound';

export interface Selection {
  column: BoardColumn;
  ticketId: string | null;
  index: number;
}

/** The ticket a selection points at now: its own ticket if still in its column, else its place. */
export function resolveSelection(
  columns: BoardColumns,
  selection: Selection,
): (BoardTicket & { column: BoardColumn; index: number }) | null {
  const inColumn = columns[selection.column];
  const byId = inColumn.findIndex((entry) => entry.ticket.id === selection.ticketId);
  if (byId !== -1) return { ...inColumn[byId]!, column: selection.column, index: byId };
  if (inColumn.length > 0) {
    const index = Math.min(selection.index, inColumn.length - 1);
    return { ...inColumn[index]!, column: selection.column, index };
  }
  // An empty column: the first column with tickets, so Enter always does something visible.
  for (const column of BOARD_COLUMNS) {
    const first = columns[column][0];
    if (first) return { ...first, column, index: 0 };
  }
  return null;
}

/** The selection after one key, or null when the key is not a movement key. */
export function moveSelection(
  columns: BoardColumns,
  current: Selection,
  key: string,
): Selection | null {
  const at = resolveSelection(columns, current);
  const column = at?.column ?? current.column;
  const index = at?.index ?? 0;
  const place = (target: BoardColumn, wanted: number): Selection => {
    const list = columns[target];
    const clamped = Math.max(0, Math.min(wanted, list.length - 1));
    return { column: target, ticketId: list[clamped]?.ticket.id ?? null, index: clamped };
  };
  if (key === 'ArrowUp') return place(column, index - 1);
  if (key === 'ArrowDown') return place(column, index + 1);
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const step = key === 'ArrowLeft' ? -1 : 1;
    let next = BOARD_COLUMNS.indexOf(column);
    // Skip empty columns; stay put at the edge.
    for (let probe = next + step; probe >= 0 && probe < BOARD_COLUMNS.length; probe += step) {
      if (columns[BOARD_COLUMNS[probe]!].length > 0) {
        next = probe;
        break;
      }
    }
    return place(BOARD_COLUMNS[next]!, index);
  }
  if (/^[1-9]$/.test(key)) {
    const wanted = Number(key) - 1;
    if (wanted >= columns[column].length) return current;
    return place(column, wanted);
  }
  return null;
}

export interface BoardKeyOptions {
  columns: BoardColumns;
  selection: Selection;
  setSelection: (selection: Selection) => void;
  onBump: (ticket: KitchenTicket) => void;
  onRecall: () => void;
  onTogglePanel: (panel: 'all-day' | '86') => void;
  onToggleMute: () => void;
}

/** Listens for the board's keys; returns the selected ticket. */
export function useBoardKeys(options: BoardKeyOptions) {
  const { columns, selection } = options;
  const selected = useMemo(() => resolveSelection(columns, selection), [columns, selection]);
  const latest = useRef({ ...options, selected });
  useLayoutEffect(() => {
    latest.current = { ...options, selected };
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      void unlockSound();
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      // Typing in a field (the 86 search) is typing, not driving the board.
      const target = event.target;
      if (target instanceof Element && target.closest('input, textarea, select')) return;
      const current = latest.current;
      const moved = moveSelection(current.columns, current.selection, event.key);
      if (moved) {
        event.preventDefault();
        current.setSelection(moved);
        return;
      }
      switch (event.key) {
        case 'Enter':
        case ' ':
          // Space on a focused button would click it as well: one bump only.
          event.preventDefault();
          if (current.selected) current.onBump(current.selected.ticket);
          return;
        case 'r':
        case 'R':
          event.preventDefault();
          current.onRecall();
          return;
        case 'a':
        case 'A':
          current.onTogglePanel('all-day');
          return;
        case 'u':
        case 'U':
          current.onTogglePanel('86');
          return;
        case 'm':
        case 'M':
          current.onToggleMute();
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return selected;
}
