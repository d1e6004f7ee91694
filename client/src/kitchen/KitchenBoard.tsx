/**
 * The live ticket board: three columns by stage, every open ticket oldest
 * first (no cap), moves applied at once, driven by touch or a bump bar.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  BOARD_COLUMNS,
  type BoardColumn,
  bumpTarget,
  type KitchenSettings,
  type StaffRole,
  type Station,
} from '@ticketrail/shared';
import type { KitchenTicket } from './kitchen-feed';
import { AllDayPanel } from './AllDayPanel';
import { AvailabilityPanel } from './AvailabilityPanel';
import { columnsOf } from './board-model';
import { boardTemplate, createStacker } from './board-layout';
import { ColumnHeading } from './ColumnHeading';
import { useFreshTickets } from './useFreshTickets';
import { useBoardKeys, type Selection } from './useBoardKeys';
import { useBoardMoves } from './useBoardMoves';
import { BoardToolbar, type Panel } from './BoardToolbar';
import { useBoardTracks } from './useBoardTracks';
import { useNotices } from './useNotices';
import { TicketCard } from './TicketCard';
import { TicketDetails, type DetailsStep } from './TicketDetails';

const COLUMN_TITLES: Record<BoardColumn, string> = {
  new: 'New',
  preparing: 'Preparing',
  ready: 'Ready',
};

export const SHORTCUTS: [keys: string, what: string][] = [
  ['← → ↑ ↓', 'select'],
  ['1–9', 'ticket in column'],
  ['Enter / Space', 'bump'],
  ['D', 'next item done'],
  ['R', 'recall'],
  ['O', 'details'],
  ['X', 'reject / cancel'],
  ['A', 'all day'],
  ['U', '86 items'],
  ['M', 'sound'],
];

export interface KitchenBoardProps {
  tickets: readonly KitchenTicket[];
  settings: KitchenSettings;
  locationSlug: string;
  station: Station | null;
  /** The signed-in staff's role: the board offers only what it may do. */
  role: StaffRole;
  /** Where the board's buttons go (the page's header); above the board when not given. */
  toolbarSlot?: HTMLElement | null;
  muted: boolean;
  onToggleMute: () => void;
  /** Called for each batch of tickets that arrives after the board first loaded. */
  onNewTickets?: (count: number) => void;
}

export function KitchenBoard({
  tickets: serverTickets,
  settings,
  locationSlug,
  station,
  role,
  toolbarSlot,
  muted,
  onToggleMute,
  onNewTickets,
}: KitchenBoardProps) {
  const { notices, notify, dismiss } = useNotices();
  const moves = useBoardMoves({ serverTickets, onRefused: notify });
  const columns = useMemo(() => columnsOf(moves.tickets, station), [moves.tickets, station]);
  const fresh = useFreshTickets(serverTickets, onNewTickets);
  const [panel, setPanel] = useState<Panel>(null);
  const togglePanel = useCallback(
    (which: Exclude<Panel, null>) => setPanel((open) => (open === which ? null : which)),
    [],
  );
  const [selection, setSelection] = useState<Selection>({
    column: 'new',
    ticketId: null,
    index: 0,
  });

  const { bump, recall, lastBump } = moves;
  const boardRef = useRef<HTMLDivElement>(null);
  const [details, setDetails] = useState<{ ticketId: string; start: DetailsStep } | null>(null);
  const detailsTicket = details
    ? moves.tickets.find((candidate) => candidate.id === details.ticketId)
    : undefined;
  // Gone from the board (served or cancelled elsewhere): its dialog goes, and stays gone.
  if (details && !detailsTicket) setDetails(null);
  const openDetails = useCallback(
    (ticket: KitchenTicket) => setDetails({ ticketId: ticket.id, start: 'details' }),
    [],
  );
  const tracks = useBoardTracks(boardRef, {
    new: columns.new.length,
    preparing: columns.preparing.length,
    ready: columns.ready.length,
  });
  // Tickets keep their stack from one render to the next (board-layout.ts).
  const [stack] = useState(createStacker);
  const stacks = useMemo(() => stack(columns, tracks), [stack, columns, tracks]);
  const selected = useBoardKeys({
    board: boardRef,
    columns,
    selection,
    setSelection,
    onBump: useCallback((ticket: KitchenTicket) => bump(ticket, station), [bump, station]),
    onRecall: recall,
    onItemDone: moves.tapItem,
    onTogglePanel: togglePanel,
    onToggleMute,
    onOpen: useCallback(
      (ticket: KitchenTicket, start: DetailsStep) => setDetails({ ticketId: ticket.id, start }),
      [],
    ),
    paused: detailsTicket !== undefined,
  });

  // The keys go back to the board when the dialog closes, however it closed.
  const detailsOpen = detailsTicket !== undefined;
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !detailsOpen) boardRef.current?.focus({ preventScroll: true });
    wasOpen.current = detailsOpen;
  }, [detailsOpen]);
  const detailsEntry = detailsTicket
    ? BOARD_COLUMNS.flatMap((column) => columns[column]).find(
        (entry) => entry.ticket.id === detailsTicket.id,
      )
    : undefined;

  const select = useCallback(
    (ticketId: string) => {
      for (const column of BOARD_COLUMNS) {
        const index = columns[column].findIndex((entry) => entry.ticket.id === ticketId);
        if (index !== -1) setSelection({ column, ticketId, index });
      }
    },
    [columns],
  );
  const onBump = useCallback((ticket: KitchenTicket) => bump(ticket, station), [bump, station]);

  // Keep the selected ticket in sight as the bump bar walks the columns.
  useEffect(() => {
    if (!selected) return;
    const element = boardRef.current?.querySelector('[aria-current="true"]');
    if (element && 'scrollIntoView' in element) element.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const toolbar = (
    <BoardToolbar
      lastBump={lastBump}
      recallWindowMinutes={settings.recallWindowMinutes}
      onRecall={recall}
      panel={panel}
      onTogglePanel={togglePanel}
      muted={muted}
      onToggleMute={onToggleMute}
      notices={notices}
      onDismiss={dismiss}
    />
  );

  return (
    <div className="kitchen">
      {toolbarSlot ? createPortal(toolbar, toolbarSlot) : toolbar}
      <div className="kitchen__body">
        <div
          className="board"
          ref={boardRef}
          style={{ gridTemplateColumns: boardTemplate(tracks) }}
          // The bump bar's keys act while the board has focus: Tab to it, or touch it.
          tabIndex={0}
          role="group"
          aria-label="Ticket board"
          aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight Enter Space D R O X A U M"
          // A touch on a ticket (its item or bump button too) hands the keys back to the
          // board, so the bump bar's next Enter bumps rather than presses what was touched.
          onClickCapture={() => boardRef.current?.focus({ preventScroll: true })}
        >
          {BOARD_COLUMNS.map((column) => (
            <section
              key={column}
              className={`board__column board__column--${column}${tracks[column] === 0 ? ' board__column--strip' : ''}`}
              aria-labelledby={`column-${column} column-${column}-count`}
            >
              <ColumnHeading
                column={column}
                title={COLUMN_TITLES[column]}
                entries={columns[column]}
                settings={settings}
              />
              {/* It scrolls on a busy night: focusable, so the keyboard can scroll it too. */}
              <div
                className="board__tickets"
                tabIndex={0}
                role="group"
                aria-labelledby={`column-${column} column-${column}-count`}
              >
                {columns[column].length === 0 ? (
                  <p className="board__empty">No tickets</p>
                ) : (
                  stacks[column].map((stack, track) => (
                    <div key={track} className="board__stack">
                      {stack.map(({ entry, index }) => (
                        <TicketCard
                          key={entry.ticket.id}
                          entry={entry}
                          settings={settings}
                          position={index + 1}
                          selected={selected?.ticket.id === entry.ticket.id}
                          fresh={fresh.has(entry.ticket.id)}
                          stationView={station !== null}
                          onSelect={select}
                          onBump={onBump}
                          onTapItem={moves.tapItem}
                          onOpen={openDetails}
                        />
                      ))}
                    </div>
                  ))
                )}
              </div>
            </section>
          ))}
        </div>
        {panel === 'all-day' ? <AllDayPanel tickets={moves.tickets} station={station} /> : null}
        {panel === '86' ? (
          <AvailabilityPanel locationSlug={locationSlug} onRefused={notify} />
        ) : null}
      </div>
      {detailsTicket ? (
        <TicketDetails
          key={`${detailsTicket.id}:${details?.start}`}
          ticket={detailsTicket}
          role={role}
          start={details?.start ?? 'details'}
          stationView={station !== null}
          canBump={
            detailsEntry !== undefined &&
            !detailsEntry.stationDone &&
            bumpTarget(detailsTicket.status) !== null
          }
          onTapItem={moves.tapItem}
          onBump={onBump}
          onCloseOrder={moves.close}
          onDismiss={() => setDetails(null)}
        />
      ) : null}
      <footer className="shortcuts" aria-label="Keyboard shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <span key={keys}>
            <kbd>{keys}</kbd> {what}
          </span>
        ))}
      </footer>
    </div>
  );
}
