/**
 * The guest's cart, pure. A line is what the guest asked for (item, options,
 * quantity, note), never a price: prices come from the server's quote. The
 * same item with the same options and note adds up on one line.
 */
import { MAX_CART_LINES, MAX_LINE_QUANTITY, type CartLineInput } from '@ticketrail/shared';
import { choiceProblems } from './option-choice';
import { unavailableReason, type MenuItem } from './menu-model';

export interface CartLine {
  /** Identifies the line: item, options and note. */
  key: string;
  itemId: number;
  /** The item's name when it was added: shown if the item leaves the menu. */
  name: string;
  quantity: number;
  optionIds: number[];
  notes: string;
}

export type Cart = readonly CartLine[];

export function lineKey(itemId: number, optionIds: readonly number[], notes: string): string {
  const options = [...optionIds].sort((a, b) => a - b).join(',');
  return `${itemId}|${options}|${notes.trim()}`;
}

export interface AddResult {
  cart: CartLine[];
  /** Why nothing (or less) was added, in the guest's words. */
  refused: string | null;
}

/** The cart with `line` added: merged into an identical line, or appended. */
export function addToCart(cart: Cart, line: Omit<CartLine, 'key'>): AddResult {
  const notes = line.notes.trim();
  const key = lineKey(line.itemId, line.optionIds, notes);
  const existing = cart.find((candidate) => candidate.key === key);
  if (existing) {
    const quantity = Math.min(MAX_LINE_QUANTITY, existing.quantity + line.quantity);
    return {
      cart: cart.map((candidate) =>
        candidate.key === key ? { ...candidate, quantity } : candidate,
      ),
      refused:
        quantity < existing.quantity + line.quantity
          ? `At most ${MAX_LINE_QUANTITY} of one item per line.`
          : null,
    };
  }
  if (cart.length >= MAX_CART_LINES) {
    return {
      cart: [...cart],
      refused: `An order holds at most ${MAX_CART_LINES} different lines.`,
    };
  }
  const quantity = Math.max(1, Math.min(MAX_LINE_QUANTITY, Math.trunc(line.quantity)));
  return { cart: [...cart, { ...line, notes, quantity, key }], refused: null };
}

/** The cart with a line's quantity set; zero or less removes the line. */
export function setQuantity(cart: Cart, key: string, quantity: number): CartLine[] {
  if (quantity <= 0) return removeLine(cart, key);
  const clamped = Math.min(MAX_LINE_QUANTITY, Math.trunc(quantity));
  return cart.map((line) => (line.key === key ? { ...line, quantity: clamped } : line));
}

export function removeLine(cart: Cart, key: string): CartLine[] {
  return cart.filter((line) => line.key !== key);
}

export const itemCount = (cart: Cart): number => cart.reduce((sum, line) => sum + line.quantity, 0);

/** The lines as `orders.quote` and `orders.place` take them. */
export function toCartInput(cart: Cart): CartLineInput[] {
  return cart.map((line) => ({
    itemId: line.itemId,
    quantity: line.quantity,
    optionIds: line.optionIds,
    ...(line.notes ? { notes: line.notes } : {}),
  }));
}

/**
 * What is wrong with each line against the live menu, by line key: an item
 * 86'd or sold out while it sat in the cart, gone from the menu, or whose
 * chosen options changed. A line without a problem is not in the map.
 */
export function cartIssues(cart: Cart, items: ReadonlyMap<number, MenuItem>): Map<string, string> {
  const issues = new Map<string, string>();
  for (const line of cart) {
    const item = items.get(line.itemId);
    if (!item) {
      issues.set(line.key, `${line.name} is no longer on the menu. Remove it to order.`);
      continue;
    }
    const reason = unavailableReason(item);
    if (reason) {
      issues.set(line.key, `${reason}. Remove it to order.`);
      continue;
    }
    const [problem] = choiceProblems(item, line.optionIds).values();
    if (problem) issues.set(line.key, `${problem} Remove it and add it again.`);
  }
  return issues;
}
