/**
 * The orders this browser is tracking, kept in localStorage so a guest who
 * closed the tab finds the way back from the home page ("your recent
 * orders"). The tracking link is the only key to an order a guest has, so it
 * is kept whole: order id and token.
 *
 * Storage is someone else's to break: another version of the app, a full
 * quota, a private window that refuses writes, a hand edit. Every read
 * validates each entry and skips what does not fit, and no failure reaches
 * the page: at worst the list is empty.
 */

export interface RecentOrder {
  orderId: string;
  token: string;
  /** '#042' */
  displayNumber: string;
  locationName?: string;
  /** ISO 8601: when the order was placed. */
  placedAt: string;
}

/** The part of `Storage` used here, so tests can hand in their own. */
export type RecentOrdersStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const RECENT_ORDERS_KEY = 'ticketrail.recentOrders';
export const MAX_RECENT_ORDERS = 10;
/** Long enough for tonight's order and yesterday's receipt; older links are clutter. */
export const RECENT_ORDER_MAX_AGE_MS = 2 * 24 * 60 * 60 * 1000;

/** Same bounds as the app's routes and the server's inputs; anything else is not ours. */
const ORDER_ID = /^[0-9a-fA-F-]{1,64}$/;
const MAX_TEXT = 200;

function defaultStorage(): RecentOrdersStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Reading `localStorage` itself throws when the browser blocks storage.
    return null;
  }
}

const text = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;

function parseEntry(value: unknown): RecentOrder | null {
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Record<string, unknown>;
  const { orderId, token, displayNumber, locationName, placedAt } = entry;
  if (typeof orderId !== 'string' || !ORDER_ID.test(orderId)) return null;
  if (!text(token) || !text(displayNumber) || !text(placedAt)) return null;
  if (Number.isNaN(Date.parse(placedAt))) return null;
  if (locationName !== undefined && !text(locationName)) return null;
  return {
    orderId,
    token,
    displayNumber,
    ...(locationName !== undefined ? { locationName } : {}),
    placedAt,
  };
}

function read(storage: RecentOrdersStorage): RecentOrder[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(RECENT_ORDERS_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.map(parseEntry).filter((entry): entry is RecentOrder => entry !== null);
}

/** Newest first, fresh only, one per order, at most MAX_RECENT_ORDERS. */
function tidy(entries: readonly RecentOrder[], now: Date): RecentOrder[] {
  const oldest = now.getTime() - RECENT_ORDER_MAX_AGE_MS;
  const seen = new Set<string>();
  return entries
    .filter((entry) => Date.parse(entry.placedAt) >= oldest)
    .sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt))
    .filter((entry) => {
      if (seen.has(entry.orderId)) return false;
      seen.add(entry.orderId);
      return true;
    })
    .slice(0, MAX_RECENT_ORDERS);
}

/** The orders this browser tracked lately, newest first. */
export function recentOrders(
  now: Date = new Date(),
  storage: RecentOrdersStorage | null = defaultStorage(),
): RecentOrder[] {
  if (!storage) return [];
  return tidy(read(storage), now);
}

/**
 * Adds the order, or refreshes it if it is already there (a location name
 * learned earlier is kept when this call does not know it). Returns whether it
 * is now on the list: a browser may refuse to store, and an order older than
 * the list keeps is left off; either way the caller has nothing better to do.
 */
export function rememberOrder(
  order: RecentOrder,
  now: Date = new Date(),
  storage: RecentOrdersStorage | null = defaultStorage(),
): boolean {
  const entry = parseEntry(order);
  if (!storage || !entry) return false;
  const existing = read(storage);
  const previous = existing.find((candidate) => candidate.orderId === entry.orderId);
  const locationName = entry.locationName ?? previous?.locationName;
  const merged: RecentOrder = { ...entry, ...(locationName ? { locationName } : {}) };
  const next = tidy(
    [merged, ...existing.filter((candidate) => candidate.orderId !== entry.orderId)],
    now,
  );
  try {
    storage.setItem(RECENT_ORDERS_KEY, JSON.stringify(next));
  } catch {
    return false;
  }
  // An order placed too long ago is not kept, even when asked to.
  return next.some((kept) => kept.orderId === entry.orderId);
}
