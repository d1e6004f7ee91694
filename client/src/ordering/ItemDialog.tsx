/**
 * One item, opened from the menu: what it is, what is in it, its choices, how
 * many, and a note for the kitchen. The option rules are checked as the guest
 * taps (option-choice.ts); what is still missing is said next to its group
 * when they try to add.
 */
import { useState } from 'react';
import { formatMoney, MAX_NOTE_LENGTH, multiplyCents, sumCents } from '@ticketrail/shared';
import { Sheet } from '../components/Sheet';
import { readableFlag, unavailableReason, type MenuItem, type OptionGroup } from './menu-model';
import {
  choiceProblems,
  groupRule,
  initialChoice,
  isSingleChoice,
  toggleOption,
} from './option-choice';
import { QuantityStepper } from './QuantityStepper';

export interface ItemChoice {
  optionIds: number[];
  quantity: number;
  notes: string;
}

function GroupField({
  group,
  optionIds,
  currency,
  problem,
  onToggle,
}: {
  group: OptionGroup;
  optionIds: readonly number[];
  currency: string;
  problem: string | null;
  onToggle: (optionId: number) => void;
}) {
  const single = isSingleChoice(group);
  const problemId = `group-${group.id}-problem`;
  return (
    <fieldset
      className={`option-group${problem ? ' option-group--problem' : ''}`}
      aria-describedby={problem ? problemId : undefined}
    >
      <legend>
        {group.name} <span className="option-group__rule">{groupRule(group)}</span>
      </legend>
      {group.options.map((option) => (
        <label key={option.id} className={`option${option.available ? '' : ' option--off'}`}>
          <input
            type={single ? 'radio' : 'checkbox'}
            name={`group-${group.id}`}
            checked={optionIds.includes(option.id)}
            disabled={!option.available && !optionIds.includes(option.id)}
            onChange={() => onToggle(option.id)}
            // A required single choice cannot be emptied, but a tap on it must not look dead.
            onClick={() => {
              if (single && optionIds.includes(option.id)) onToggle(option.id);
            }}
          />
          <span className="option__name">{option.name}</span>
          <span className="option__price">
            {!option.available
              ? 'Unavailable'
              : option.priceDeltaCents !== 0
                ? `${option.priceDeltaCents > 0 ? '+' : '−'}${formatMoney(Math.abs(option.priceDeltaCents), currency)}`
                : null}
          </span>
        </label>
      ))}
      {problem ? (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}

export function ItemDialog({
  item,
  currency,
  acceptingOrders,
  onAdd,
  onClose,
}: {
  item: MenuItem;
  currency: string;
  acceptingOrders: boolean;
  onAdd: (choice: ItemChoice) => void;
  onClose: () => void;
}) {
  const [optionIds, setOptionIds] = useState(() => initialChoice(item));
  const [quantity, setQuantity] = useState(1);
  const [notes, setNotes] = useState('');
  const [tried, setTried] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const problems = choiceProblems(item, optionIds);
  // The item can go off while the dialog is open: the live menu updates `item`.
  const offReason = unavailableReason(item);
  const chosenDeltas = item.optionGroups.flatMap((group) =>
    group.options.filter((option) => optionIds.includes(option.id)).map((o) => o.priceDeltaCents),
  );
  const lineCents = multiplyCents(sumCents([item.priceCents, ...chosenDeltas]), quantity);

  const toggle = (group: OptionGroup, optionId: number) => {
    const next = toggleOption(group, optionIds, optionId);
    setOptionIds(next.optionIds);
    setNotice(next.refused);
  };

  const add = () => {
    setTried(true);
    if (offReason) return;
    if (problems.size > 0) {
      // On a phone the group at fault may be scrolled away: bring it into view.
      requestAnimationFrame(() =>
        document.querySelector('.option-group--problem')?.scrollIntoView({ block: 'center' }),
      );
      return;
    }
    onAdd({ optionIds, quantity, notes });
  };

  return (
    <Sheet
      title={item.name}
      onClose={onClose}
      footer={
        <div className="item-dialog__actions">
          <QuantityStepper value={quantity} onChange={setQuantity} label={item.name} />
          <button
            type="button"
            className="button button--wide"
            disabled={offReason !== null || !acceptingOrders}
            onClick={add}
          >
            {offReason
              ? offReason
              : !acceptingOrders
                ? 'Not taking orders'
                : `Add ${quantity} · ${formatMoney(lineCents, currency)}`}
          </button>
        </div>
      }
    >
      {item.photoUrl ? (
        <img
          className="item-dialog__photo"
          src={item.photoUrl}
          alt={`Photo of ${item.name}`}
          width={640}
          height={480}
          decoding="async"
        />
      ) : null}
      {item.description ? <p className="item-dialog__description">{item.description}</p> : null}
      <p className="price">{formatMoney(item.priceCents, currency)}</p>
      <div className="tags">
        {item.dietary.map((flag) => (
          <span key={flag} className="tag">
            {readableFlag(flag)}
          </span>
        ))}
      </div>
      {item.allergens.length > 0 ? (
        <p className="allergens">
          <strong>Contains:</strong> {item.allergens.map(readableFlag).join(', ')}
        </p>
      ) : (
        <p className="muted">No declared allergens.</p>
      )}
      {offReason ? (
        <p className="notice notice--warn" role="alert">
          {item.name}: {offReason.toLowerCase()}. The kitchen has just taken it off.
        </p>
      ) : null}
      {item.optionGroups.map((group) => (
        <GroupField
          key={group.id}
          group={group}
          optionIds={optionIds}
          currency={currency}
          problem={tried ? (problems.get(group.id) ?? null) : null}
          onToggle={(optionId) => toggle(group, optionId)}
        />
      ))}
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <label className="field">
        <span>Note for the kitchen (optional)</span>
        <textarea
          value={notes}
          maxLength={MAX_NOTE_LENGTH}
          rows={2}
          placeholder="e.g. no onions, sauce on the side"
          onChange={(event) => setNotes(event.target.value)}
        />
      </label>
    </Sheet>
  );
}
