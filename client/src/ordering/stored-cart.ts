/**
 * The cart survives a reload or a phone locking: it is kept per location in
 * localStorage. What comes back is checked line by line, so a stale or
 * hand-edited entry drops out instead of breaking the page.
 */
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { MAX_CART_LINES, MAX_LINE_QUANTITY, idSchema } from '@ticketrail/shared';
import { lineKey, type CartLine } from './cart';

const storedLine = z.object({
  itemId: idSchema,
  name: z.string().max(200),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  optionIds: z.array(idSchema).max(30),
  notes: z.string().max(200),
});

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
    const parsed = storedLine.safeParse(entry);
    if (!parsed.success) continue;
    const line = parsed.data;
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
