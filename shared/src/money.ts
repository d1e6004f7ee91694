/**
 * Money is always an integer number of minor units (cents). Floats never hold a
 * price: 0.1 + 0.2 is not 0.3, and a till that is a cent out is a bug report.
 */

/** The largest total we accept; far above any real order, far below 2^31. */
export const MAX_ORDER_TOTAL_CENTS = 10_000_000;

export function assertCents(value: number): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Not a whole number of cents: ${value}`);
  }
  return value;
}

export function sumCents(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += assertCents(value);
  return assertCents(total);
}

export function multiplyCents(cents: number, quantity: number): number {
  return assertCents(assertCents(cents) * assertCents(quantity));
}

/** Formats cents for people, e.g. `formatMoney(1250, 'EUR', 'en-IE')` → "€12.50". */
export function formatMoney(cents: number, currency: string, locale?: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(assertCents(cents) / 10 ** digits);
}
