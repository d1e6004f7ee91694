/**
 * A save that met someone else's newer save (CONFLICT): the fields where the
 * manager's version and the saved one differ, each written out as a person
 * reads it, for the side-by-side view. Fields that agree are left out.
 */
import { formatMoney } from '@ticketrail/shared';
import type { DishDraft, GroupDraft } from './dish-draft';
import { parseMoneyInput } from './money-input';
import { ALLERGEN_LABELS, DIETARY_LABELS, STATION_LABELS } from './vocabulary';

export interface FieldDifference {
  field: string;
  label: string;
  mine: string;
  theirs: string;
}

interface Context {
  currency: string;
  /** "Drinks › Soft drinks" for a category id. */
  categoryName: (id: number) => string;
}

const money = (text: string, currency: string) => {
  const parsed = parseMoneyInput(text, currency);
  return parsed.ok ? formatMoney(parsed.cents, currency, 'en-IE') : text;
};

const list = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.length === 0
    ? 'None'
    : [...values]
        .sort()
        .map((value) => labels[value])
        .join(', ');

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function groupText(group: GroupDraft, currency: string): string {
  const rule = `${group.required ? 'required' : 'optional'}, ${group.minSelect}–${group.maxSelect}`;
  const options = group.options
    .map(
      (option) =>
        `${option.name} ${money(option.price, currency)}${option.available ? '' : ' (off)'}`,
    )
    .join(', ');
  return `${group.name} (${rule}): ${options}`;
}

const FIELDS: {
  field: string;
  label: string;
  text: (draft: DishDraft, context: Context) => string;
}[] = [
  { field: 'name', label: 'Name', text: (draft) => draft.name.trim() },
  { field: 'categoryId', label: 'Category', text: (draft, c) => c.categoryName(draft.categoryId) },
  { field: 'description', label: 'Description', text: (draft) => draft.description.trim() || '—' },
  { field: 'priceCents', label: 'Price', text: (draft, c) => money(draft.price, c.currency) },
  { field: 'station', label: 'Station', text: (draft) => STATION_LABELS[draft.station] },
  {
    field: 'allergens',
    label: 'Allergens',
    text: (draft) => list(draft.allergens, ALLERGEN_LABELS),
  },
  { field: 'dietary', label: 'Dietary', text: (draft) => list(draft.dietary, DIETARY_LABELS) },
  {
    field: 'stock',
    label: 'Stock',
    text: (draft) => (draft.stock.trim() === '' ? 'Not counted' : draft.stock.trim()),
  },
  { field: 'available', label: 'Available', text: (draft) => yesNo(draft.available) },
  { field: 'hidden', label: 'Hidden from guests', text: (draft) => yesNo(draft.hidden) },
  {
    field: 'optionGroups',
    label: 'Choices',
    text: (draft, c) =>
      draft.optionGroups.map((group) => groupText(group, c.currency)).join('; ') || 'None',
  },
];

export function differences(mine: DishDraft, theirs: DishDraft, context: Context) {
  const found: FieldDifference[] = [];
  for (const { field, label, text } of FIELDS) {
    const a = text(mine, context);
    const b = text(theirs, context);
    if (a !== b) found.push({ field, label, mine: a, theirs: b });
  }
  return found;
}
