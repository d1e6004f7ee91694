import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  availabilityInputSchema,
  cartLineSchema,
  idSchema,
  idempotencyKeySchema,
  itemStatusInputSchema,
  locationSlugSchema,
  loginInputSchema,
  recallInputSchema,
  placeOrderInputSchema,
  quoteInputSchema,
  trackOrderInputSchema,
  transitionInputSchema,
} from './schemas';

const ORDER_ID = '0b6f6f0e-3c2a-4d6b-9f1e-2a7c8d9e0f11';
const KEY = 'k_3f9a7c1e2b4d6f80';

type Issue = { code: string; path: (string | number)[]; message: string };

/** Parses and returns the issues, failing the test if the value was accepted. */
function issuesOf(schema: z.ZodType, value: unknown): Issue[] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  return result.error.issues.map((issue) => ({
    code: issue.code,
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
}

function messagesOf(schema: z.ZodType, value: unknown): string[] {
  return issuesOf(schema, value).map((issue) => issue.message);
}

function validOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    locationSlug: 'harbour-st',
    idempotencyKey: KEY,
    guest: { name: 'Aoife', phone: '+353 87 123 4567' },
    fulfilment: { type: 'pickup' },
    items: [{ itemId: 1, quantity: 2, optionIds: [101, 111], notes: 'no onions' }],
    ...overrides,
  };
}

function withLine(line: Record<string, unknown>): Record<string, unknown> {
  return validOrder({ items: [{ itemId: 1, quantity: 1, ...line }] });
}

describe('placeOrderInputSchema: good orders', () => {
  it('accepts a pickup order and keeps its values', () => {
    const result = placeOrderInputSchema.safeParse(validOrder());
    expect(result.success).toBe(true);
    expect(result.data).toEqual(validOrder());
  });

  it('accepts a dine-in order with a table secret', () => {
    const result = placeOrderInputSchema.safeParse(
      validOrder({ fulfilment: { type: 'dine_in', tableSecret: 'tbl-secret-42' } }),
    );
    expect(result.success).toBe(true);
    expect(result.data?.fulfilment).toEqual({ type: 'dine_in', tableSecret: 'tbl-secret-42' });
  });

  it('accepts a delivery order and trims the address', () => {
    const result = placeOrderInputSchema.safeParse(
      validOrder({ fulfilment: { type: 'delivery', address: '  12 Quay Street, Galway  ' } }),
    );
    expect(result.success).toBe(true);
    expect(result.data?.fulfilment).toEqual({
      type: 'delivery',
      address: '12 Quay Street, Galway',
    });
  });

  it('defaults missing optionIds to none, and trims names and notes', () => {
    const result = placeOrderInputSchema.safeParse(
      validOrder({
        guest: { name: '  Aoife ' },
        items: [{ itemId: 3, quantity: 1, notes: '  extra hot ' }],
        notes: ' ring the bell ',
      }),
    );
    expect(result.success).toBe(true);
    expect(result.data?.guest).toEqual({ name: 'Aoife' });
    expect(result.data?.items).toEqual([
      { itemId: 3, quantity: 1, optionIds: [], notes: 'extra hot' },
    ]);
    expect(result.data?.notes).toBe('ring the bell');
  });

  it(`accepts ${MAX_CART_LINES} lines and a quantity of ${MAX_LINE_QUANTITY}`, () => {
    const items = Array.from({ length: MAX_CART_LINES }, (_, index) => ({
      itemId: index + 1,
      quantity: MAX_LINE_QUANTITY,
    }));
    expect(placeOrderInputSchema.safeParse(validOrder({ items })).success).toBe(true);
  });
});

describe('placeOrderInputSchema: a client never sends a price', () => {
  it.each(['price', 'unitPriceCents', 'lineTotalCents', 'name'])(
    'refuses a cart line carrying %s',
    (key) => {
      const issues = issuesOf(placeOrderInputSchema, withLine({ [key]: 1 }));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.code).toBe('unrecognized_keys');
      expect(issues[0]?.path).toEqual(['items', 0]);
      expect(issues[0]?.message).toContain(`"${key}"`);
    },
  );

  it.each(['totalCents', 'subtotalCents', 'status'])('refuses an order carrying %s', (key) => {
    const issues = issuesOf(placeOrderInputSchema, validOrder({ [key]: 100 }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('unrecognized_keys');
    expect(issues[0]?.path).toEqual([]);
    expect(issues[0]?.message).toContain(key);
  });

  it('refuses extra keys on the guest and the fulfilment', () => {
    expect(
      issuesOf(placeOrderInputSchema, validOrder({ guest: { name: 'Aoife', vip: true } }))[0],
    ).toMatchObject({ code: 'unrecognized_keys', path: ['guest'] });
    expect(
      issuesOf(
        placeOrderInputSchema,
        validOrder({ fulfilment: { type: 'pickup', tableId: 4 } }),
      )[0],
    ).toMatchObject({ code: 'unrecognized_keys', path: ['fulfilment'] });
  });
});

describe('placeOrderInputSchema: quantities', () => {
  it.each<[unknown, string]>([
    [0, 'A quantity is at least 1.'],
    [-1, 'A quantity is at least 1.'],
    [1.5, 'A quantity is a whole number.'],
    [100, `At most ${MAX_LINE_QUANTITY} of one item per line.`],
    ['2', 'A quantity is a number.'],
    [null, 'A quantity is a number.'],
    [Number.NaN, 'A quantity is a number.'],
    [Number.POSITIVE_INFINITY, 'A quantity is a number.'],
  ])('refuses %s with “%s”', (quantity, message) => {
    const issues = issuesOf(placeOrderInputSchema, withLine({ quantity }));
    expect(issues.map((issue) => issue.message)).toContain(message);
    expect(issues.every((issue) => issue.path.join('.') === 'items.0.quantity')).toBe(true);
  });

  it('refuses a huge quantity', () => {
    const messages = messagesOf(placeOrderInputSchema, withLine({ quantity: 1e12 }));
    expect(messages).toContain(`At most ${MAX_LINE_QUANTITY} of one item per line.`);
  });

  it('refuses a missing quantity', () => {
    expect(messagesOf(placeOrderInputSchema, validOrder({ items: [{ itemId: 1 }] }))).toEqual([
      'A quantity is a number.',
    ]);
  });
});

describe('placeOrderInputSchema: the cart', () => {
  it('refuses an empty cart', () => {
    expect(issuesOf(placeOrderInputSchema, validOrder({ items: [] }))).toEqual([
      { code: 'too_small', path: ['items'], message: 'The cart is empty.' },
    ]);
  });

  it(`refuses ${MAX_CART_LINES + 1} lines`, () => {
    const items = Array.from({ length: MAX_CART_LINES + 1 }, () => ({ itemId: 1, quantity: 1 }));
    expect(issuesOf(placeOrderInputSchema, validOrder({ items }))).toEqual([
      { code: 'too_big', path: ['items'], message: 'A cart holds at most 50 lines.' },
    ]);
  });

  it('refuses a cart that is not a list', () => {
    expect(issuesOf(placeOrderInputSchema, validOrder({ items: { itemId: 1 } }))[0]?.path).toEqual([
      'items',
    ]);
  });

  it.each<[unknown, string]>([
    [0, 'An id is a positive number.'],
    [-4, 'An id is a positive number.'],
    [2.5, 'An id is a whole number.'],
    ['1', 'An id is a whole number.'],
    [2_147_483_648, 'That id is out of range.'],
  ])('refuses the item id %s with “%s”', (itemId, message) => {
    expect(messagesOf(placeOrderInputSchema, withLine({ itemId }))).toContain(message);
  });

  it('refuses a bad option id and too many options', () => {
    expect(messagesOf(placeOrderInputSchema, withLine({ optionIds: [1, -2] }))).toEqual([
      'An id is a positive number.',
    ]);
    const optionIds = Array.from({ length: 31 }, (_, index) => index + 1);
    expect(messagesOf(placeOrderInputSchema, withLine({ optionIds }))).toEqual([
      'Too many options on one item.',
    ]);
  });

  it('refuses a note over 200 characters, after trimming', () => {
    expect(messagesOf(placeOrderInputSchema, withLine({ notes: 'x'.repeat(201) }))).toEqual([
      'A note is at most 200 characters.',
    ]);
    expect(
      placeOrderInputSchema.safeParse(withLine({ notes: `  ${'x'.repeat(200)}  ` })).success,
    ).toBe(true);
    expect(messagesOf(placeOrderInputSchema, validOrder({ notes: 'y'.repeat(201) }))).toEqual([
      'A note is at most 200 characters.',
    ]);
  });
});

describe('placeOrderInputSchema: location and key', () => {
  it.each<[string, string]>([
    ['Harbour St', 'A location name in a link has only lowercase letters, digits and dashes.'],
    ['harbour_st', 'A location name in a link has only lowercase letters, digits and dashes.'],
    ['../admin', 'A location name in a link has only lowercase letters, digits and dashes.'],
    ['', 'Which location?'],
    ['   ', 'Which location?'],
    ['a'.repeat(65), 'A location name in a link is at most 64 characters.'],
  ])('refuses the slug %j', (locationSlug, message) => {
    const issues = issuesOf(placeOrderInputSchema, validOrder({ locationSlug }));
    expect(issues.map((issue) => issue.message)).toContain(message);
    expect(issues.every((issue) => issue.path.join('.') === 'locationSlug')).toBe(true);
  });

  it('trims a slug', () => {
    expect(locationSlugSchema.parse(' harbour-st ')).toBe('harbour-st');
  });

  it('refuses a short idempotency key', () => {
    expect(issuesOf(placeOrderInputSchema, validOrder({ idempotencyKey: 'abc123' }))).toEqual([
      {
        code: 'too_small',
        path: ['idempotencyKey'],
        message: 'The order key must be at least 16 characters.',
      },
    ]);
  });

  it('refuses a long key and odd characters in a key', () => {
    expect(messagesOf(idempotencyKeySchema, 'k'.repeat(101))).toEqual([
      'The order key must be at most 100 characters.',
    ]);
    expect(messagesOf(idempotencyKeySchema, 'has spaces in it ok?')).toEqual([
      'The order key has only letters, digits, dashes and underscores.',
    ]);
  });
});

describe('placeOrderInputSchema: guest and fulfilment', () => {
  it('asks for a name when it is blank', () => {
    expect(issuesOf(placeOrderInputSchema, validOrder({ guest: { name: '   ' } }))).toEqual([
      { code: 'too_small', path: ['guest', 'name'], message: 'Please give a name for the order.' },
    ]);
  });

  it('asks for a name when it is missing', () => {
    expect(issuesOf(placeOrderInputSchema, validOrder({ guest: {} }))).toEqual([
      {
        code: 'invalid_type',
        path: ['guest', 'name'],
        message: 'Please give a name for the order.',
      },
    ]);
  });

  it('refuses a long name and a bad phone number', () => {
    expect(
      messagesOf(placeOrderInputSchema, validOrder({ guest: { name: 'n'.repeat(61) } })),
    ).toEqual(['A name is at most 60 characters.']);
    expect(
      messagesOf(placeOrderInputSchema, validOrder({ guest: { name: 'Aoife', phone: 'call me' } })),
    ).toEqual(['That does not look like a phone number.']);
  });

  it('asks for an address when a delivery has none', () => {
    expect(
      issuesOf(placeOrderInputSchema, validOrder({ fulfilment: { type: 'delivery' } })),
    ).toEqual([
      {
        code: 'invalid_type',
        path: ['fulfilment', 'address'],
        message: 'Please give a delivery address.',
      },
    ]);
  });

  it('asks for an address when a delivery’s is blank or too short', () => {
    expect(
      messagesOf(
        placeOrderInputSchema,
        validOrder({ fulfilment: { type: 'delivery', address: ' 1 ' } }),
      ),
    ).toEqual(['Please give a delivery address.']);
  });

  it('refuses a short table secret', () => {
    expect(
      messagesOf(
        placeOrderInputSchema,
        validOrder({ fulfilment: { type: 'dine_in', tableSecret: 'x' } }),
      ),
    ).toEqual(['That table link is not valid.']);
  });

  it.each([{ type: 'takeaway' }, {}, 'pickup', null])(
    'refuses the fulfilment %j with the three choices',
    (fulfilment) => {
      expect(messagesOf(placeOrderInputSchema, validOrder({ fulfilment }))).toEqual([
        'Choose dine in, pickup or delivery.',
      ]);
    },
  );
});

describe('other procedure inputs', () => {
  it('idSchema gives its own message for the wrong type', () => {
    expect(messagesOf(idSchema, 'seven')).toEqual(['An id is a whole number.']);
    expect(idSchema.parse(7)).toBe(7);
  });

  it('cartLineSchema is strict on its own too', () => {
    expect(issuesOf(cartLineSchema, { itemId: 1, quantity: 1, price: 0 })[0]?.code).toBe(
      'unrecognized_keys',
    );
  });

  it('quoteInputSchema shares the cart rules', () => {
    expect(messagesOf(quoteInputSchema, { locationSlug: 'harbour-st', items: [] })).toEqual([
      'The cart is empty.',
    ]);
    expect(
      quoteInputSchema.safeParse({
        locationSlug: 'harbour-st',
        items: [{ itemId: 1, quantity: 1 }],
      }).success,
    ).toBe(true);
  });

  it('trackOrderInputSchema refuses a non-uuid order id and a short token', () => {
    expect(issuesOf(trackOrderInputSchema, { orderId: '42', token: 't'.repeat(16) })).toEqual([
      { code: 'invalid_format', path: ['orderId'], message: 'That is not an order id.' },
    ]);
    expect(messagesOf(trackOrderInputSchema, { orderId: ORDER_ID, token: 'short' })).toEqual([
      'That tracking link is incomplete.',
    ]);
    expect(
      trackOrderInputSchema.safeParse({ orderId: ORDER_ID, token: 't'.repeat(16) }).success,
    ).toBe(true);
  });

  it('transitionInputSchema checks the version and the status', () => {
    const good = { orderId: ORDER_ID, expectedVersion: 3, to: 'accepted' };
    expect(transitionInputSchema.safeParse(good).success).toBe(true);
    expect(messagesOf(transitionInputSchema, { ...good, expectedVersion: 0 })).toEqual([
      'The order version starts at 1.',
    ]);
    expect(messagesOf(transitionInputSchema, { ...good, expectedVersion: 1.5 })).toEqual([
      'The order version is a whole number.',
    ]);
    expect(messagesOf(transitionInputSchema, { ...good, expectedVersion: '3' })).toEqual([
      'The order version is a number.',
    ]);
    expect(messagesOf(transitionInputSchema, { ...good, to: 'eaten' })).toEqual([
      'That is not an order status.',
    ]);
    expect(messagesOf(transitionInputSchema, { ...good, orderId: 'nope' })).toEqual([
      'That is not an order id.',
    ]);
    expect(messagesOf(transitionInputSchema, { ...good, reason: 'r'.repeat(201) })).toEqual([
      'A reason is at most 200 characters.',
    ]);
  });

  it('recallInputSchema and itemStatusInputSchema are strict and checked', () => {
    expect(recallInputSchema.safeParse({ orderId: ORDER_ID, expectedVersion: 1 }).success).toBe(
      true,
    );
    expect(
      issuesOf(recallInputSchema, { orderId: ORDER_ID, expectedVersion: 1, to: 'ready' })[0]?.code,
    ).toBe('unrecognized_keys');
    const item = { orderId: ORDER_ID, orderItemId: 9, expectedVersion: 2, status: 'cooking' };
    expect(itemStatusInputSchema.safeParse(item).success).toBe(true);
    expect(messagesOf(itemStatusInputSchema, { ...item, status: 'burnt' })).toEqual([
      'That is not an item status.',
    ]);
  });

  it('availabilityInputSchema wants a boolean', () => {
    expect(availabilityInputSchema.safeParse({ itemId: 4, available: false }).success).toBe(true);
    expect(messagesOf(availabilityInputSchema, { itemId: 4, available: 'no' })).toEqual([
      'Available is true or false.',
    ]);
  });

  it('loginInputSchema wants an email and a password', () => {
    expect(loginInputSchema.safeParse({ email: 'chef@example.com', password: 'x' }).success).toBe(
      true,
    );
    expect(messagesOf(loginInputSchema, { email: 'chef', password: 'x' })).toEqual([
      'That is not an email address.',
    ]);
    expect(messagesOf(loginInputSchema, { email: 'chef@example.com', password: '' })).toEqual([
      'Please enter the password.',
    ]);
  });
});
