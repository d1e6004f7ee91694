/**
 * Choosing the dietary filter. The allergen list is the restaurant's own
 * declaration, so the sheet says plainly that a severe allergy is for the
 * staff to hear about too.
 */
import { ALLERGENS } from '@ticketrail/shared';
import { Sheet } from '../components/Sheet';
import { readableFlag } from './menu-model';
import { FILTER_FLAGS, NO_FILTER, isFiltering, toggled, type MenuFilter } from './menu-filter';

/** One group of the filter: a checkbox per value, labelled as a person reads it. */
function Checkboxes<Value extends string>({
  legend,
  values,
  chosen,
  onToggle,
  columns = false,
}: {
  legend: string;
  values: readonly Value[];
  chosen: readonly Value[];
  onToggle: (value: Value) => void;
  /** Two columns: a long list of short words. */
  columns?: boolean;
}) {
  const boxes = values.map((value) => (
    <label key={value} className="option">
      <input type="checkbox" checked={chosen.includes(value)} onChange={() => onToggle(value)} />
      <span className="option__name">{readableFlag(value)}</span>
    </label>
  ));
  return (
    <fieldset className="option-group">
      <legend>{legend}</legend>
      {columns ? <div className="filter-allergens">{boxes}</div> : boxes}
    </fieldset>
  );
}

export function FilterSheet({
  filter,
  hidden,
  onChange,
  onClose,
}: {
  filter: MenuFilter;
  /** Dishes the current filter hides. */
  hidden: number;
  onChange: (filter: MenuFilter) => void;
  onClose: () => void;
}) {
  return (
    <Sheet
      title="Dietary needs"
      onClose={onClose}
      footer={
        <div className="filter-actions">
          <button
            type="button"
            className="button button--quiet"
            disabled={!isFiltering(filter)}
            onClick={() => onChange(NO_FILTER)}
          >
            Clear
          </button>
          <button type="button" className="button button--wide" onClick={onClose}>
            {hidden === 0 ? 'Done' : `Done · ${hidden} hidden`}
          </button>
        </div>
      }
    >
      <Checkboxes
        legend="Show only dishes that are"
        values={FILTER_FLAGS}
        chosen={filter.only}
        onToggle={(flag) => onChange({ ...filter, only: toggled(filter.only, flag) })}
      />
      <Checkboxes
        legend="Hide dishes that contain"
        values={ALLERGENS}
        chosen={filter.avoid}
        onToggle={(allergen) => onChange({ ...filter, avoid: toggled(filter.avoid, allergen) })}
        columns
      />
      <p className="notice">
        Allergens are as the restaurant declares them for each dish. If an allergy is severe, please
        tell a member of staff too: kitchens share equipment.
      </p>
    </Sheet>
  );
}
