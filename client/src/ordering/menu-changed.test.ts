/**
 * A manager's edit reaches an open menu: `menu.changed` carries the guest
 * menu's categories as they now are, and they replace the menu's, once.
 */
import { describe, expect, it } from 'vitest';
import { applyMenuEvent, type MenuFeedItem } from './menu-feed';
import { BURGER, FRIES, menuItem, testMenu } from './test-menu';

const changed = (
  id: number,
  categories: Extract<MenuFeedItem['data'], { type: 'menu.changed' }>['categories'],
): MenuFeedItem => ({
  id: String(id),
  data: { type: 'menu.changed', categories },
});

describe('menu changed by a manager', () => {
  const start = { ...testMenu(), lastEventId: 40 };
  const dearer = {
    ...BURGER,
    priceCents: 1650,
    photoUrl: '/media/photos/abcdefghijklmnopqrstuv.webp',
  };
  const soup = menuItem({ id: 102, name: 'Soup of the day', priceCents: 700 });
  const categories = [
    { id: 1, name: 'Mains', items: [dearer, soup], children: [] },
    { id: 2, name: 'Sides', items: [FRIES], children: [] },
  ];

  it('replaces the categories: new prices, new dishes, new order, photos', () => {
    const next = applyMenuEvent(start, changed(41, categories));
    expect(next.categories).toEqual(categories);
    expect(next.location).toBe(start.location);
    expect(next.lastEventId).toBe(41);
  });

  it('a dish hidden or deleted leaves the menu with the event that says so', () => {
    const next = applyMenuEvent(
      start,
      changed(41, [{ id: 1, name: 'Mains', items: [FRIES], children: [] }]),
    );
    expect(next.categories.flatMap((category) => category.items.map((item) => item.name))).toEqual([
      'Skinny fries',
    ]);
  });

  it('ignores a replayed or older edit', () => {
    const next = applyMenuEvent(start, changed(41, categories));
    expect(applyMenuEvent(next, changed(41, []))).toBe(next);
    expect(applyMenuEvent(next, changed(39, []))).toBe(next);
  });

  it('an availability change after the edit applies to the new categories', () => {
    const edited = applyMenuEvent(start, changed(41, categories));
    const off = applyMenuEvent(edited, {
      id: '42',
      data: {
        type: 'menu.availability',
        itemId: soup.id,
        name: soup.name,
        available: false,
        soldOut: false,
      },
    });
    expect(off.categories[0]?.items.find((item) => item.id === soup.id)?.available).toBe(false);
  });
});
