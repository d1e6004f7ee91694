/**
 * One ticket on the board: where it goes, who for, how long it has waited,
 * and what to make — with allergens and notes where no one can miss them.
 * Memoised: on a board of 200 tickets, a change re-renders only its ticket,
 * and the timer ticks on its own.
 */
import { memo } from 'react';
import { bumpTarget, statusLabel, type KitchenSettings } from '@ticketrail/shared';
import type { KitchenTicket } from './kitchen-feed';
import { destination, type BoardTicket, type TicketItem } from './board-model';
import { isAllergyNote } from './allergy-notes';
import { Timer } from './Timer';
import { isCompactTicket } from './board-layout';

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

/** Allergens, red and as big as the item names: "⚠ CELERY · GLUTEN · MILK". */
function Allergens({ allergens }: { allergens: readonly string[] }) {
  return allergens.length > 0 ? (
    <p className="ticket-allergens" aria-label={`Allergens: ${allergens.join(', ')}`}>
      <span aria-hidden="true">⚠ </span>
      {allergens.join(' · ')}
    </p>
  ) : null;
}

/** Every allergen on the ticket, once each, in the order they first appear. */
function allergensOf(items: readonly TicketItem[]): string[] {
  return [...new Set(items.flatMap((item) => item.allergens))];
}

function ItemLine({
  item,
  workable,
  brief,
  onTap,
}: {
  item: TicketItem;
  workable: boolean;
  /**
   * A ticket in brief shows its essential lines: quantities and names, allergy notes,
   * and its allergens once under its items. Options and other notes wait for the
   * ticket in full (once accepted) or its details; "+2" says they are there.
   */
  brief: boolean;
  onTap: (itemId: number) => void;
}) {
  const done = item.status === 'done';
  const allergyNote = item.notes !== null && isAllergyNote(item.notes);
  const showDetail = !brief;
  const held = brief ? item.options.length + (item.notes && !allergyNote ? 1 : 0) : 0;
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
        {held > 0 ? (
          <span className="ticket-item__more">
            <span aria-hidden="true">+{held}</span>
            <span className="visually-hidden">
              {' '}
              ({held} {held === 1 ? 'option or note' : 'options and notes'} in the details)
            </span>
          </span>
        ) : null}
        <ItemState status={item.status} />
      </button>
      {showDetail && item.options.length > 0 ? (
        <ul className="ticket-item__options">
          {item.options.map((option) => (
            <li key={option.optionId}>{option.name}</li>
          ))}
        </ul>
      ) : null}
      {item.notes && (showDetail || allergyNote) ? <Note text={item.notes} /> : null}
      {brief ? null : <Allergens allergens={item.allergens} />}
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
  /** Opens the ticket's details (TicketDetails.tsx): for fingers; O on the board for keys. */
  onOpen?: (ticket: KitchenTicket) => void;
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
  onOpen,
}: TicketCardProps) {
  const { ticket, items, stationDone } = entry;
  const workable = ticket.status === 'accepted' || ticket.status === 'preparing';
  // New tickets wait to be accepted, ready ones to be handed over: both in brief, so a
  // rush fits; the crew works from a ticket in full once it is accepted.
  const brief = isCompactTicket(ticket.status);
  const classes = [
    'ticket',
    `ticket--${ticket.status}`,
    selected ? 'ticket--selected' : '',
    fresh ? 'ticket--fresh' : '',
    stationDone ? 'ticket--station-done' : '',
    brief ? 'ticket--compact' : '',
  ];
  const bumpButton = (
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
  );
  return (
    <article
      className={classes.filter(Boolean).join(' ')}
      aria-label={`Ticket ${ticket.displayNumber}, ${destination(ticket)}, ${statusLabel(ticket.status, ticket.type)}`}
      aria-current={selected ? 'true' : undefined}
      data-ticket={ticket.displayNumber}
      // Its place in the column, oldest first: the stacks lay the column out in another order.
      data-place={position}
      onClick={() => onSelect(ticket.id)}
    >
      <header className="ticket__head">
        <div className="ticket__line">
          <span className="ticket__position" aria-hidden="true">
            {position <= 9 ? position : ''}
          </span>
          {onOpen ? (
            // The number opens the ticket's details: for fingers; O on the board for keys.
            <button
              type="button"
              className="ticket__number ticket__number--button"
              tabIndex={-1}
              aria-label={`Details of ${ticket.displayNumber}`}
              title="Details (O)"
              onClick={() => onOpen(ticket)}
            >
              {ticket.displayNumber}
            </button>
          ) : (
            <span className="ticket__number">{ticket.displayNumber}</span>
          )}
          <Timer placedAt={ticket.times.placedAt} settings={settings} />
        </div>
        <div className="ticket__line ticket__line--who">
          {/* Where the food goes and who for: whole, never cut; beside the bump when in brief. */}
          <p className="ticket__who">
            <span className={`ticket__where ticket__where--${ticket.type}`}>
              {destination(ticket)}
            </span>{' '}
            <span className="ticket__guest">
              {ticket.guestName}
              {ticket.status === 'accepted' ? (
                <span className="ticket__stage"> · {statusLabel(ticket.status, ticket.type)}</span>
              ) : null}
            </span>
          </p>
          {brief ? bumpButton : null}
        </div>
      </header>
      {ticket.notes ? <Note text={ticket.notes} order /> : null}
      <ul className="ticket__items">
        {items.map((item) => (
          <ItemLine
            key={item.id}
            item={item}
            workable={workable}
            brief={brief}
            onTap={(itemId) => onTapItem(ticket, itemId)}
          />
        ))}
      </ul>
      {/* Cooked and ready to hand over, its dishes' allergens have done their work; a
          guest's allergy note still shows. */}
      {brief && ticket.status !== 'ready' ? <Allergens allergens={allergensOf(items)} /> : null}
      {stationDone ? (
        <p className="ticket__waiting">Done here · waiting on other stations</p>
      ) : null}
      {brief ? null : bumpButton}
    </article>
  );
});
