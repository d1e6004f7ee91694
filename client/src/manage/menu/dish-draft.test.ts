/**
 * The dish form's draft: what was typed becomes the server's fields (cents,
 * null stock, trimmed names) or messages keyed by the server's own paths;
 * drafts compare by what they would save; a conflict lists only what differs.
 */
import { describe, expect, it } from 'vitest';
import { differences } from './dish-conflict';
import { checkDraft, draftFromItem, emptyDraft, newGroup, pathText, sameDraft } from './dish-draft';
import { dish, sampleMenu } from './test-menu-admin';

const burger = sampleMenu().items.find((item) => item.name === 'Burger')!;

describe('a dish draft', () => {
  it('writes paths as the server does', () => {
    expect(pathText(['optionGroups', 0, 'options', 1, 'name'])).toBe(
      'optionGroups[0].options[1].name',
    );
    expect(pathText(['name'])).toBe('name');
  });

  it('round-trips a saved dish to the same fields', () => {
    const checked = checkDraft(draftFromItem(burger, 'EUR'), 'EUR');
    expect(checked).toEqual({
      ok: true,
      fields: {
        categoryId: burger.categoryId,
        name: burger.name,
        description: burger.description,
        priceCents: burger.priceCents,
        station: burger.station,
        allergens: burger.allergens,
        dietary: burger.dietary,
        stock: null,
        available: true,
        hidden: false,
        optionGroups: burger.optionGroups,
      },
    });
  });

  it('keys every problem by its field, an option’s price included', () => {
    const draft = { ...emptyDraft(1), name: '  ', price: '1.2.3', stock: '2.5' };
    const group = newGroup('EUR');
    group.options[0]!.price = 'lots';
    const checked = checkDraft({ ...draft, optionGroups: [group] }, 'EUR');
    expect(checked.ok).toBe(false);
    expect(checked.ok ? {} : checked.errors).toEqual({
      name: 'A dish needs a name.',
      priceCents: 'Type an amount as digits, e.g. 12.50.',
      stock: 'Stock is a whole number.',
      'optionGroups[0].name': 'A choice needs a name.',
      'optionGroups[0].options[0].name': 'An option needs a name.',
      'optionGroups[0].options[0].priceDeltaCents': 'Type an amount as digits, e.g. 12.50.',
    });
  });

  it('compares drafts by what they would save, not by how the form keys them', () => {
    const a = draftFromItem(burger, 'EUR');
    const b = draftFromItem(burger, 'EUR');
    b.optionGroups[0]!.key = 'another-key';
    b.allergens = [...b.allergens].reverse();
    expect(sameDraft(a, b)).toBe(true);
    expect(sameDraft(a, { ...b, price: '14.51' })).toBe(false);
  });

  it('lists in a conflict only the fields that differ, as people read them', () => {
    const mine = draftFromItem(dish(1, 1, 'Soup', { allergens: ['milk', 'celery'] }), 'EUR');
    const theirs = draftFromItem(
      dish(1, 1, 'Soup', { allergens: ['celery'], stock: 4, priceCents: 700 }),
      'EUR',
    );
    expect(differences(mine, theirs, { currency: 'EUR', categoryName: () => 'Starters' })).toEqual([
      { field: 'priceCents', label: 'Price', mine: '€12.50', theirs: '€7.00' },
      { field: 'allergens', label: 'Allergens', mine: 'Celery, Milk', theirs: 'Celery' },
      { field: 'stock', label: 'Stock', mine: 'Not counted', theirs: '4' },
    ]);
  });
});
