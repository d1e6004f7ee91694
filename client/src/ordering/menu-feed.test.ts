import { describe, expect, it } from 'vitest';
import { BUILT_IN_SETTINGS, guestSettingsOf } from '@ticketrail/shared';
import { applyMenuEvent, type MenuFeedItem } from './menu-feed';
import type { Menu } from './menu-model';

describe('menu availability', () => {
  const item = (id: number, name: string) => ({
    id,
    categoryId: 1,
    name,
    description: '',
    priceCents: 500,
    allergens: [],
    dietary: [],
    available: true,
    soldOut: false,
    optionGroups: [],
    photoUrl: null,
  });
  const start: Menu = {
    location: {
      id: 1,
      slug: 'harbour',
      name: 'Harbour',
      ...guestSettingsOf(BUILT_IN_SETTINGS),
      timezone: 'Europe/Dublin',
      currency: 'EUR',
      acceptingOrders: true,
      quotedWaitMinutes: 20,
    },
    categories: [
      {
        id: 1,
        name: 'Mains',
        items: [item(1, 'Burger'), item(2, 'Fries')],
        children: [],
      },
      {
        id: 2,
        name: 'Drinks',
        items: [],
        children: [{ id: 3, name: 'Soft drinks', items: [item(3, 'Lemonade')] }],
      },
    ],
    lastEventId: 30,
  };
  const event = (
    id: number,
    itemId: number,
    available: boolean,
    soldOut = false,
  ): MenuFeedItem => ({
    id: String(id),
    data: { type: 'menu.availability', itemId, name: 'x', available, soldOut },
  });
  const flags = (menu: Menu) =>
    menu.categories.flatMap((c) =>
      [...c.items, ...c.children.flatMap((child) => child.items)].map(
        (i) => `${i.name}:${i.available ? 'on' : 'off'}${i.soldOut ? ',sold out' : ''}`,
      ),
    );

  it('sets the flags of the item, and only that item', () => {
    const next = applyMenuEvent(start, event(31, 2, false));
    expect(flags(next)).toEqual(['Burger:on', 'Fries:off', 'Lemonade:on']);
    expect(next.lastEventId).toBe(31);
    expect(next.categories[1]).toBe(start.categories[1]); // untouched sections are kept
  });

  it('finds items in child categories', () => {
    const next = applyMenuEvent(start, event(31, 3, true, true));
    expect(flags(next)).toEqual(['Burger:on', 'Fries:on', 'Lemonade:on,sold out']);
  });

  it('ignores repeated and older events', () => {
    const off = applyMenuEvent(start, event(32, 1, false));
    expect(applyMenuEvent(off, event(32, 1, false))).toBe(off);
    // An older "back on" must not undo the newer "86".
    expect(flags(applyMenuEvent(off, event(31, 1, true)))).toEqual([
      'Burger:off',
      'Fries:on',
      'Lemonade:on',
    ]);
    // A newer "back on" does.
    expect(flags(applyMenuEvent(off, event(33, 1, true)))).toEqual([
      'Burger:on',
      'Fries:on',
      'Lemonade:on',
    ]);
  });

  it('leaves the menu alone for an item it does not have', () => {
    const next = applyMenuEvent(start, event(31, 99, false));
    expect(flags(next)).toEqual(flags(start));
    expect(next.categories[0]).toBe(start.categories[0]);
  });
});
