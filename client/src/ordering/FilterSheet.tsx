/**
 * Choosing the dietary filter. The allergen list is the restaurant's own
 * declaration, so the sheet says plainly that a severe allergy is for the
 * staff to hear about too.
 */
import { ALLERGENS } from '@ticketrail/shared';
import { Sheet } from '../components/Sheet';
import { readableFlag } from './menu-model';
import { FILTER_FLAGS, NO_FILTER, isFiltering, toggled, type MenuFilter } from './menu-filter';

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
      <fieldset className="option-group">
        <legend>Show only dishes that are</legend>
        {FILTER_FLAGS.map((flag) => (
          <label key={flag} className="option">
            <input
              type="checkbox"
              checked={filter.only.includes(flag)}
              onChange={() => onChange({ ...filter, only: toggled(filter.only, flag) })}
            />
            <span className="option__name">{readableFlag(flag)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="option-group">
        <legend>Hide dishes that contain</legend>
        <div className="filter-allergens">
          {ALLERGENS.map((allergen) => (
            <label key={allergen} className="option">
              <input
                type="checkbox"
                checked={filter.avoid.includes(allergen)}
                onChange={() => onChange({ ...filter, avoid: toggled(filter.avoid, allergen) })}
              />
              <span className="option__name">{readableFlag(allergen)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="notice">
        Allergens are as the restaurant declares them for each dish. If an allergy is severe, please
        tell a member of staff too: kitchens share equipment.
      </p>
    </Sheet>
  );
}
