/**
 * The bump bar: arrows or digits move the selection, Enter or Space bumps,
 * D marks the selected ticket's next item done, R recalls, O opens the
 * selected ticket's details and X its reject or cancel reasons. Bump bars are
 * keyboards to the browser, so this is also how a cook with wet hands drives
 * the board from a keypad.
 *
 * The board's keys are the board's only while the board has focus: the board
 * itself or a ticket on it, or nothing in particular (the page). A focused
 * control (a button, a link, a field, anything in a side panel or dialog)
 * keeps its own keys, so Enter on "Sign out" signs out and Enter on "86 it"
 * 86es the item; neither bumps a ticket.
 *
 * The selection remembers its column and place as well as its ticket, so
 * after a bump it lands on the ticket that took the bumped one's place: the
 * crew can bump the oldest ticket again and again.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
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

/** What has keys of its own: a focus inside one of these is not the board's. */
const OWN_KEYS = [
  'a[href]',
  'button',
  'input',
  'select',
  'textarea',
  'summary',
  'dialog',
  'aside',
  '[contenteditable]:not([contenteditable="false"])',
  ...[
    'button',
    'link',
    'checkbox',
    'radio',
    'switch',
    'tab',
    'menuitem',
    'option',
    'textbox',
    'combobox',
    'searchbox',
    'slider',
    'spinbutton',
    'dialog',
    'alertdialog',
    'complementary',
  ].map((role) => `[role="${role}"]`),
].join(', ');

/**
 * Whether a key pressed with focus on `target` is for the board: the page
 * itself (nothing focused), or the board or a ticket on it, but never a
 * control, even one on a ticket.
 */
export function isBoardFocus(target: EventTarget | null, board: Element | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return true;
  const { body, documentElement } = target.ownerDocument;
  if (target === body || target === documentElement) return true;
  if (!board?.contains(target)) return false;
  const control = target.closest(OWN_KEYS);
  return control === null || !board.contains(control);
}

export interface BoardKeyOptions {
  /** The board's element: keys act when it, or a ticket on it, has focus. */
  board: RefObject<HTMLElement | null>;
  columns: BoardColumns;
  selection: Selection;
  setSelection: (selection: Selection) => void;
  onBump: (ticket: KitchenTicket) => void;
  onRecall: () => void;
  /** Marks one of a ticket's items done, as a tap on the item would. */
  onItemDone: (ticket: KitchenTicket, itemId: number) => void;
  onTogglePanel: (panel: 'all-day' | '86') => void;
  onToggleMute: () => void;
  /** Opens a ticket's details (O), or straight at its reject or cancel reasons (X). */
  onOpen: (ticket: KitchenTicket, at: 'details' | 'reasons') => void;
  /** A dialog is open over the board: no key is the board's, wherever focus is. */
  paused: boolean;
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
      const current = latest.current;
      if (current.paused) return;
      // Enter on a focused button presses that button; typing in a field is typing.
      if (!isBoardFocus(event.target, current.board.current)) return;
      const moved = moveSelection(current.columns, current.selection, event.key);
      if (moved) {
        event.preventDefault();
        current.setSelection(moved);
        return;
      }
      switch (event.key) {
        case 'Enter':
        case ' ':
          // Space would scroll the page as well: one bump only.
          event.preventDefault();
          if (current.selected) current.onBump(current.selected.ticket);
          return;
        case 'r':
        case 'R':
          event.preventDefault();
          current.onRecall();
          return;
        case 'd':
        case 'D': {
          // The selected ticket's next item still to make: items by keyboard too.
          const at = current.selected;
          const workable = at?.ticket.status === 'accepted' || at?.ticket.status === 'preparing';
          const next = workable ? at.items.find((item) => item.status !== 'done') : undefined;
          if (at && next) current.onItemDone(at.ticket, next.id);
          return;
        }
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
        case 'o':
        case 'O':
        case 'x':
        case 'X':
          if (!current.selected) return;
          event.preventDefault();
          current.onOpen(current.selected.ticket, /^o$/i.test(event.key) ? 'details' : 'reasons');
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return selected;
}
