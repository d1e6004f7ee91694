/** Menu items for the ordering tests, shaped exactly like `menu.get`'s. */
import { HARBOUR_KITCHEN } from '../test-support/orders';
import type { Menu, MenuItem, OptionGroup } from './menu-model';

export function group(
  overrides: Partial<OptionGroup> & Pick<OptionGroup, 'id' | 'name'>,
): OptionGroup {
  return { required: false, minSelect: 0, maxSelect: 1, options: [], ...overrides };
}

export const option = (id: number, name: string, priceDeltaCents = 0, available = true) => ({
  id,
  name,
  priceDeltaCents,
  available,
});

/** Size: required, one of Double (+0) or Triple (+3.00). */
export const SIZE = group({
  id: 1,
  name: 'Size',
  required: true,
  minSelect: 1,
  maxSelect: 1,
  options: [option(11, 'Double patty'), option(12, 'Triple patty', 300)],
});

/** Extras: optional, up to 2; Egg is off today. */
export const EXTRAS = group({
  id: 2,
  name: 'Extras',
  maxSelect: 2,
  options: [
    option(21, 'Cheese', 150),
    option(22, 'Bacon', 200),
    option(23, 'Jalapeños', 100),
    option(24, 'Egg', 150, false),
  ],
});

/** Sides: choose exactly 2. */
export const SIDES = group({
  id: 3,
  name: 'Sides',
  required: true,
  minSelect: 2,
  maxSelect: 2,
  options: [option(31, 'Fries'), option(32, 'Salad'), option(33, 'Mash')],
});

export function menuItem(overrides: Partial<MenuItem> & Pick<MenuItem, 'id' | 'name'>): MenuItem {
  return {
    categoryId: 1,
    description: '',
    priceCents: 1000,
    allergens: [],
    dietary: [],
    available: true,
    soldOut: false,
    optionGroups: [],
    photoUrl: null,
    ...overrides,
  };
}

export const BURGER = menuItem({
  id: 100,
  name: 'Smash Burger',
  priceCents: 1450,
  allergens: ['gluten', 'milk'],
  optionGroups: [SIZE, EXTRAS],
});

export const FRIES = menuItem({
  id: 101,
  name: 'Skinny fries',
  priceCents: 450,
  dietary: ['vegan'],
});

export function testMenu(items: MenuItem[] = [BURGER, FRIES]): Menu {
  return {
    location: HARBOUR_KITCHEN,
    categories: [{ id: 1, name: 'Mains', items, children: [] }],
    lastEventId: 1,
  };
}
