/**
 * Choosing an item's options: which taps are allowed, what each group asks
 * for, and what is still missing. The server checks the same rules when it
 * prices the cart (shared `checkOptions`); these say it to the guest first,
 * next to the group it concerns.
 */
import { minimumChoices } from '@ticketrail/shared';
import type { MenuItem, OptionGroup } from './menu-model';

const lower = (group: OptionGroup) => group.name.toLowerCase();

/** The rule of a group in a few words, shown under its name. */
export function groupRule(group: OptionGroup): string {
  const min = minimumChoices(group);
  const max = group.maxSelect;
  if (min === 0) return max === 1 ? 'Optional' : `Optional · up to ${max}`;
  if (min === max) return min === 1 ? 'Required · choose 1' : `Required · choose ${min}`;
  return `Required · choose ${min} to ${max}`;
}

/** A group that takes one choice behaves like radio buttons. */
export const isSingleChoice = (group: OptionGroup): boolean => group.maxSelect === 1;

export interface Toggled {
  optionIds: number[];
  /** Why the tap changed nothing, when it did not. */
  refused: string | null;
}

/**
 * The choice after tapping `optionId` in `group`. A single-choice group swaps
 * its choice (and a required one cannot be emptied); a multi-choice group
 * adds or removes, refusing to go past its maximum.
 */
export function toggleOption(
  group: OptionGroup,
  optionIds: readonly number[],
  optionId: number,
): Toggled {
  const option = group.options.find((candidate) => candidate.id === optionId);
  if (!option) return { optionIds: [...optionIds], refused: null };
  const inGroup = new Set(group.options.map((candidate) => candidate.id));
  const others = optionIds.filter((id) => !inGroup.has(id));
  const chosen = optionIds.filter((id) => inGroup.has(id));
  const isChosen = chosen.includes(optionId);

  if (isChosen) {
    if (isSingleChoice(group) && minimumChoices(group) > 0) {
      return { optionIds: [...optionIds], refused: null };
    }
    return { optionIds: optionIds.filter((id) => id !== optionId), refused: null };
  }
  if (!option.available) {
    return { optionIds: [...optionIds], refused: `${option.name} is not available right now.` };
  }
  if (isSingleChoice(group)) return { optionIds: [...others, optionId], refused: null };
  if (chosen.length >= group.maxSelect) {
    return {
      optionIds: [...optionIds],
      refused: `You can choose up to ${group.maxSelect} ${lower(group)}. Remove one first.`,
    };
  }
  return { optionIds: [...optionIds, optionId], refused: null };
}

/** What a group still needs, or null when its choice is fine. */
export function groupProblem(group: OptionGroup, optionIds: readonly number[]): string | null {
  const chosenOptions = group.options.filter((option) => optionIds.includes(option.id));
  const gone = chosenOptions.find((option) => !option.available);
  if (gone) return `${gone.name} is not available right now; choose another.`;
  const chosen = chosenOptions.length;
  const min = minimumChoices(group);
  if (chosen < min) {
    return min === 1 ? `Choose a ${lower(group)}.` : `Choose at least ${min} ${lower(group)}.`;
  }
  if (chosen > group.maxSelect) return `Choose at most ${group.maxSelect} ${lower(group)}.`;
  return null;
}

/** Each group's problem by group id; empty when the item can go in the cart as chosen. */
export function choiceProblems(item: MenuItem, optionIds: readonly number[]): Map<number, string> {
  const problems = new Map<number, string>();
  for (const group of item.optionGroups) {
    const problem = groupProblem(group, optionIds);
    if (problem) problems.set(group.id, problem);
  }
  return problems;
}

/**
 * Where a guest starts: nothing chosen, except a required single choice with
 * only one available option, which has nothing to decide.
 */
export function initialChoice(item: MenuItem): number[] {
  return item.optionGroups.flatMap((group) => {
    const available = group.options.filter((option) => option.available);
    return minimumChoices(group) === 1 && isSingleChoice(group) && available.length === 1
      ? available.map((option) => option.id)
      : [];
  });
}
