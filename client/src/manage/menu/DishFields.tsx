/**
 * The dish's own fields: name, category, description, price (typed as money
 * in the location's currency), station, stock (empty: not counted), and
 * whether guests can order it (available) or see it at all (hidden).
 */
import { STATIONS, type Station } from '@ticketrail/shared';
import type { DishDraft, FieldErrors } from './dish-draft';
import { FieldError, invalidProps } from './field-errors';
import { STATION_LABELS } from './vocabulary';

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
      <div className="menu-editor__field menu-editor__field--wide">
        <label htmlFor="dish-name">Name</label>
        <input
          id="dish-name"
          value={draft.name}
          autoComplete="off"
          {...invalidProps(errors, 'name')}
          onChange={(event) => onChange({ name: event.target.value })}
        />
        <FieldError errors={errors} path="name" />
      </div>
      <div className="menu-editor__field menu-editor__field--wide">
        <label htmlFor="dish-description">Description</label>
        <textarea
          id="dish-description"
          rows={3}
          value={draft.description}
          {...invalidProps(errors, 'description')}
          onChange={(event) => onChange({ description: event.target.value })}
        />
        <FieldError errors={errors} path="description" />
      </div>
      <div className="menu-editor__field">
        <label htmlFor="dish-price">Price ({currency})</label>
        <input
          id="dish-price"
          value={draft.price}
          inputMode="decimal"
          autoComplete="off"
          placeholder="12.50"
          {...invalidProps(errors, 'priceCents')}
          onChange={(event) => onChange({ price: event.target.value })}
        />
        <FieldError errors={errors} path="priceCents" />
      </div>
      <div className="menu-editor__field">
        <label htmlFor="dish-category">Category</label>
        <select
          id="dish-category"
          value={draft.categoryId}
          {...invalidProps(errors, 'categoryId')}
          onChange={(event) => onChange({ categoryId: Number(event.target.value) })}
        >
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.path}
            </option>
          ))}
        </select>
        <FieldError errors={errors} path="categoryId" />
      </div>
      <div className="menu-editor__field">
        <label htmlFor="dish-station">Station</label>
        <select
          id="dish-station"
          value={draft.station}
          {...invalidProps(errors, 'station')}
          onChange={(event) => onChange({ station: event.target.value as Station })}
        >
          {STATIONS.map((station) => (
            <option key={station} value={station}>
              {STATION_LABELS[station]}
            </option>
          ))}
        </select>
        <FieldError errors={errors} path="station" />
      </div>
      <div className="menu-editor__field">
        <label htmlFor="dish-stock">Stock count</label>
        <input
          id="dish-stock"
          value={draft.stock}
          inputMode="numeric"
          autoComplete="off"
          placeholder="Not counted"
          {...invalidProps(errors, 'stock')}
          aria-describedby={`dish-stock-hint ${invalidProps(errors, 'stock')['aria-describedby']}`}
          onChange={(event) => onChange({ stock: event.target.value })}
        />
        <p id="dish-stock-hint" className="menu-editor__hint">
          Empty: not counted. 0: sold out.
        </p>
        <FieldError errors={errors} path="stock" />
      </div>
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
