/**
 * Cart pricing and option rules, pure. The server prices every order with this
 * from its own menu rows (a client never sends a price); the guest client uses
 * the same rules to explain a choice before it is sent.
 */
import type { Allergen, Station } from './domain';
import { MAX_ORDER_TOTAL_CENTS, multiplyCents, sumCents } from './money';

export interface PricingOption {
  id: number;
  name: string;
  priceDeltaCents: number;
  available: boolean;
}

export interface PricingGroup {
  id: number;
  name: string;
  required: boolean;
  minSelect: number;
  maxSelect: number;
  options: readonly PricingOption[];
}

export interface PricingItem {
  id: number;
  name: string;
  priceCents: number;
  available: boolean;
  /** Portions left; null when the item is not counted. */
  stock: number | null;
  station: Station;
  allergens: readonly Allergen[];
  optionGroups: readonly PricingGroup[];
}

export interface CartLine {
  itemId: number;
  quantity: number;
  optionIds: readonly number[];
  notes?: string | undefined;
}

export interface PricedOption {
  optionId: number;
  group: string;
  name: string;
  priceDeltaCents: number;
}

export interface PricedLine {
  itemId: number;
  name: string;
  station: Station;
  allergens: Allergen[];
  quantity: number;
  /** Base price plus every chosen option's delta, for one portion. */
  unitPriceCents: number;
  options: PricedOption[];
  notes: string | null;
  lineTotalCents: number;
}

export type CartProblemKind =
  'unknown_item' | 'unavailable' | 'sold_out' | 'invalid_options' | 'too_large';

export interface CartProblem {
  kind: CartProblemKind;
  /** Index of the cart line at fault, when one line is. */
  line: number | null;
  itemId: number | null;
  message: string;
}

export type PricingResult =
  | { ok: true; lines: PricedLine[]; subtotalCents: number; totalCents: number }
  | { ok: false; problems: CartProblem[] };

/** The smallest number of choices a group needs: required means at least one. */
export function minimumChoices(group: PricingGroup): number {
  return group.required ? Math.max(1, group.minSelect) : group.minSelect;
}

/** Every reason the chosen options do not fit the item, in words for the guest. */
export function checkOptions(item: PricingItem, optionIds: readonly number[]): string[] {
  const problems: string[] = [];
  const groupOf = new Map<number, PricingGroup>();
  for (const group of item.optionGroups) {
    for (const option of group.options) groupOf.set(option.id, group);
  }

  const seen = new Set<number>();
  const chosenPerGroup = new Map<number, number>();
  for (const optionId of optionIds) {
    const group = groupOf.get(optionId);
    if (!group) {
      problems.push(`Option ${optionId} is not a choice for ${item.name}.`);
      continue;
    }
    const option = group.options.find((candidate) => candidate.id === optionId);
    if (seen.has(optionId)) {
      problems.push(`${option?.name ?? 'An option'} is chosen twice for ${item.name}.`);
      continue;
    }
    seen.add(optionId);
    if (option && !option.available) {
      problems.push(`${option.name} is not available for ${item.name} right now.`);
    }
    chosenPerGroup.set(group.id, (chosenPerGroup.get(group.id) ?? 0) + 1);
  }

  for (const group of item.optionGroups) {
    const chosen = chosenPerGroup.get(group.id) ?? 0;
    const min = minimumChoices(group);
    if (chosen < min) {
      problems.push(
        min === 1
          ? `Choose a ${group.name.toLowerCase()} for ${item.name}.`
          : `Choose at least ${min} ${group.name.toLowerCase()} for ${item.name}.`,
      );
    } else if (chosen > group.maxSelect) {
      problems.push(
        `Choose at most ${group.maxSelect} ${group.name.toLowerCase()} for ${item.name}.`,
      );
    }
  }
  return problems;
}

/** Prices a cart against the menu, or lists every problem with it. */
export function priceCart(
  menu: ReadonlyMap<number, PricingItem>,
  cart: readonly CartLine[],
): PricingResult {
  const problems: CartProblem[] = [];
  const lines: PricedLine[] = [];
  const wantedPerItem = new Map<number, number>();

  cart.forEach((line, index) => {
    const item = menu.get(line.itemId);
    if (!item) {
      problems.push({
        kind: 'unknown_item',
        line: index,
        itemId: line.itemId,
        message: `Item ${line.itemId} is not on this menu.`,
      });
      return;
    }
    if (!item.available) {
      problems.push({
        kind: 'unavailable',
        line: index,
        itemId: item.id,
        message: `${item.name} is not available right now.`,
      });
      return;
    }
    const optionProblems = checkOptions(item, line.optionIds);
    for (const message of optionProblems) {
      problems.push({ kind: 'invalid_options', line: index, itemId: item.id, message });
    }
    if (optionProblems.length > 0) return;

    wantedPerItem.set(item.id, (wantedPerItem.get(item.id) ?? 0) + line.quantity);
    const options = line.optionIds.map((optionId) => pricedOption(item, optionId));
    const unitPriceCents = sumCents([item.priceCents, ...options.map((o) => o.priceDeltaCents)]);
    lines.push({
      itemId: item.id,
      name: item.name,
      station: item.station,
      allergens: [...item.allergens],
      quantity: line.quantity,
      unitPriceCents,
      options,
      notes: line.notes?.trim() ? line.notes.trim() : null,
      lineTotalCents: multiplyCents(unitPriceCents, line.quantity),
    });
  });

  for (const [itemId, wanted] of wantedPerItem) {
    const item = menu.get(itemId);
    if (item?.stock == null || wanted <= item.stock) continue;
    problems.push({
      kind: 'sold_out',
      line: null,
      itemId,
      message:
        item.stock === 0
          ? `${item.name} is sold out.`
          : `Only ${item.stock} ${item.name} left; the cart has ${wanted}.`,
    });
  }

  if (problems.length > 0) return { ok: false, problems };

  const subtotalCents = sumCents(lines.map((line) => line.lineTotalCents));
  if (subtotalCents > MAX_ORDER_TOTAL_CENTS) {
    return {
      ok: false,
      problems: [
        {
          kind: 'too_large',
          line: null,
          itemId: null,
          message: 'This order is too large to take online; please call the restaurant.',
        },
      ],
    };
  }
  return { ok: true, lines, subtotalCents, totalCents: subtotalCents };
}

function pricedOption(item: PricingItem, optionId: number): PricedOption {
  for (const group of item.optionGroups) {
    const option = group.options.find((candidate) => candidate.id === optionId);
    if (option) {
      return {
        optionId,
        group: group.name,
        name: option.name,
        priceDeltaCents: option.priceDeltaCents,
      };
    }
  }
  // checkOptions ran first, so every id belongs to a group.
  throw new Error(`Option ${optionId} vanished from ${item.name} while pricing`);
}
