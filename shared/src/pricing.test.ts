import { describe, expect, it } from 'vitest';
import { MAX_ORDER_TOTAL_CENTS } from './money';
import {
  checkOptions,
  minimumChoices,
  priceCart,
  type CartLine,
  type CartProblem,
  type PricedLine,
  type PricingGroup,
  type PricingItem,
  type PricingResult,
} from './pricing';

const BURGER = 1;
const SALAD = 2;
const WINGS = 3;
const PIE = 4;
const FRIES = 5;
const PLATTER = 6;
const FEAST = 7;

const REGULAR = 101;
const LARGE = 102;
const HUGE = 103;
const KIDS = 104;
const CHEESE = 111;
const BACON = 112;
const EGG = 113;
const JALAPENOS = 114;
const KETCHUP = 601;
const MAYO = 602;
const AIOLI = 603;

const sizeGroup: PricingGroup = {
  id: 10,
  name: 'Size',
  required: true,
  minSelect: 1,
  maxSelect: 1,
  options: [
    { id: REGULAR, name: 'Regular', priceDeltaCents: 0, available: true },
    { id: LARGE, name: 'Large', priceDeltaCents: 250, available: true },
    { id: HUGE, name: 'Huge', priceDeltaCents: 500, available: false },
    { id: KIDS, name: 'Kids', priceDeltaCents: -200, available: true },
  ],
};

const extrasGroup: PricingGroup = {
  id: 11,
  name: 'Extras',
  required: false,
  minSelect: 0,
  maxSelect: 3,
  options: [
    { id: CHEESE, name: 'Cheese', priceDeltaCents: 100, available: true },
    { id: BACON, name: 'Bacon', priceDeltaCents: 150, available: true },
    { id: EGG, name: 'Egg', priceDeltaCents: 80, available: true },
    { id: JALAPENOS, name: 'Jalapeños', priceDeltaCents: 50, available: true },
  ],
};

const saucesGroup: PricingGroup = {
  id: 60,
  name: 'Sauces',
  required: true,
  minSelect: 2,
  maxSelect: 3,
  options: [
    { id: KETCHUP, name: 'Ketchup', priceDeltaCents: 0, available: true },
    { id: MAYO, name: 'Mayo', priceDeltaCents: 0, available: true },
    { id: AIOLI, name: 'Aioli', priceDeltaCents: 75, available: true },
  ],
};

function item(overrides: Partial<PricingItem> & Pick<PricingItem, 'id' | 'name'>): PricingItem {
  return {
    priceCents: 500,
    available: true,
    stock: null,
    station: 'hot',
    allergens: [],
    optionGroups: [],
    ...overrides,
  };
}

const items: PricingItem[] = [
  item({
    id: BURGER,
    name: 'Burger',
    priceCents: 1000,
    station: 'grill',
    allergens: ['gluten', 'milk'],
    optionGroups: [sizeGroup, extrasGroup],
  }),
  item({ id: SALAD, name: 'Salad', priceCents: 800, available: false, station: 'cold' }),
  item({ id: WINGS, name: 'Wings', priceCents: 650, stock: 2, station: 'fry' }),
  item({ id: PIE, name: 'Apple pie', priceCents: 450, stock: 0, station: 'pastry' }),
  item({ id: FRIES, name: 'Fries', priceCents: 350, station: 'fry' }),
  item({ id: PLATTER, name: 'Dip platter', priceCents: 900, optionGroups: [saucesGroup] }),
  item({ id: FEAST, name: 'Feast', priceCents: 100_000 }),
];

const menu: ReadonlyMap<number, PricingItem> = new Map(items.map((entry) => [entry.id, entry]));

function line(itemId: number, quantity = 1, optionIds: number[] = [], notes?: string): CartLine {
  return { itemId, quantity, optionIds, notes };
}

function priced(result: PricingResult): {
  lines: PricedLine[];
  subtotalCents: number;
  totalCents: number;
} {
  if (!result.ok) {
    throw new Error(`expected the cart to price, got ${JSON.stringify(result.problems)}`);
  }
  return result;
}

function problems(result: PricingResult): CartProblem[] {
  if (result.ok) throw new Error('expected the cart to be refused');
  return result.problems;
}

describe('priceCart: a good cart', () => {
  it('prices base plus option deltas per portion, per line and in total', () => {
    const result = priced(
      priceCart(menu, [line(BURGER, 2, [LARGE, CHEESE, BACON]), line(FRIES, 3)]),
    );
    expect(result.lines).toHaveLength(2);
    const [burger, fries] = result.lines;
    expect(burger).toEqual({
      itemId: BURGER,
      name: 'Burger',
      station: 'grill',
      allergens: ['gluten', 'milk'],
      quantity: 2,
      unitPriceCents: 1500,
      options: [
        { optionId: LARGE, group: 'Size', name: 'Large', priceDeltaCents: 250 },
        { optionId: CHEESE, group: 'Extras', name: 'Cheese', priceDeltaCents: 100 },
        { optionId: BACON, group: 'Extras', name: 'Bacon', priceDeltaCents: 150 },
      ],
      notes: null,
      lineTotalCents: 3000,
    });
    expect(fries).toMatchObject({
      itemId: FRIES,
      quantity: 3,
      unitPriceCents: 350,
      options: [],
      lineTotalCents: 1050,
    });
    expect(result.subtotalCents).toBe(4050);
    expect(result.totalCents).toBe(4050);
  });

  it('keeps the options in the order the guest chose them', () => {
    const result = priced(priceCart(menu, [line(BURGER, 1, [EGG, REGULAR, JALAPENOS])]));
    expect(result.lines[0]?.options.map((option) => option.optionId)).toEqual([
      EGG,
      REGULAR,
      JALAPENOS,
    ]);
    expect(result.lines[0]?.unitPriceCents).toBe(1000 + 80 + 0 + 50);
  });

  it('applies a negative delta', () => {
    const result = priced(priceCart(menu, [line(BURGER, 1, [KIDS])]));
    expect(result.lines[0]?.unitPriceCents).toBe(800);
    expect(result.totalCents).toBe(800);
  });

  it('accepts exactly the maximum number of extras', () => {
    const result = priced(priceCart(menu, [line(BURGER, 1, [REGULAR, CHEESE, BACON, EGG])]));
    expect(result.lines[0]?.unitPriceCents).toBe(1000 + 100 + 150 + 80);
  });

  it('copies the allergens rather than sharing the menu’s array', () => {
    const result = priced(priceCart(menu, [line(BURGER, 1, [REGULAR])]));
    const burger = menu.get(BURGER);
    expect(result.lines[0]?.allergens).toEqual(burger?.allergens);
    expect(result.lines[0]?.allergens).not.toBe(burger?.allergens);
  });

  it('allows stock-counted items up to the stock across several lines', () => {
    const result = priced(priceCart(menu, [line(WINGS, 1), line(WINGS, 1, [], 'extra hot')]));
    expect(result.subtotalCents).toBe(1300);
    expect(result.lines.map((entry) => entry.notes)).toEqual([null, 'extra hot']);
  });

  it('prices an empty cart at zero', () => {
    expect(priceCart(menu, [])).toEqual({ ok: true, lines: [], subtotalCents: 0, totalCents: 0 });
  });
});

describe('priceCart: notes', () => {
  it('trims notes', () => {
    const result = priced(priceCart(menu, [line(FRIES, 1, [], '  no salt  ')]));
    expect(result.lines[0]?.notes).toBe('no salt');
  });

  it.each([undefined, '', '   ', '\n\t '])('turns the empty note %j into null', (notes) => {
    const result = priced(priceCart(menu, [line(FRIES, 1, [], notes)]));
    expect(result.lines[0]?.notes).toBeNull();
  });
});

describe('priceCart: option rules', () => {
  it('asks for a choice in a required group', () => {
    expect(problems(priceCart(menu, [line(BURGER, 1, [CHEESE])]))).toEqual([
      { kind: 'invalid_options', line: 0, itemId: BURGER, message: 'Choose a size for Burger.' },
    ]);
  });

  it('asks for the minimum when a group needs more than one', () => {
    expect(problems(priceCart(menu, [line(PLATTER, 1, [KETCHUP])]))).toEqual([
      {
        kind: 'invalid_options',
        line: 0,
        itemId: PLATTER,
        message: 'Choose at least 2 sauces for Dip platter.',
      },
    ]);
  });

  it('refuses more than a group’s maximum', () => {
    expect(
      problems(priceCart(menu, [line(BURGER, 1, [REGULAR, CHEESE, BACON, EGG, JALAPENOS])])),
    ).toEqual([
      {
        kind: 'invalid_options',
        line: 0,
        itemId: BURGER,
        message: 'Choose at most 3 extras for Burger.',
      },
    ]);
  });

  it('refuses two sizes', () => {
    expect(problems(priceCart(menu, [line(BURGER, 1, [REGULAR, LARGE])]))).toEqual([
      {
        kind: 'invalid_options',
        line: 0,
        itemId: BURGER,
        message: 'Choose at most 1 size for Burger.',
      },
    ]);
  });

  it('refuses an option that belongs to another item', () => {
    expect(problems(priceCart(menu, [line(BURGER, 1, [REGULAR, KETCHUP])]))).toEqual([
      {
        kind: 'invalid_options',
        line: 0,
        itemId: BURGER,
        message: `Option ${KETCHUP} is not a choice for Burger.`,
      },
    ]);
  });

  it('refuses an option id that exists nowhere', () => {
    expect(problems(priceCart(menu, [line(FRIES, 1, [9999])]))).toEqual([
      {
        kind: 'invalid_options',
        line: 0,
        itemId: FRIES,
        message: 'Option 9999 is not a choice for Fries.',
      },
    ]);
  });

  it('refuses the same option twice, and does not count it twice against the maximum', () => {
    expect(problems(priceCart(menu, [line(BURGER, 1, [REGULAR, CHEESE, CHEESE])]))).toEqual([
      {
        kind: 'invalid_options',
        line: 0,
        itemId: BURGER,
        message: 'Cheese is chosen twice for Burger.',
      },
    ]);
    expect(problems(priceCart(menu, [line(BURGER, 1, [REGULAR, REGULAR])]))).toEqual([
      {
        kind: 'invalid_options',
        line: 0,
        itemId: BURGER,
        message: 'Regular is chosen twice for Burger.',
      },
    ]);
  });

  it('refuses an option that is off right now', () => {
    expect(problems(priceCart(menu, [line(BURGER, 1, [HUGE])]))).toEqual([
      {
        kind: 'invalid_options',
        line: 0,
        itemId: BURGER,
        message: 'Huge is not available for Burger right now.',
      },
    ]);
  });

  it('reports every option problem of one line', () => {
    const messages = problems(
      priceCart(menu, [line(BURGER, 1, [HUGE, KETCHUP, CHEESE, CHEESE])]),
    ).map((problem) => problem.message);
    expect(messages).toEqual([
      'Huge is not available for Burger right now.',
      `Option ${KETCHUP} is not a choice for Burger.`,
      'Cheese is chosen twice for Burger.',
    ]);
  });
});

describe('priceCart: items', () => {
  it('refuses an item that is not on the menu', () => {
    expect(problems(priceCart(menu, [line(99, 1)]))).toEqual([
      { kind: 'unknown_item', line: 0, itemId: 99, message: 'Item 99 is not on this menu.' },
    ]);
  });

  it('refuses an item that is off', () => {
    expect(problems(priceCart(menu, [line(SALAD, 1)]))).toEqual([
      { kind: 'unavailable', line: 0, itemId: SALAD, message: 'Salad is not available right now.' },
    ]);
  });

  it('says an item with no stock is sold out', () => {
    expect(problems(priceCart(menu, [line(PIE, 1)]))).toEqual([
      { kind: 'sold_out', line: null, itemId: PIE, message: 'Apple pie is sold out.' },
    ]);
  });

  it('refuses one line that wants more than the stock', () => {
    expect(problems(priceCart(menu, [line(WINGS, 3)]))).toEqual([
      {
        kind: 'sold_out',
        line: null,
        itemId: WINGS,
        message: 'Only 2 Wings left; the cart has 3.',
      },
    ]);
  });

  it('adds up the quantity of one item across several lines before checking the stock', () => {
    const cart = [line(WINGS, 1), line(FRIES, 1), line(WINGS, 1, [], 'mild'), line(WINGS, 2)];
    expect(problems(priceCart(menu, cart))).toEqual([
      {
        kind: 'sold_out',
        line: null,
        itemId: WINGS,
        message: 'Only 2 Wings left; the cart has 4.',
      },
    ]);
  });

  it('does not count stock for an item that has none counted', () => {
    const result = priced(priceCart(menu, [line(FRIES, 99), line(FRIES, 99)]));
    expect(result.subtotalCents).toBe(350 * 198);
  });
});

describe('priceCart: several problems at once', () => {
  it('reports every problem with its line index, and stock last', () => {
    const cart = [
      line(FRIES, 1),
      line(99, 1),
      line(BURGER, 1, [CHEESE]),
      line(SALAD, 2),
      line(PIE, 1),
      line(WINGS, 2),
      line(WINGS, 1),
      line(PLATTER, 1, [KETCHUP, MAYO, AIOLI, AIOLI]),
    ];
    expect(problems(priceCart(menu, cart))).toEqual([
      { kind: 'unknown_item', line: 1, itemId: 99, message: 'Item 99 is not on this menu.' },
      { kind: 'invalid_options', line: 2, itemId: BURGER, message: 'Choose a size for Burger.' },
      { kind: 'unavailable', line: 3, itemId: SALAD, message: 'Salad is not available right now.' },
      {
        kind: 'invalid_options',
        line: 7,
        itemId: PLATTER,
        message: 'Aioli is chosen twice for Dip platter.',
      },
      { kind: 'sold_out', line: null, itemId: PIE, message: 'Apple pie is sold out.' },
      {
        kind: 'sold_out',
        line: null,
        itemId: WINGS,
        message: 'Only 2 Wings left; the cart has 3.',
      },
    ]);
  });
});

describe('priceCart: order size', () => {
  it('accepts a total of exactly the maximum', () => {
    const result = priced(priceCart(menu, [line(FEAST, 99), line(FEAST, 1)]));
    expect(result.totalCents).toBe(MAX_ORDER_TOTAL_CENTS);
  });

  it('refuses a total over the maximum, and says so alone', () => {
    expect(problems(priceCart(menu, [line(FEAST, 99), line(FEAST, 2)]))).toEqual([
      {
        kind: 'too_large',
        line: null,
        itemId: null,
        message: 'This order is too large to take online; please call the restaurant.',
      },
    ]);
  });
});

describe('checkOptions', () => {
  const burger = menu.get(BURGER);
  if (!burger) throw new Error('the test menu has no burger');

  it('has nothing to say about a good choice', () => {
    expect(checkOptions(burger, [LARGE, EGG])).toEqual([]);
  });

  it('lists the missing size and an unknown option together', () => {
    expect(checkOptions(burger, [777])).toEqual([
      'Option 777 is not a choice for Burger.',
      'Choose a size for Burger.',
    ]);
  });
});

describe('minimumChoices', () => {
  const group = (required: boolean, minSelect: number): PricingGroup => ({
    id: 1,
    name: 'Group',
    required,
    minSelect,
    maxSelect: 5,
    options: [],
  });

  it.each<[boolean, number, number]>([
    [true, 0, 1],
    [true, 1, 1],
    [true, 2, 2],
    [false, 0, 0],
    [false, 2, 2],
  ])('required %s with minSelect %i needs %i', (required, minSelect, expected) => {
    expect(minimumChoices(group(required, minSelect))).toBe(expected);
  });

  it('treats a required group with minSelect 0 as needing one choice', () => {
    const required = item({
      id: 50,
      name: 'Soup',
      optionGroups: [
        {
          id: 51,
          name: 'Bread',
          required: true,
          minSelect: 0,
          maxSelect: 1,
          options: [{ id: 52, name: 'Sourdough', priceDeltaCents: 0, available: true }],
        },
      ],
    });
    expect(checkOptions(required, [])).toEqual(['Choose a bread for Soup.']);
    expect(checkOptions(required, [52])).toEqual([]);
  });
});
