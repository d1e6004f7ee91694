/**
 * The dish form's state and its way to the server. The form holds what the
 * manager typed (a price as "12.50", stock as "" for not counted); saving
 * turns that into `itemFieldsSchema`'s fields (integer cents, null stock) and
 * validates them with the same schema the server parses with, so every rule
 * is shown beside its field before anything is sent. Errors are keyed by the
 * server's own path format (`optionGroups[0].options[1].name`), so a message
 * the server sends back lands beside the same field.
 */
import {
  itemFieldsSchema,
  type Allergen,
  type DietaryFlag,
  type ItemFields,
  type ItemFieldsInput,
  type Station,
} from '@ticketrail/shared';
import type { AdminItem } from './admin-menu';
import { centsToInput, parseMoneyInput } from './money-input';

export interface OptionDraft {
  /** A stable key for React and reordering; an existing option also has its id. */
  key: string;
  id?: number;
  name: string;
  price: string;
  available: boolean;
}

export interface GroupDraft {
  key: string;
  id?: number;
  name: string;
  required: boolean;
  minSelect: string;
  maxSelect: string;
  options: OptionDraft[];
}

export interface DishDraft {
  categoryId: number;
  name: string;
  description: string;
  price: string;
  station: Station;
  allergens: Allergen[];
  dietary: DietaryFlag[];
  /** "" is not counted. */
  stock: string;
  available: boolean;
  hidden: boolean;
  optionGroups: GroupDraft[];
}

/** Field path → the first message for it, e.g. `{ "optionGroups[0].name": "A choice needs a name." }`. */
export type FieldErrors = Record<string, string>;

let nextKey = 0;
export const newKey = (prefix: string) => `${prefix}-new-${++nextKey}`;

export function emptyDraft(categoryId: number): DishDraft {
  return {
    categoryId,
    name: '',
    description: '',
    price: '',
    station: 'hot',
    allergens: [],
    dietary: [],
    stock: '',
    available: true,
    hidden: false,
    optionGroups: [],
  };
}

export function draftFromItem(item: AdminItem, currency: string): DishDraft {
  return {
    categoryId: item.categoryId,
    name: item.name,
    description: item.description,
    price: centsToInput(item.priceCents, currency),
    station: item.station,
    allergens: [...item.allergens],
    dietary: [...item.dietary],
    stock: item.stock === null ? '' : String(item.stock),
    available: item.available,
    hidden: item.hidden,
    optionGroups: item.optionGroups.map((group) => ({
      key: `group-${group.id}`,
      id: group.id,
      name: group.name,
      required: group.required,
      minSelect: String(group.minSelect),
      maxSelect: String(group.maxSelect),
      options: group.options.map((option) => ({
        key: `option-${option.id}`,
        id: option.id,
        name: option.name,
        price: centsToInput(option.priceDeltaCents, currency),
        available: option.available,
      })),
    })),
  };
}

export function newGroup(currency: string): GroupDraft {
  return {
    key: newKey('group'),
    name: '',
    required: false,
    minSelect: '0',
    maxSelect: '1',
    options: [newOption(currency)],
  };
}

export function newOption(currency: string): OptionDraft {
  return { key: newKey('option'), name: '', price: centsToInput(0, currency), available: true };
}

/** `["optionGroups", 0, "name"]` → `optionGroups[0].name`, as the server writes it. */
export function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

/** A count field's text as a number; NaN (which the schema refuses in words) when not one. */
const count = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export type Checked = { ok: true; fields: ItemFields } | { ok: false; errors: FieldErrors };

/** The draft as the server's fields, or every problem by field. */
export function checkDraft(draft: DishDraft, currency: string): Checked {
  const errors: FieldErrors = {};
  const money = (text: string, path: string) => {
    const parsed = parseMoneyInput(text, currency);
    if (parsed.ok) return parsed.cents;
    errors[path] = parsed.message;
    return 0;
  };
  const fields: ItemFieldsInput = {
    categoryId: draft.categoryId,
    name: draft.name,
    description: draft.description,
    priceCents: money(draft.price, 'priceCents'),
    station: draft.station,
    allergens: draft.allergens,
    dietary: draft.dietary,
    stock: draft.stock.trim() === '' ? null : Number(draft.stock),
    available: draft.available,
    hidden: draft.hidden,
    optionGroups: draft.optionGroups.map((group, groupAt) => ({
      ...(group.id === undefined ? {} : { id: group.id }),
      name: group.name,
      required: group.required,
      minSelect: count(group.minSelect),
      maxSelect: count(group.maxSelect),
      options: group.options.map((option, optionAt) => ({
        ...(option.id === undefined ? {} : { id: option.id }),
        name: option.name,
        priceDeltaCents: money(
          option.price,
          `optionGroups[${groupAt}].options[${optionAt}].priceDeltaCents`,
        ),
        available: option.available,
      })),
    })),
  };
  const parsed = itemFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = pathText(issue.path);
      errors[path] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, fields: parsed.data };
}

/** Whether two drafts would save the same dish (keys aside: they only order the form). */
export function sameDraft(a: DishDraft, b: DishDraft): boolean {
  return JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
}

function comparable(draft: DishDraft) {
  return {
    ...draft,
    allergens: [...draft.allergens].sort(),
    dietary: [...draft.dietary].sort(),
    optionGroups: draft.optionGroups.map(({ key: _group, options, ...group }) => ({
      ...group,
      options: options.map(({ key: _option, ...option }) => option),
    })),
  };
}
