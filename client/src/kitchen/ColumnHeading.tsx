/**
 * A column's heading, which stays in view however far the column scrolls:
 * its name, how many tickets it holds, and how long the oldest has waited, so
 * the pass sees at a glance that 40 are waiting and the first for 24 minutes.
 */
import type { BoardColumn, KitchenSettings } from '@ticketrail/shared';
import type { BoardTicket } from './board-model';
import { Timer } from './Timer';

/** The ticket that has waited longest (the columns are oldest first, but a recall may not be). */
function oldestOf(entries: readonly BoardTicket[]): BoardTicket | undefined {
  let oldest = entries[0];
  for (const entry of entries) {
    if (oldest && entry.ticket.times.placedAt < oldest.ticket.times.placedAt) oldest = entry;
  }
  return oldest;
}

export function ColumnHeading({
  column,
  title,
  entries,
  settings,
}: {
  column: BoardColumn;
  title: string;
  entries: readonly BoardTicket[];
  settings: KitchenSettings;
}) {
  const oldest = oldestOf(entries);
  return (
    <h2 className="board__title">
      {/* The column is named by these two (KitchenBoard): the ticking timer would make a noisy name. */}
      <span id={`column-${column}`} className="board__name">
        {title}
      </span>{' '}
      <span
        id={`column-${column}-count`}
        className="board__count"
        aria-label={`${entries.length} ${entries.length === 1 ? 'ticket' : 'tickets'}`}
      >
        {entries.length}
      </span>
      {oldest ? (
        <span className="board__oldest" data-ticket-oldest={oldest.ticket.displayNumber}>
          <Timer placedAt={oldest.ticket.times.placedAt} settings={settings} label="oldest" />
        </span>
      ) : null}
    </h2>
  );
}
