import { describe, expect, it } from 'vitest';
import { MAX_CART_LINES } from '@ticketrail/shared';
import {
  addToCart,
  cartIssues,
  itemCount,
  lineKey,
  removeLine,
  setQuantity,
  toCartInput,
  type CartLine,
} from './cart';
import { itemsById } from './menu-model';
import { BURGER, FRIES, testMenu } from './test-menu';

const burger = (optionIds: number[], quantity = 1, notes = '') => ({
  itemId: BURGER.id,
  name: BURGER.name,
  optionIds,
  quantity,
  notes,
});

describe('the cart', () => {
  it('adds the same choice up on one line, and a different one on its own', () => {
    let cart: CartLine[] = [];
    cart = addToCart(cart, burger([12, 21])).cart;
    cart = addToCart(cart, burger([21, 12], 2)).cart;
    cart = addToCart(cart, burger([12, 21], 1, 'no pickles')).cart;
    expect(cart.map((line) => [line.quantity, line.notes])).toEqual([
      [3, ''],
      [1, 'no pickles'],
    ]);
    expect(itemCount(cart)).toBe(4);
  });

  it('caps a line at 99 and says so', () => {
    const first = addToCart([], burger([11], 98)).cart;
    const added = addToCart(first, burger([11], 5));
    expect(added.cart[0]?.quantity).toBe(99);
    expect(added.refused).toBe('At most 99 of one item per line.');
  });

  it(`holds at most ${MAX_CART_LINES} lines`, () => {
    let cart: CartLine[] = [];
    for (let n = 0; n < MAX_CART_LINES; n += 1)
      cart = addToCart(cart, burger([11], 1, `note ${n}`)).cart;
    const added = addToCart(cart, burger([12]));
    expect(added.cart).toHaveLength(MAX_CART_LINES);
    expect(added.refused).toMatch(/at most 50/);
  });

  it('changes quantities, and removes a line at zero', () => {
    const cart = addToCart([], burger([11], 2)).cart;
    const key = lineKey(BURGER.id, [11], '');
    expect(setQuantity(cart, key, 5)[0]?.quantity).toBe(5);
    expect(setQuantity(cart, key, 0)).toEqual([]);
    expect(removeLine(cart, key)).toEqual([]);
  });

  it('sends lines as the API takes them: no price, notes only when written', () => {
    let cart = addToCart([], burger([12], 2, '  no pickles ')).cart;
    cart = addToCart(cart, {
      itemId: FRIES.id,
      name: FRIES.name,
      optionIds: [],
      quantity: 1,
      notes: '',
    }).cart;
    expect(toCartInput(cart)).toEqual([
      { itemId: BURGER.id, quantity: 2, optionIds: [12], notes: 'no pickles' },
      { itemId: FRIES.id, quantity: 1, optionIds: [] },
    ]);
  });
});

describe('cartIssues', () => {
  const cart = [
    ...addToCart([], burger([12])).cart,
    ...addToCart([], { itemId: FRIES.id, name: FRIES.name, optionIds: [], quantity: 1, notes: '' })
      .cart,
  ];

  it('finds nothing wrong with a cart the menu can serve', () => {
    expect(cartIssues(cart, itemsById(testMenu())).size).toBe(0);
  });

  it('marks an item 86ed, sold out or gone from the menu, by line', () => {
    const off = itemsById(testMenu([BURGER, { ...FRIES, available: false }]));
    expect([...cartIssues(cart, off).values()]).toEqual([
      'Not available right now. Remove it to order.',
    ]);
    const soldOut = itemsById(testMenu([{ ...BURGER, soldOut: true }, FRIES]));
    expect(cartIssues(cart, soldOut).get(cart[0]!.key)).toBe('Sold out. Remove it to order.');
    const gone = itemsById(testMenu([BURGER]));
    expect(cartIssues(cart, gone).get(cart[1]!.key)).toBe(
      'Skinny fries is no longer on the menu. Remove it to order.',
    );
  });

  it('marks a line whose chosen option went off', () => {
    const sizes = BURGER.optionGroups[0]!;
    const tripleOff = {
      ...BURGER,
      optionGroups: [
        {
          ...sizes,
          options: sizes.options.map((o) => (o.id === 12 ? { ...o, available: false } : o)),
        },
        BURGER.optionGroups[1]!,
      ],
    };
    expect(cartIssues(cart, itemsById(testMenu([tripleOff, FRIES]))).get(cart[0]!.key)).toBe(
      'Triple patty is not available right now; choose another. Remove it and add it again.',
    );
  });
});
