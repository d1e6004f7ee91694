/** The 14 allergens and the dietary flags, as checkboxes in two groups. */
import { ALLERGENS, DIETARY_FLAGS, type Allergen, type DietaryFlag } from '@ticketrail/shared';
import type { DishDraft, FieldErrors } from './dish-draft';
import { FieldError, errorId } from './field-errors';
import { ALLERGEN_LABELS, DIETARY_LABELS } from './vocabulary';

function Checkboxes<T extends string>({
  legend,
  values,
  labels,
  chosen,
  path,
  errors,
  onChange,
}: {
  legend: string;
  values: readonly T[];
  labels: Record<T, string>;
  chosen: readonly T[];
  path: string;
  errors: FieldErrors;
  onChange: (chosen: T[]) => void;
}) {
  return (
    <fieldset className="menu-editor__flags" aria-describedby={errorId(path)}>
      <legend>{legend}</legend>
      <div className="menu-editor__flag-grid">
        {values.map((value) => (
          <label key={value} className="menu-editor__check">
            <input
              type="checkbox"
              checked={chosen.includes(value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? values.filter((one) => one === value || chosen.includes(one))
                    : chosen.filter((one) => one !== value),
                )
              }
            />
            {labels[value]}
          </label>
        ))}
      </div>
      <FieldError errors={errors} path={path} />
    </fieldset>
  );
}

export function FlagFields({
  draft,
  errors,
  onChange,
}: {
  draft: DishDraft;
  errors: FieldErrors;
  onChange: (change: Partial<DishDraft>) => void;
}) {
  return (
    <>
      <Checkboxes<Allergen>
        legend="Allergens it contains"
        values={ALLERGENS}
        labels={ALLERGEN_LABELS}
        chosen={draft.allergens}
        path="allergens"
        errors={errors}
        onChange={(allergens) => onChange({ allergens })}
      />
      <Checkboxes<DietaryFlag>
        legend="Dietary"
        values={DIETARY_FLAGS}
        labels={DIETARY_LABELS}
        chosen={draft.dietary}
        path="dietary"
        errors={errors}
        onChange={(dietary) => onChange({ dietary })}
      />
    </>
  );
}
