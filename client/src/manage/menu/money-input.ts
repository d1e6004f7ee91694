/**
 * Prices as a manager types them ("12.50", "12,5", "€ 9") and as the form
 * holds them (integer cents, never a float). The number of minor digits is the
 * currency's own (EUR 2, JPY 0), as `formatMoney` in shared shows them.
 */

/** How many digits follow the point in `currency` (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return format.resolvedOptions().maximumFractionDigits ?? 2;
}

/** Cents as the field shows them: 1250 → "12.50", -50 → "-0.50" (no symbol, no grouping). */
export function centsToInput(cents: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = cents < 0 ? '-' : '';
  const whole = Math.abs(cents);
  if (digits === 0) return `${sign}${whole}`;
  const unit = 10 ** digits;
  const fraction = String(whole % unit).padStart(digits, '0');
  return `${sign}${Math.floor(whole / unit)}.${fraction}`;
}

export type ParsedMoney = { ok: true; cents: number } | { ok: false; message: string };

/**
 * What the manager typed, in cents. A comma is the decimal point when it is
 * the only separator and 1–2 digits follow it ("12,50"); otherwise commas
 * group thousands ("1,250.00"). Whole cents only: the string is split, never
 * multiplied as a float.
 */
export function parseMoneyInput(text: string, currency: string): ParsedMoney {
  const digits = minorDigits(currency);
  // A currency sign or code typed with the amount is no mistake: drop it.
  let cleaned = text.replace(/[\s\u00a0]/g, '').replace(/^([+-]?)[^\d.,+-]+/, '$1');
  cleaned = cleaned.replace(/[^\d.,+-]+$/, '');
  if (text.trim() === '') return { ok: false, message: 'Type an amount, e.g. 12.50.' };
  if (!cleaned.includes('.') && /^[+-]?\d+,\d{1,2}$/.test(cleaned)) {
    cleaned = cleaned.replace(',', '.');
  }
  cleaned = cleaned.replace(/,(?=\d{3}(\D|$))/g, '');
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || !/\d/.test(cleaned))
    return { ok: false, message: 'Type an amount as digits, e.g. 12.50.' };
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) {
    return {
      ok: false,
      message:
        digits === 0
          ? 'This currency has no cents: type a whole amount.'
          : `Type at most ${digits} digits after the point.`,
    };
  }
  const cents = Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(cents)) return { ok: false, message: 'That amount is too large.' };
  return { ok: true, cents: sign === '-' ? -cents : cents };
}
