/**
 * The cart survives a reload or a phone locking: it is kept per location in
 * localStorage. What comes back is checked line by line, so a stale or
 * hand-edited entry drops out instead of breaking the page.
 *
 * Checked by hand, not with zod: this runs in the menu's first render, and
 * zod would be most of the guest's up-front JavaScript (issue 13). The server
 * parses the order with the shared schemas in any case.
 */
import { useCallback, useEffect, useState } from 'react';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '@ticketrail/shared';
import { lineKey, type CartLine } from './cart';

/** A Postgres `integer` id, as the shared idSchema takes it. */
const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 2_147_483_647;

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 200;

/** The entry as a cart line without its key, or null when any part of it is off. */
function storedLine(entry: unknown): Omit<CartLine, 'key'> | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { itemId, name, quantity, optionIds, notes } = entry as Record<string, unknown>;
  if (!isId(itemId) || !isText(name) || !isText(notes)) return null;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity)) return null;
  if (quantity < 1 || quantity > MAX_LINE_QUANTITY) return null;
  if (!Array.isArray(optionIds) || optionIds.length > 30 || !optionIds.every(isId)) return null;
  return { itemId, name, quantity, optionIds, notes };
}

const storageKey = (locationSlug: string) => `ticketrail.cart.${locationSlug}`;

export function readStoredCart(storage: Storage, locationSlug: string): CartLine[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(storageKey(locationSlug)) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const lines: CartLine[] = [];
  for (const entry of raw.slice(0, MAX_CART_LINES)) {
    const line = storedLine(entry);
    if (line === null) continue;
    const key = lineKey(line.itemId, line.optionIds, line.notes);
    if (!lines.some((existing) => existing.key === key)) lines.push({ ...line, key });
  }
  return lines;
}

export function writeStoredCart(storage: Storage, locationSlug: string, cart: readonly CartLine[]) {
  try {
    if (cart.length === 0) storage.removeItem(storageKey(locationSlug));
    else storage.setItem(storageKey(locationSlug), JSON.stringify(cart));
  } catch {
    // Private browsing or a full storage: the cart still works, it just won't survive a reload.
  }
}

/** The location's cart as state, saved on every change. */
export function useStoredCart(locationSlug: string) {
  const [cart, setCart] = useState<CartLine[]>(() =>
    readStoredCart(window.localStorage, locationSlug),
  );
  useEffect(() => {
    writeStoredCart(window.localStorage, locationSlug, cart);
  }, [cart, locationSlug]);
  const update = useCallback(
    (change: (cart: CartLine[]) => CartLine[]) => setCart((current) => change(current)),
    [],
  );
  return [cart, update] as const;
}
