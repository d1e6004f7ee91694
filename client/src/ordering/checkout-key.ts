/**
 * The idempotency key of a checkout. The same request always goes with the
 * same key, so a double tap, a retry after a timeout, or a retry after a
 * reload (the key is kept for the tab in sessionStorage) makes one order: the
 * server answers a repeated key with the order it already placed. A changed
 * request (another item, another name) gets a new key, since the server
 * refuses a key reused for something different.
 */
const storageKey = (locationSlug: string) => `ticketrail.checkout.${locationSlug}`;

interface StoredKey {
  fingerprint: string;
  key: string;
}

/** 32 random hex digits: long enough that nobody guesses another guest's key. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `co_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

function read(storage: Storage, locationSlug: string): StoredKey | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(locationSlug)) ?? 'null');
    if (
      parsed &&
      typeof parsed === 'object' &&
      'fingerprint' in parsed &&
      'key' in parsed &&
      typeof parsed.fingerprint === 'string' &&
      typeof parsed.key === 'string'
    ) {
      return { fingerprint: parsed.fingerprint, key: parsed.key };
    }
  } catch {
    // Unreadable: a new key is as good.
  }
  return null;
}

/** The key for this request: the one used before for the very same request, or a new one. */
export function keyForRequest(storage: Storage, locationSlug: string, request: unknown): string {
  const fingerprint = JSON.stringify(request);
  const stored = read(storage, locationSlug);
  if (stored?.fingerprint === fingerprint) return stored.key;
  const key = newIdempotencyKey();
  try {
    storage.setItem(storageKey(locationSlug), JSON.stringify({ fingerprint, key }));
  } catch {
    // Without storage the key still holds for this page's retries.
  }
  return key;
}

/** After an order is placed the next checkout is a new order. */
export function forgetCheckoutKey(storage: Storage, locationSlug: string): void {
  try {
    storage.removeItem(storageKey(locationSlug));
  } catch {
    // Nothing to forget.
  }
}
