import { describe, expect, it } from 'vitest';
import {
  filterMenu,
  NO_FILTER,
  passes,
  readStoredFilter,
  toggled,
  writeStoredFilter,
} from './menu-filter';
import { BURGER, FRIES, menuItem, testMenu } from './test-menu';
import { memoryStorage } from './test-storage';

const SALAD = menuItem({
  id: 102,
  name: 'Salad',
  dietary: ['vegan', 'gluten_free'],
  allergens: ['mustard'],
});

describe('passes', () => {
  it('needs every chosen flag and none of the avoided allergens', () => {
    expect(passes(FRIES, { only: ['vegan'], avoid: [] })).toBe(true);
    expect(passes(FRIES, { only: ['vegan', 'gluten_free'], avoid: [] })).toBe(false);
    expect(passes(BURGER, { only: [], avoid: ['milk'] })).toBe(false);
    expect(passes(SALAD, { only: ['vegan'], avoid: ['milk', 'gluten'] })).toBe(true);
  });
});

describe('filterMenu', () => {
  it('hides what does not pass, drops empty sections, and counts what it hid', () => {
    const menu = testMenu([BURGER, FRIES, SALAD]);
    menu.categories.push({ id: 2, name: 'Desserts', items: [BURGER], children: [] });
    const shown = filterMenu(menu, { only: [], avoid: ['gluten'] });
    expect(shown.hidden).toBe(2);
    expect(shown.categories.map((c) => [c.name, c.items.map((item) => item.name)])).toEqual([
      ['Mains', ['Skinny fries', 'Salad']],
    ]);
  });

  it('is the very same menu without a filter', () => {
    const menu = testMenu();
    expect(filterMenu(menu, NO_FILTER).categories).toBe(menu.categories);
  });
});

describe('the stored filter', () => {
  it('comes back as saved, keeps only known values, and goes when cleared', () => {
    const storage = memoryStorage();
    writeStoredFilter(storage, { only: ['vegan'], avoid: ['nuts', 'milk'] });
    expect(readStoredFilter(storage)).toEqual({ only: ['vegan'], avoid: ['milk', 'nuts'] });
    storage.setItem(
      'ticketrail.menuFilter',
      JSON.stringify({ only: ['spicy', 'x'], avoid: 'nuts' }),
    );
    expect(readStoredFilter(storage)).toEqual(NO_FILTER);
    writeStoredFilter(storage, NO_FILTER);
    expect(storage.getItem('ticketrail.menuFilter')).toBeNull();
  });

  it('toggles a value in a list', () => {
    expect(toggled(['milk'], 'nuts')).toEqual(['milk', 'nuts']);
    expect(toggled(['milk', 'nuts'], 'milk')).toEqual(['nuts']);
  });
});
