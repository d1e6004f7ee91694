import { describe, expect, it } from 'vitest';
import {
  choiceProblems,
  groupProblem,
  groupRule,
  initialChoice,
  toggleOption,
} from './option-choice';
import { BURGER, EXTRAS, SIDES, SIZE, group, menuItem, option } from './test-menu';

describe('groupRule', () => {
  it.each([
    [SIZE, 'Required · choose 1'],
    [EXTRAS, 'Optional · up to 2'],
    [SIDES, 'Required · choose 2'],
    [group({ id: 9, name: 'Sauce', maxSelect: 1 }), 'Optional'],
    [group({ id: 9, name: 'Toppings', minSelect: 1, maxSelect: 3 }), 'Required · choose 1 to 3'],
    // "required" with minSelect 0 still needs one: the server treats it so.
    [
      group({ id: 9, name: 'Milk', required: true, minSelect: 0, maxSelect: 1 }),
      'Required · choose 1',
    ],
  ])('%# says what %s asks for', (subject, rule) => {
    expect(groupRule(subject)).toBe(rule);
  });
});

describe('toggleOption', () => {
  it('swaps the choice of a single-choice group and keeps other groups', () => {
    const first = toggleOption(SIZE, [21], 11);
    expect(first).toEqual({ optionIds: [21, 11], refused: null });
    expect(toggleOption(SIZE, first.optionIds, 12).optionIds).toEqual([21, 12]);
  });

  it('does not empty a required single choice, but lets an optional one go', () => {
    expect(toggleOption(SIZE, [11], 11).optionIds).toEqual([11]);
    const sauce = group({ id: 9, name: 'Sauce', options: [option(91, 'Ketchup')] });
    expect(toggleOption(sauce, [91], 91).optionIds).toEqual([]);
  });

  it('adds and removes in a multi-choice group, refusing past its maximum', () => {
    let ids = toggleOption(EXTRAS, [], 21).optionIds;
    ids = toggleOption(EXTRAS, ids, 22).optionIds;
    expect(ids).toEqual([21, 22]);
    expect(toggleOption(EXTRAS, ids, 23)).toEqual({
      optionIds: [21, 22],
      refused: 'You can choose up to 2 extras. Remove one first.',
    });
    expect(toggleOption(EXTRAS, ids, 21).optionIds).toEqual([22]);
  });

  it('refuses an unavailable option and ignores one from another group', () => {
    expect(toggleOption(EXTRAS, [], 24)).toEqual({
      optionIds: [],
      refused: 'Egg is not available right now.',
    });
    expect(toggleOption(EXTRAS, [11], 12)).toEqual({ optionIds: [11], refused: null });
  });
});

describe('groupProblem and choiceProblems', () => {
  it('asks for a missing required choice, in the group’s words', () => {
    expect(groupProblem(SIZE, [])).toBe('Choose a size.');
    expect(groupProblem(SIDES, [31])).toBe('Choose at least 2 sides.');
    expect(groupProblem(SIDES, [31, 32])).toBeNull();
    expect(groupProblem(EXTRAS, [])).toBeNull();
  });

  it('names a chosen option that went off, and too many choices', () => {
    expect(groupProblem(EXTRAS, [24])).toBe('Egg is not available right now; choose another.');
    expect(groupProblem(EXTRAS, [21, 22, 23])).toBe('Choose at most 2 extras.');
  });

  it('collects every group’s problem by group id', () => {
    expect(choiceProblems(BURGER, [])).toEqual(new Map([[SIZE.id, 'Choose a size.']]));
    expect(choiceProblems(BURGER, [12, 21, 22]).size).toBe(0);
  });
});

describe('initialChoice', () => {
  it('chooses only what leaves nothing to decide', () => {
    expect(initialChoice(BURGER)).toEqual([]);
    const onlyOne = menuItem({
      id: 5,
      name: 'Soup',
      optionGroups: [
        group({
          id: 7,
          name: 'Bread',
          required: true,
          minSelect: 1,
          options: [option(71, 'Brown bread'), option(72, 'White bread', 0, false)],
        }),
      ],
    });
    expect(initialChoice(onlyOne)).toEqual([71]);
  });
});
