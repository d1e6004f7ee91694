/**
 * The dish's own fields: name, category, description, price (typed as money
 * in the location's currency), station, stock (empty: not counted), and
 * whether guests can order it (available) or see it at all (hidden).
 */
import { STATIONS, type Station } from '@ticketrail/shared';
import type { ReactNode } from 'react';
import type { DishDraft, FieldErrors } from './dish-draft';
import { FieldError, invalidProps } from './field-errors';
import { STATION_LABELS } from './vocabulary';

/** The props a field's control takes: its id, and the ties to its message (and hint). */
type ControlProps = { id: string } & ReturnType<typeof invalidProps>;

/** One labelled field with its message under it (and a hint above that, if any). */
function DishField({
  id,
  label,
  path,
  errors,
  wide = false,
  hint,
  children,
}: {
  id: string;
  label: ReactNode;
  /** Where its message is found in `errors` (the server's name for it). */
  path: string;
  errors: FieldErrors;
  wide?: boolean;
  hint?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const invalid = invalidProps(errors, path);
  const hintId = `${id}-hint`;
  return (
    <div className={`menu-editor__field${wide ? ' menu-editor__field--wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...invalid,
        ...(hint ? { 'aria-describedby': `${hintId} ${invalid['aria-describedby']}` } : {}),
      })}
      {hint ? (
        <p id={hintId} className="menu-editor__hint">
          {hint}
        </p>
      ) : null}
      <FieldError errors={errors} path={path} />
    </div>
  );
}

export function DishFields({
  draft,
  errors,
  currency,
  categories,
  onChange,
}: {
  draft: DishDraft;
  errors: FieldErrors;
  currency: string;
  categories: readonly { id: number; path: string }[];
  onChange: (change: Partial<DishDraft>) => void;
}) {
  return (
    <div className="menu-editor__fields">
      <DishField id="dish-name" label="Name" path="name" errors={errors} wide>
        {(control) => (
          <input
            {...control}
            value={draft.name}
            autoComplete="off"
            onChange={(event) => onChange({ name: event.target.value })}
          />
        )}
      </DishField>
      <DishField id="dish-description" label="Description" path="description" errors={errors} wide>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={draft.description}
            onChange={(event) => onChange({ description: event.target.value })}
          />
        )}
      </DishField>
      <DishField id="dish-price" label={`Price (${currency})`} path="priceCents" errors={errors}>
        {(control) => (
          <input
            {...control}
            value={draft.price}
            inputMode="decimal"
            autoComplete="off"
            placeholder="12.50"
            onChange={(event) => onChange({ price: event.target.value })}
          />
        )}
      </DishField>
      <DishField id="dish-category" label="Category" path="categoryId" errors={errors}>
        {(control) => (
          <select
            {...control}
            value={draft.categoryId}
            onChange={(event) => onChange({ categoryId: Number(event.target.value) })}
          >
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.path}
              </option>
            ))}
          </select>
        )}
      </DishField>
      <DishField id="dish-station" label="Station" path="station" errors={errors}>
        {(control) => (
          <select
            {...control}
            value={draft.station}
            onChange={(event) => onChange({ station: event.target.value as Station })}
          >
            {STATIONS.map((station) => (
              <option key={station} value={station}>
                {STATION_LABELS[station]}
              </option>
            ))}
          </select>
        )}
      </DishField>
      <DishField
        id="dish-stock"
        label="Stock count"
        path="stock"
        errors={errors}
        hint="Empty: not counted. 0: sold out."
      >
        {(control) => (
          <input
            {...control}
            value={draft.stock}
            inputMode="numeric"
            autoComplete="off"
            placeholder="Not counted"
            onChange={(event) => onChange({ stock: event.target.value })}
          />
        )}
      </DishField>
      <div className="menu-editor__checks menu-editor__field--wide">
        <label className="menu-editor__check">
          <input
            type="checkbox"
            checked={draft.available}
            onChange={(event) => onChange({ available: event.target.checked })}
          />
          Available (off: 86’d, shown to guests as unavailable)
        </label>
        <label className="menu-editor__check">
          <input
            type="checkbox"
            checked={draft.hidden}
            onChange={(event) => onChange({ hidden: event.target.checked })}
          />
          Hidden (not on the guest menu at all)
        </label>
      </div>
    </div>
  );
}
