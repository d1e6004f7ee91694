/**
 * Saves a dish's choices (option groups) and their options as the editor
 * lists them: the list replaces what was there, in its order. A group or
 * option sent with its id keeps that id, so a guest's cart that already holds
 * "Double patty" still prices after the manager renames it or adds "Triple".
 */
import type { Transaction } from 'kysely';
import type { ItemFields } from '@ticketrail/shared';
import type { Database } from '../../db/schema';
import { invalid } from '../../errors';

type GroupDraft = ItemFields['optionGroups'][number];

const NOT_THIS_DISH =
  "A choice or option in the form is not this dish's any more; reload the menu.";

/**
 * Names that must not collide while rows are renamed one by one (the unique
 * indexes are per group and per item, and not deferred): control characters
 * are refused in every name a person types, so these never match one.
 */
const placeholder = (id: number) => `\u0001${id}`;

export async function saveOptionGroups(
  trx: Transaction<Database>,
  itemId: number,
  drafts: readonly GroupDraft[],
): Promise<void> {
  const existingGroups = await trx
    .selectFrom('option_groups')
    .select(['id', 'name'])
    .where('item_id', '=', itemId)
    .execute();
  const groupIds = existingGroups.map((group) => group.id);
  const existingOptions =
    groupIds.length === 0
      ? []
      : await trx
          .selectFrom('options')
          .select(['id', 'name'])
          .where('group_id', 'in', groupIds)
          .execute();

  const sentGroups = drafts.flatMap((group) => (group.id === undefined ? [] : [group.id]));
  const sentOptions = drafts.flatMap((group) =>
    group.options.flatMap((option) => (option.id === undefined ? [] : [option.id])),
  );
  const keptGroups = new Set(sentGroups);
  const keptOptions = new Set(sentOptions);
  if (keptGroups.size !== sentGroups.length || keptOptions.size !== sentOptions.length) {
    throw invalid('A choice or an option is in the form twice.');
  }
  const groupIdSet = new Set(groupIds);
  const optionIdSet = new Set(existingOptions.map((option) => option.id));
  if ([...keptGroups].some((id) => !groupIdSet.has(id))) throw invalid(NOT_THIS_DISH);
  if ([...keptOptions].some((id) => !optionIdSet.has(id))) throw invalid(NOT_THIS_DISH);

  const goneOptions = existingOptions.filter((option) => !keptOptions.has(option.id));
  if (goneOptions.length > 0) {
    await trx
      .deleteFrom('options')
      .where(
        'id',
        'in',
        goneOptions.map((option) => option.id),
      )
      .execute();
  }
  const goneGroups = groupIds.filter((id) => !keptGroups.has(id));
  if (goneGroups.length > 0) {
    await trx.deleteFrom('option_groups').where('id', 'in', goneGroups).execute();
  }
  for (const id of keptGroups) {
    await trx
      .updateTable('option_groups')
      .set({ name: placeholder(id) })
      .where('id', '=', id)
      .execute();
  }
  for (const id of keptOptions) {
    await trx
      .updateTable('options')
      .set({ name: placeholder(id) })
      .where('id', '=', id)
      .execute();
  }

  for (const [groupOrder, draft] of drafts.entries()) {
    const fields = {
      name: draft.name,
      required: draft.required,
      min_select: draft.minSelect,
      max_select: draft.maxSelect,
      sort_order: groupOrder,
    };
    const groupId =
      draft.id === undefined
        ? (
            await trx
              .insertInto('option_groups')
              .values({ item_id: itemId, ...fields })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        : draft.id;
    if (draft.id !== undefined) {
      await trx.updateTable('option_groups').set(fields).where('id', '=', draft.id).execute();
    }
    for (const [optionOrder, option] of draft.options.entries()) {
      const optionFields = {
        group_id: groupId,
        name: option.name,
        price_delta_cents: option.priceDeltaCents,
        available: option.available,
        sort_order: optionOrder,
      };
      if (option.id === undefined) {
        await trx.insertInto('options').values(optionFields).execute();
      } else {
        await trx.updateTable('options').set(optionFields).where('id', '=', option.id).execute();
      }
    }
  }
}
