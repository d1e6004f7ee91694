/**
 * Why an order is rejected or cancelled: a preset reason a cook taps, or
 * "Other…" typed, then a confirm step, so a slip of a wet finger (or a
 * double press on the bump bar) never turns a guest away. The confirm step
 * opens on "Back", not on the destructive button.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  cleanReason,
  PRESET_REASONS,
  REASON_MAX_LENGTH,
  type CloseAction,
  type CloseTo,
} from './close-order';

export interface RejectReasonsProps {
  action: Extract<CloseAction, { to: CloseTo }>;
  displayNumber: string;
  onConfirm: (reason: string) => void;
  /** Back to the ticket's details. */
  onBack: () => void;
}

export function RejectReasons({ action, displayNumber, onConfirm, onBack }: RejectReasonsProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [other, setOther] = useState<string | null>(null);
  const headingId = useId();
  const otherId = useId();
  const list = useRef<HTMLUListElement>(null);
  const otherField = useRef<HTMLInputElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  /** The preset last chosen, to land on again after "Back" from the confirm step. */
  const lastPreset = useRef(0);

  // Focus moves when the step does, not on every keystroke in the field.
  const typing = other !== null;
  useEffect(() => {
    if (chosen !== null) back.current?.focus();
    else if (typing) otherField.current?.focus();
    else if (!list.current?.contains(document.activeElement)) {
      list.current?.querySelectorAll('button')[lastPreset.current]?.focus();
    }
  }, [chosen, typing]);

  const verb = action.verb;
  if (chosen !== null) {
    return (
      <section className="close-step close-step--confirm" aria-labelledby={headingId}>
        <h3 id={headingId} className="close-step__title">
          {verb} {displayNumber}?
        </h3>
        <p className="close-step__reason">
          <span className="close-step__label">Reason: </span>
          {chosen}
        </p>
        <p className="close-step__hint">
          The guest sees this reason on their order page. This cannot be undone.
        </p>
        <div className="close-step__actions">
          <button
            ref={back}
            type="button"
            className="details-button"
            onClick={() => setChosen(null)}
          >
            Back
          </button>
          <button
            type="button"
            className="details-button details-button--danger"
            onClick={() => onConfirm(chosen)}
          >
            {verb} order {displayNumber}
          </button>
        </div>
      </section>
    );
  }

  const typed = other === null ? null : cleanReason(other);
  return (
    <section className="close-step" aria-labelledby={headingId}>
      <h3 id={headingId} className="close-step__title">
        {action.to === 'rejected' ? 'Why reject' : 'Why cancel'} {displayNumber}?
      </h3>
      <p className="close-step__hint">The guest sees the reason.</p>
      <ul className="close-reasons" ref={list}>
        {PRESET_REASONS.map((reason, index) => (
          <li key={reason}>
            <button
              type="button"
              className="details-button close-reasons__reason"
              onClick={() => {
                lastPreset.current = index;
                setChosen(reason);
              }}
            >
              {reason}
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="details-button close-reasons__reason"
            aria-expanded={other !== null}
            aria-controls={otherId}
            onClick={() => setOther((was) => (was === null ? '' : null))}
          >
            Other…
          </button>
        </li>
      </ul>
      {other !== null ? (
        <form
          id={otherId}
          className="close-other"
          onSubmit={(event) => {
            event.preventDefault();
            if (typed) setChosen(typed);
          }}
        >
          <label className="close-other__label" htmlFor={`${otherId}-text`}>
            Other reason
          </label>
          <input
            ref={otherField}
            id={`${otherId}-text`}
            className="close-other__field"
            type="text"
            value={other}
            maxLength={REASON_MAX_LENGTH}
            autoComplete="off"
            aria-describedby={`${otherId}-count`}
            onChange={(event) => setOther(event.target.value)}
          />
          <span id={`${otherId}-count`} className="close-other__count">
            {other.length} / {REASON_MAX_LENGTH}
          </span>
          <button type="submit" className="details-button" disabled={typed === null}>
            Continue
          </button>
        </form>
      ) : null}
      <div className="close-step__actions">
        <button type="button" className="details-button" onClick={onBack}>
          Back to the ticket
        </button>
      </div>
    </section>
  );
}
