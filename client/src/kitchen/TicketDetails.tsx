/**
 * A ticket's details over the board (O on the board, or a touch on the card's
 * number): the whole ticket, its items as buttons the keyboard reaches (done
 * or back, as a tap on the card), the bump, and reject or cancel with a reason.
 *
 * A native modal <dialog>: the board behind it is inert, Escape closes it,
 * and the board's keys wait (useBoardKeys' `paused`) until it has gone.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { statusLabel, type StaffRole } from '@ticketrail/shared';
import type { KitchenTicket } from './kitchen-feed';
import { destination, type TicketItem } from './board-model';
import { isAllergyNote } from './allergy-notes';
import { closeAction, type CloseTo } from './close-order';
import { RejectReasons } from './RejectReasons';
import { bumpLabel } from './TicketCard';
import './ticket-details.css';

export type DetailsStep = 'details' | 'reasons';

export interface TicketDetailsProps {
  ticket: KitchenTicket;
  role: StaffRole;
  /** Where it opens: the details, or straight at the reasons (X on the board). */
  start: DetailsStep;
  stationView: boolean;
  /** Whether the bump does something now (a station's bump with nothing left does not). */
  canBump: boolean;
  onTapItem: (ticket: KitchenTicket, itemId: number) => void;
  onBump: (ticket: KitchenTicket) => void;
  onCloseOrder: (ticket: KitchenTicket, to: CloseTo, reason: string) => void;
  /** The dialog is done with: Escape, the close button, or after a bump or a reason. */
  onDismiss: () => void;
}

const clock = (iso: string | null) =>
  iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : null;

function Stamp({ label, at }: { label: string; at: string | null }) {
  const shown = clock(at);
  return (
    <div className="details-times__stamp">
      <dt>{label}</dt>
      <dd>{shown && at ? <time dateTime={at}>{shown}</time> : 'not yet'}</dd>
    </div>
  );
}

function NoteLine({ text }: { text: string }) {
  return isAllergyNote(text) ? (
    <p className="details-note details-note--allergy">
      <span aria-hidden="true">⚠ </span>Allergy: {text}
    </p>
  ) : (
    <p className="details-note">“{text}”</p>
  );
}

const ITEM_STATE: Record<TicketItem['status'], string> = {
  queued: 'up next',
  cooking: 'cooking',
  done: 'done',
};

function ItemRow({
  item,
  workable,
  onTap,
}: {
  item: TicketItem;
  workable: boolean;
  onTap: () => void;
}) {
  const done = item.status === 'done';
  return (
    <li className={`details-item details-item--${item.status}`}>
      <button
        type="button"
        className="details-item__tap"
        aria-pressed={done}
        disabled={!workable}
        onClick={onTap}
        title={workable ? (done ? 'Put back' : 'Mark done') : 'Accept the ticket first'}
      >
        <span className="details-item__qty">{item.quantity}×</span>
        <span className="details-item__name">{item.name}</span>
        <span className="details-item__state">
          {done ? <span aria-hidden="true">✓ </span> : null}
          {ITEM_STATE[item.status]}
        </span>
      </button>
      {item.options.length > 0 ? (
        <ul className="details-item__options" aria-label={`${item.name} options`}>
          {item.options.map((option) => (
            <li key={option.optionId}>{option.name}</li>
          ))}
        </ul>
      ) : null}
      {item.notes ? <NoteLine text={item.notes} /> : null}
      {item.allergens.length > 0 ? (
        <p className="details-allergens">
          <span aria-hidden="true">⚠ </span>Allergens: {item.allergens.join(', ')}
        </p>
      ) : null}
    </li>
  );
}

export function TicketDetails({
  ticket,
  role,
  start,
  stationView,
  canBump,
  onTapItem,
  onBump,
  onCloseOrder,
  onDismiss,
}: TicketDetailsProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const action = closeAction(ticket.status, role);
  const [step, setStep] = useState<DetailsStep>(action.to ? start : 'details');
  const workable = ticket.status === 'accepted' || ticket.status === 'preparing';
  const closeButton = useRef<HTMLButtonElement>(null);
  const firstItem = useRef<HTMLUListElement>(null);
  const closeOrderButton = useRef<HTMLButtonElement>(null);
  const whoNote = useRef<HTMLParagraphElement>(null);
  const cameBack = useRef(false);

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    // jsdom has no showModal; an open attribute is enough for its tests.
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
  }, []);

  // Where focus lands as the dialog opens or comes back to the details.
  useEffect(() => {
    if (step !== 'details') return;
    if (cameBack.current) {
      cameBack.current = false;
      closeOrderButton.current?.focus();
      return;
    }
    if (start === 'reasons' && !action.to) {
      whoNote.current?.focus();
      return;
    }
    const item = firstItem.current?.querySelector<HTMLButtonElement>('button:not(:disabled)');
    (item ?? closeButton.current)?.focus();
    // Only when the step changes: a live update of the ticket must not move focus.
  }, [step]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Closes the dialog; its close event (onClose) tells the board. */
  const dismiss = () => {
    const element = dialog.current;
    if (element?.open && typeof element.close === 'function') element.close();
    else onDismiss();
  };

  return (
    <dialog
      ref={dialog}
      className="ticket-details"
      aria-labelledby={titleId}
      // Escape: the browser closes the dialog and says so here.
      onClose={onDismiss}
      onKeyDown={(event) => {
        // jsdom does not close a dialog on Escape; browsers do, and this agrees.
        if (event.key === 'Escape') {
          event.preventDefault();
          dismiss();
        }
      }}
    >
      <header className="ticket-details__head">
        <h2 id={titleId} className="ticket-details__title">
          Ticket {ticket.displayNumber}
        </h2>
        <span className={`ticket__where ticket__where--${ticket.type}`}>{destination(ticket)}</span>
        <span className="ticket-details__status">{statusLabel(ticket.status, ticket.type)}</span>
        <button
          ref={closeButton}
          type="button"
          className="details-button ticket-details__close"
          aria-label="Close details"
          onClick={dismiss}
        >
          ×
        </button>
      </header>
      {step === 'reasons' && action.to ? (
        <RejectReasons
          action={action}
          displayNumber={ticket.displayNumber}
          onBack={() => {
            cameBack.current = true;
            setStep('details');
          }}
          onConfirm={(reason) => {
            onCloseOrder(ticket, action.to, reason);
            dismiss();
          }}
        />
      ) : (
        <div className="ticket-details__body">
          <p className="ticket-details__guest">
            {ticket.guestName}
            {ticket.guestPhone ? ` · ${ticket.guestPhone}` : ''}
          </p>
          {ticket.deliveryAddress ? (
            <p className="ticket-details__address">{ticket.deliveryAddress}</p>
          ) : null}
          <dl className="details-times">
            <Stamp label="Placed" at={ticket.times.placedAt} />
            <Stamp label="Accepted" at={ticket.times.acceptedAt} />
            {ticket.times.readyAt ? <Stamp label="Ready" at={ticket.times.readyAt} /> : null}
          </dl>
          {ticket.notes ? <NoteLine text={ticket.notes} /> : null}
          <ul className="details-items" ref={firstItem} aria-label="Items">
            {ticket.items.map((item) => (
              <ItemRow
                key={item.id}
                item={item}
                workable={workable}
                onTap={() => onTapItem(ticket, item.id)}
              />
            ))}
          </ul>
          <div className="ticket-details__actions">
            {canBump ? (
              <button
                type="button"
                className="details-button details-button--bump"
                onClick={() => {
                  onBump(ticket);
                  dismiss();
                }}
              >
                {bumpLabel(ticket, stationView)}
              </button>
            ) : null}
            {action.to ? (
              <button
                ref={closeOrderButton}
                type="button"
                className="details-button details-button--danger"
                onClick={() => setStep('reasons')}
              >
                {action.verb} order…
              </button>
            ) : (
              <p className="ticket-details__who" ref={whoNote} tabIndex={-1}>
                Only {action.who} can {ticket.status === 'placed' ? 'reject' : 'cancel'} this order.
              </p>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
