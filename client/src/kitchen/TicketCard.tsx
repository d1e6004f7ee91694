/**
 * One ticket on the board: where it goes, who for, how long it has waited,
 * and what to make — with allergens and notes where no one can miss them.
 * Memoised: on a board of 200 tickets, a change re-renders only its ticket,
 * and the timer ticks on its own.
 */
import { memo } from 'react';
import { bumpTarget, statusLabel, type KitchenSettings } from '@ticketrail/shared';
import type { KitchenTicket } from './kitchen-feed';
import {
  destination,
  elapsedSeconds,
  formatElapsed,
  timerLevel,
  type BoardTicket,
  type TicketItem,
} from './board-model';
import { useNow } from '../lib/clock';
import { isAllergyNote } from './allergy-notes';

function Timer({ placedAt, settings }: { placedAt: string; settings: KitchenSettings }) {
  const seconds = elapsedSeconds(placedAt, useNow());
  const level = timerLevel(seconds, settings);
  return (
    <span className={`ticket__timer ticket__timer--${level}`} data-level={level}>
      {formatElapsed(seconds)}
    </span>
  );
}

/**
 * A note from the guest. One about an allergy ("NUT ALLERGY", "coeliac") looks
 * like an allergen — red, ⚠, "Allergy:" — never like "extra crispy".
 */
function Note({ text, order = false }: { text: string; order?: boolean }) {
  const allergy = isAllergyNote(text);
  const classes = [
    'ticket-note',
    order ? 'ticket-note--order' : '',
    allergy ? 'ticket-note--allergy' : '',
  ];
  return allergy ? (
    <p className={classes.filter(Boolean).join(' ')} role="note" aria-label={`Allergy: ${text}`}>
      <span aria-hidden="true">⚠ </span>
      <span className="ticket-note__flag">Allergy: </span>
      {text}
    </p>
  ) : (
    <p className={classes.filter(Boolean).join(' ')} role="note" aria-label={`Note: ${text}`}>
      “{text}”
    </p>
  );
}

/** Where an item stands, in words: heard by screen readers, seen as the item's look. */
function ItemState({ status }: { status: TicketItem['status'] }) {
  if (status === 'done') {
    return (
      <span className="ticket-item__state">
        <span aria-hidden="true">✓</span>
        <span className="visually-hidden"> done</span>
      </span>
    );
  }
  if (status === 'cooking') return <span className="ticket-item__state">Cooking</span>;
  return <span className="visually-hidden"> up next</span>;
}

const BUMP_WORDS: Record<string, string> = {
  accepted: 'Accept',
  ready: 'Ready',
  completed: 'Served',
};

/** The bump button's word: what the bump will do. */
export function bumpLabel(ticket: KitchenTicket, stationView: boolean): string {
  if (stationView && (ticket.status === 'accepted' || ticket.status === 'preparing')) {
    return 'Done';
  }
  const to = bumpTarget(ticket.status);
  if (to === 'completed') return ticket.type === 'delivery' ? 'Sent' : 'Served';
  return to ? (BUMP_WORDS[to] ?? to) : '';
}

function ItemLine({
  item,
  workable,
  onTap,
}: {
  item: TicketItem;
  workable: boolean;
  onTap: (itemId: number) => void;
}) {
  const done = item.status === 'done';
  return (
    <li className={`ticket-item ticket-item--${item.status}`} data-status={item.status}>
      <button
        type="button"
        className="ticket-item__tap"
        disabled={!workable}
        aria-pressed={done}
        // Not a tab stop: the bump bar drives tickets; items are for fingers.
        tabIndex={-1}
        onClick={() => onTap(item.id)}
        title={workable ? (done ? 'Tap to put back' : 'Tap when done') : 'Accept the ticket first'}
      >
        <span className="ticket-item__qty">{item.quantity}×</span>
        <span className="ticket-item__name">{item.name}</span>
        <ItemState status={item.status} />
      </button>
      {item.options.length > 0 ? (
        <ul className="ticket-item__options">
          {item.options.map((option) => (
            <li key={option.optionId}>{option.name}</li>
          ))}
        </ul>
      ) : null}
      {item.notes ? <Note text={item.notes} /> : null}
      {item.allergens.length > 0 ? (
        <p className="ticket-allergens" aria-label={`Allergens: ${item.allergens.join(', ')}`}>
          <span aria-hidden="true">⚠ </span>
          {item.allergens.join(' · ')}
        </p>
      ) : null}
    </li>
  );
}

export interface TicketCardProps {
  entry: BoardTicket;
  settings: KitchenSettings;
  /** 1-based place in its column: the digit that selects it. */
  position: number;
  selected: boolean;
  fresh: boolean;
  stationView: boolean;
  onSelect: (ticketId: string) => void;
  onBump: (ticket: KitchenTicket) => void;
  onTapItem: (ticket: KitchenTicket, itemId: number) => void;
}

export const TicketCard = memo(function TicketCard({
  entry,
  settings,
  position,
  selected,
  fresh,
  stationView,
  onSelect,
  onBump,
  onTapItem,
}: TicketCardProps) {
  const { ticket, items, stationDone } = entry;
  const workable = ticket.status === 'accepted' || ticket.status === 'preparing';
  const classes = [
    'ticket',
    `ticket--${ticket.status}`,
    selected ? 'ticket--selected' : '',
    fresh ? 'ticket--fresh' : '',
    stationDone ? 'ticket--station-done' : '',
  ];
  return (
    <article
      className={classes.filter(Boolean).join(' ')}
      aria-label={`Ticket ${ticket.displayNumber}, ${destination(ticket)}, ${statusLabel(ticket.status, ticket.type)}`}
      aria-current={selected ? 'true' : undefined}
      data-ticket={ticket.displayNumber}
      onClick={() => onSelect(ticket.id)}
    >
      <header className="ticket__head">
        <span className="ticket__position" aria-hidden="true">
          {position <= 9 ? position : ''}
        </span>
        <span className="ticket__number">{ticket.displayNumber}</span>
        <span className={`ticket__where ticket__where--${ticket.type}`}>{destination(ticket)}</span>
        <Timer placedAt={ticket.times.placedAt} settings={settings} />
      </header>
      <p className="ticket__guest">
        {ticket.guestName}
        {ticket.status === 'accepted' || ticket.status === 'placed' ? (
          <span className="ticket__stage"> · {statusLabel(ticket.status, ticket.type)}</span>
        ) : null}
      </p>
      {ticket.notes ? <Note text={ticket.notes} order /> : null}
      <ul className="ticket__items">
        {items.map((item) => (
          <ItemLine
            key={item.id}
            item={item}
            workable={workable}
            onTap={(itemId) => onTapItem(ticket, itemId)}
          />
        ))}
      </ul>
      {stationDone ? (
        <p className="ticket__waiting">Done here · waiting on other stations</p>
      ) : null}
      <button
        type="button"
        className="ticket__bump"
        tabIndex={-1}
        disabled={stationDone || !bumpTarget(ticket.status)}
        onClick={(event) => {
          event.stopPropagation();
          onBump(ticket);
        }}
      >
        {bumpLabel(ticket, stationView)}
      </button>
    </article>
  );
});
