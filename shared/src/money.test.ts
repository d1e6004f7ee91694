import { describe, expect, it } from 'vitest';
import { MAX_ORDER_TOTAL_CENTS, assertCents, formatMoney, multiplyCents, sumCents } from './money';

describe('assertCents', () => {
  it.each([0, 1, -1, 1250, MAX_ORDER_TOTAL_CENTS, Number.MAX_SAFE_INTEGER])(
    'returns the whole number %s unchanged',
    (value) => {
      expect(assertCents(value)).toBe(value);
    },
  );

  it.each([
    1.5,
    0.1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 1,
    -(Number.MAX_SAFE_INTEGER + 1),
    2 ** 60,
  ])('throws a RangeError for %s', (value) => {
    expect(() => assertCents(value)).toThrow(RangeError);
    expect(() => assertCents(value)).toThrow(`Not a whole number of cents: ${value}`);
  });
});

describe('sumCents', () => {
  it('adds whole cents', () => {
    expect(sumCents([1250, 300, 50])).toBe(1600);
  });

  it('is 0 for nothing', () => {
    expect(sumCents([])).toBe(0);
  });

  it('handles negative deltas', () => {
    expect(sumCents([1000, -150])).toBe(850);
  });

  it('never shows float drift: ten dimes are exactly a euro', () => {
    expect(sumCents(Array.from({ length: 10 }, () => 10))).toBe(100);
  });

  it('rejects a fractional amount anywhere in the list', () => {
    expect(() => sumCents([100, 0.5, 100])).toThrow('Not a whole number of cents: 0.5');
  });

  it('rejects NaN', () => {
    expect(() => sumCents([100, Number.NaN])).toThrow(RangeError);
  });

  it('rejects a total that leaves the safe integer range', () => {
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('multiplyCents', () => {
  it('multiplies a unit price by a quantity', () => {
    expect(multiplyCents(1250, 3)).toBe(3750);
    expect(multiplyCents(199, 99)).toBe(19_701);
    expect(multiplyCents(1250, 0)).toBe(0);
  });

  it('rejects a fractional price', () => {
    expect(() => multiplyCents(12.5, 2)).toThrow('Not a whole number of cents: 12.5');
  });

  it('rejects a fractional quantity', () => {
    expect(() => multiplyCents(1250, 1.5)).toThrow('Not a whole number of cents: 1.5');
  });

  it('rejects NaN', () => {
    expect(() => multiplyCents(Number.NaN, 2)).toThrow(RangeError);
    expect(() => multiplyCents(2, Number.NaN)).toThrow(RangeError);
  });

  it('rejects a product that leaves the safe integer range', () => {
    expect(() => multiplyCents(2 ** 52, 4)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('formats euro cents for Ireland', () => {
    expect(formatMoney(1250, 'EUR', 'en-IE')).toBe('€12.50');
    expect(formatMoney(0, 'EUR', 'en-IE')).toBe('€0.00');
    expect(formatMoney(5, 'EUR', 'en-IE')).toBe('€0.05');
    expect(formatMoney(-1250, 'EUR', 'en-IE')).toBe('-€12.50');
    expect(formatMoney(123_456_789, 'EUR', 'en-IE')).toBe('€1,234,567.89');
  });

  it('formats other two-digit currencies', () => {
    expect(formatMoney(1250, 'GBP', 'en-GB')).toBe('£12.50');
    expect(formatMoney(1_234_567, 'USD', 'en-US')).toBe('$12,345.67');
    expect(formatMoney(1250, 'EUR', 'de-DE')).toBe('12,50\u00a0€');
  });

  it('uses the currency’s own minor unit: yen has none', () => {
    expect(formatMoney(1250, 'JPY', 'en-US')).toBe('¥1,250');
  });

  it('uses the currency’s own minor unit: dinar has three digits', () => {
    expect(formatMoney(1250, 'KWD', 'en-US')).toBe('KWD\u00a01.250');
  });

  it('refuses a fractional amount', () => {
    expect(() => formatMoney(12.5, 'EUR', 'en-IE')).toThrow(RangeError);
  });

  it('works without a locale', () => {
    expect(formatMoney(1250, 'EUR')).toMatch(/12[.,]50/);
  });
});
