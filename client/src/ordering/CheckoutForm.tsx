/**
 * The guest's details and how they get the food. Dine-in is offered only
 * from a table's QR link, because the table is proven by its secret.
 */
import { useState, type FormEvent } from 'react';
import { MAX_NOTE_LENGTH, ORDER_TYPES, type OrderType } from '@ticketrail/shared';
import {
  checkDetails,
  recheckErrors,
  rememberedGuest,
  rememberGuest,
  type CheckoutDetails,
  type DetailField,
  type FulfilmentType,
} from './checkout-form';
import type { PlaceRequest } from './usePlaceOrder';
import type { Refusal } from './refusals';

export interface TableChoice {
  secret: string;
  label: string;
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

export function CheckoutForm({
  table,
  blockedReason,
  waiting,
  placing,
  refusal,
  orderTypes = ORDER_TYPES,
  onPlace,
}: {
  table: TableChoice | null;
  /** What the restaurant offers now (its settings, live); the others are not shown. */
  orderTypes?: readonly OrderType[];
  /** Why the order cannot be placed as the cart stands; null when it can. */
  blockedReason: string | null;
  /**
   * The button waits without a message of its own: for the total (the totals
   * say so), or out a "too many" (the refusal says so).
   */
  waiting: boolean;
  placing: boolean;
  refusal: Refusal | null;
  onPlace: (details: Omit<PlaceRequest, 'locationSlug' | 'items'>) => void;
}) {
  const [details, setDetails] = useState<CheckoutDetails>(() => ({
    ...rememberedGuest(window.localStorage),
    fulfilment: table ? 'dine_in' : 'pickup',
    address: '',
    notes: '',
  }));
  const [errors, setErrors] = useState<Partial<Record<DetailField, string>>>({});
  const set = (change: Partial<CheckoutDetails>) => {
    const next = { ...details, ...change };
    setDetails(next);
    // A message goes as soon as its field is right (issue 13).
    setErrors((shown) => recheckErrors(shown, next, table?.secret ?? null));
  };

  const everyChoice: { type: FulfilmentType; label: string; hint: string }[] = [
    ...(table
      ? [
          {
            type: 'dine_in' as const,
            label: `Dine in · ${table.label}`,
            hint: 'We bring it to your table.',
          },
        ]
      : []),
    {
      type: 'pickup',
      label: 'Pickup',
      hint: 'Collect it at the counter when your number is called.',
    },
    { type: 'delivery', label: 'Delivery', hint: 'We bring it to your door.' },
  ];
  const choices = everyChoice.filter((choice) => orderTypes.includes(choice.type));
  // A choice switched off while the form is open moves to the first one still offered.
  const fulfilment = choices.some((choice) => choice.type === details.fulfilment)
    ? details.fulfilment
    : (choices[0]?.type ?? details.fulfilment);
  const blocked =
    blockedReason ??
    (choices.length === 0
      ? 'Orders here are for dine-in only just now: scan the code on your table to order.'
      : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (blocked || waiting || placing) return;
    const checked = checkDetails({ ...details, fulfilment }, table?.secret ?? null);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    rememberGuest(window.localStorage, details);
    onPlace({
      guest: checked.guest,
      fulfilment: checked.fulfilment,
      ...(checked.notes ? { notes: checked.notes } : {}),
    });
  };

  return (
    <form className="checkout" onSubmit={submit} noValidate aria-labelledby="checkout-heading">
      <h3 id="checkout-heading">Your details</h3>
      <label className="field">
        <span>Name for the order</span>
        <input
          value={details.name}
          autoComplete="name"
          maxLength={60}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? 'checkout-name-error' : undefined}
          onChange={(event) => set({ name: event.target.value })}
        />
        <FieldError id="checkout-name-error" message={errors.name} />
      </label>
      <label className="field">
        <span>
          Phone <span className="muted">(optional, in case the kitchen needs to reach you)</span>
        </span>
        <input
          value={details.phone}
          type="tel"
          autoComplete="tel"
          maxLength={20}
          aria-invalid={errors.phone ? true : undefined}
          aria-describedby={errors.phone ? 'checkout-phone-error' : undefined}
          onChange={(event) => set({ phone: event.target.value })}
        />
        <FieldError id="checkout-phone-error" message={errors.phone} />
      </label>
      <fieldset className="fulfilment">
        <legend>How would you like it?</legend>
        {choices.map((choice) => (
          <label key={choice.type} className="fulfilment__choice">
            <input
              type="radio"
              name="fulfilment"
              checked={fulfilment === choice.type}
              onChange={() => set({ fulfilment: choice.type })}
            />
            <span>
              <strong>{choice.label}</strong>
              <span className="muted"> {choice.hint}</span>
            </span>
          </label>
        ))}
        {!table && orderTypes.includes('dine_in') ? (
          <p className="muted fulfilment__hint">
            Eating in? Scan the code on your table to order to it.
          </p>
        ) : null}
      </fieldset>
      {fulfilment === 'delivery' ? (
        <label className="field">
          <span>Delivery address</span>
          <textarea
            value={details.address}
            autoComplete="street-address"
            rows={3}
            maxLength={300}
            aria-invalid={errors.address ? true : undefined}
            aria-describedby={errors.address ? 'checkout-address-error' : undefined}
            onChange={(event) => set({ address: event.target.value })}
          />
          <FieldError id="checkout-address-error" message={errors.address} />
        </label>
      ) : null}
      <label className="field">
        <span>
          Anything else? <span className="muted">(optional)</span>
        </span>
        <textarea
          value={details.notes}
          rows={2}
          maxLength={MAX_NOTE_LENGTH}
          placeholder="e.g. it's a birthday, or we're in a hurry"
          onChange={(event) => set({ notes: event.target.value })}
        />
      </label>
      {refusal ? (
        <div className="notice notice--error" role="alert">
          <p>{refusal.message}</p>
        </div>
      ) : null}
      {blocked ? (
        <p className="notice notice--warn" role="status">
          {blocked}
        </p>
      ) : null}
      <button
        type="submit"
        className="button button--wide button--big"
        disabled={blocked !== null || waiting || placing}
        aria-busy={placing}
      >
        {placing ? 'Placing your order…' : 'Place order'}
      </button>
    </form>
  );
}
