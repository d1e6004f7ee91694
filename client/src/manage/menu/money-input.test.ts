/** Typed prices to integer cents and back, in the location's currency. */
import { describe, expect, it } from 'vitest';
import { centsToInput, minorDigits, parseMoneyInput } from './money-input';

const cents = (text: string, currency = 'EUR') => {
  const parsed = parseMoneyInput(text, currency);
  return parsed.ok ? parsed.cents : parsed.message;
};

describe('money as typed', () => {
  it('knows each currency’s minor digits', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
  });

  it('reads what a manager types as whole cents', () => {
    expect(cents('12.50')).toBe(1250);
    expect(cents('12.5')).toBe(1250);
    expect(cents('12')).toBe(1200);
    expect(cents('12,50')).toBe(1250);
    expect(cents(' €12.50 ')).toBe(1250);
    expect(cents('12.50 EUR')).toBe(1250);
    expect(cents('1,250.00')).toBe(125000);
    expect(cents('0.10')).toBe(10);
    expect(cents('-1.50')).toBe(-150);
    expect(cents('.5')).toBe(50);
    expect(cents('.')).toBe('Type an amount as digits, e.g. 12.50.');
    // 0.29 * 100 is 28.999999999999996 as a float: the string is split instead.
    expect(cents('0.29')).toBe(29);
    expect(cents('4.35')).toBe(435);
  });

  it('says what is wrong with what cannot be a price', () => {
    expect(cents('')).toBe('Type an amount, e.g. 12.50.');
    expect(cents('twelve')).toBe('Type an amount as digits, e.g. 12.50.');
    expect(cents('12.505')).toBe('Type at most 2 digits after the point.');
    expect(cents('1.5', 'JPY')).toBe('This currency has no cents: type a whole amount.');
    expect(cents('1200', 'JPY')).toBe(1200);
  });

  it('shows cents back the way they are typed', () => {
    expect(centsToInput(1250, 'EUR')).toBe('12.50');
    expect(centsToInput(5, 'EUR')).toBe('0.05');
    expect(centsToInput(-150, 'EUR')).toBe('-1.50');
    expect(centsToInput(0, 'EUR')).toBe('0.00');
    expect(centsToInput(1200, 'JPY')).toBe('1200');
    for (const value of [0, 1, 99, 100, 1234567, -42]) {
      expect(cents(centsToInput(value, 'EUR'))).toBe(value);
    }
  });
});
