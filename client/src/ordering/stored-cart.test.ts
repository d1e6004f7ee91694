import { MAX_LINE_QUANTITY, idSchema } from '@ticketrail/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readStoredCart } from './stored-cart';
import { memoryStorage } from './test-storage';

/** What the stored cart was checked with before (zod): the hand check must agree with it. */
const zodLine = z.object({
  itemId: idSchema,
  name: z.string().max(200),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  optionIds: z.array(idSchema).max(30),
  notes: z.string().max(200),
});

const good = { itemId: 3, name: 'Fries', quantity: 2, optionIds: [4, 5], notes: '' };
const samples: unknown[] = [
  good,
  { ...good, extra: 'ignored' },
  { ...good, itemId: 0 },
  { ...good, itemId: -1 },
  { ...good, itemId: 1.5 },
  { ...good, itemId: 2_147_483_648 },
  { ...good, itemId: '3' },
  { ...good, name: 'x'.repeat(201) },
  { ...good, name: 7 },
  { ...good, quantity: 0 },
  { ...good, quantity: MAX_LINE_QUANTITY + 1 },
  { ...good, quantity: 1.5 },
  { ...good, quantity: Number.NaN },
  { ...good, optionIds: [4, '5'] },
  { ...good, optionIds: Array.from({ length: 31 }, (_, i) => i + 1) },
  { ...good, optionIds: 'none' },
  { ...good, notes: null },
  { itemId: 3 },
  null,
  'line',
  [good],
];

describe('the stored cart', () => {
  it('keeps exactly the lines the zod schema kept', () => {
    for (const sample of samples) {
      const storage = memoryStorage();
      storage.setItem('ticketrail.cart.harbour', JSON.stringify([sample]));
      const kept = readStoredCart(storage, 'harbour').length === 1;
      expect(kept, JSON.stringify(sample)).toBe(zodLine.safeParse(sample).success);
    }
  });
});
