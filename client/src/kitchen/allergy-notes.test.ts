import { describe, expect, it } from 'vitest';
import { isAllergyNote } from './allergy-notes';

describe('isAllergyNote', () => {
  it.each([
    'NUT ALLERGY',
    'nut allergy',
    'Shellfish allergy!!',
    'severe sesame allergy',
    'allergic to fish',
    'ALLERGIC TO MUSTARD',
    'has allergies, please be careful',
    'coeliac',
    'Coeliac - separate board please',
    'celiac',
    'no gluten',
    'NO GLUTEN please',
    'gluten free',
    'gluten-free bun',
    'Gluten Free',
    'dairy free',
    'dairy-free',
    'lactose intolerant',
    'no lactose',
    'gluten intolerance',
    'no nuts',
    'nut free',
    'tree nut',
    'peanut',
    'no peanuts please',
    'shellfish',
    'anaphylaxis risk',
    'anaphylactic to prawns',
    'carries an EpiPen',
    'epi pen in bag',
    'extra crispy, no nuts',
  ])('%j is an allergy', (note) => {
    expect(isAllergyNote(note)).toBe(true);
  });

  it.each([
    'vegan',
    'VEGAN please',
    'no onions',
    'extra crispy',
    'sauce on the side',
    'no pickles',
    'birthday, bring candles',
    'well done',
    'donut on the side',
    'coconut milk',
    'not an allergy, just no onions',
    'no allergies',
    '',
  ])('%j is not an allergy', (note) => {
    expect(isAllergyNote(note)).toBe(false);
  });

  it('takes no note as no allergy', () => {
    expect(isAllergyNote(null)).toBe(false);
    expect(isAllergyNote(undefined)).toBe(false);
  });
});
