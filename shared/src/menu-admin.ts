/**
 * The back office's menu editor (issue 14): the inputs of the `menuAdmin`
 * procedures. The server parses with these and the editor's forms validate
 * with the same limits, so a manager sees the rule before saving.
 *
 * Edits carry the `version` the editor loaded: a save over someone else's
 * newer save is a CONFLICT, never a silent overwrite.
 */
import { z } from 'zod';
import { ALLERGENS, DIETARY_FLAGS, STATIONS } from './domain';
import { idSchema } from './schemas';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const noControls = (schema: z.ZodString) =>
  schema.refine((value) => !CONTROL_CHARACTERS.test(value), 'Remove the control characters.');

/** The version the editor loaded; the server's is newer if someone saved since. */
const versionSchema = z
  .number({ error: 'The version is a number.' })
  .int('The version is a whole number.')
  .min(1, 'The version starts at 1.');

export const MENU_NAME_MAX = 80;
export const MENU_DESCRIPTION_MAX = 500;
/** €10,000.00: no dish costs more; a typo of three zeros is caught. */
export const MAX_PRICE_CENTS = 1_000_000;
export const MAX_PRICE_DELTA_CENTS = 100_000;
export const MAX_STOCK = 100_000;
export const MAX_OPTION_GROUPS = 10;
export const MAX_OPTIONS_PER_GROUP = 30;

const named = (what: string, max: number) =>
  noControls(z.string({ error: `${what} needs a name.` }))
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, `${what} needs a name.`)
        .max(max, `${what}'s name is at most ${max} characters.`),
    );

export const categoryNameSchema = named('A category', 60);
export const itemNameSchema = named('A dish', MENU_NAME_MAX);

export const itemDescriptionSchema = noControls(
  z.string({ error: 'A description is text.' }).max(MENU_DESCRIPTION_MAX, {
    error: `A description is at most ${MENU_DESCRIPTION_MAX} characters.`,
  }),
).transform((value) => value.trim());

/** Integer cents: money is never a float here. */
export const priceCentsSchema = z
  .number({ error: 'A price is a number.' })
  .int('A price is a whole number of cents.')
  .min(0, 'A price cannot be negative.')
  .max(MAX_PRICE_CENTS, 'A price is at most 10,000.00.');

export const priceDeltaCentsSchema = z
  .number({ error: 'An extra charge is a number.' })
  .int('An extra charge is a whole number of cents.')
  .min(-MAX_PRICE_DELTA_CENTS, 'A discount is at most 1,000.00.')
  .max(MAX_PRICE_DELTA_CENTS, 'An extra charge is at most 1,000.00.');

/** null: not counted. A number: that many left, and 0 is sold out. */
export const stockSchema = z
  .number({ error: 'Stock is a number, or empty for "not counted".' })
  .int('Stock is a whole number.')
  .min(0, 'Stock cannot be negative.')
  .max(MAX_STOCK, `Stock is at most ${MAX_STOCK}.`)
  .nullable();

const distinct = <T extends string>(values: readonly [T, ...T[]], what: string) =>
  z
    .array(z.enum(values, { error: `That is not one of the ${what}.` }))
    .max(values.length)
    .refine((list) => new Set(list).size === list.length, `Each of the ${what} is listed once.`);

export const optionDraftSchema = z.strictObject({
  /** Absent for a new option; an existing option keeps its id. */
  id: idSchema.optional(),
  name: named('An option', 60),
  priceDeltaCents: priceDeltaCentsSchema,
  available: z.boolean({ error: 'Available is true or false.' }),
});

const selectCount = z
  .number({ error: 'A count is a number.' })
  .int('A count is a whole number.')
  .min(0, 'A count cannot be negative.')
  .max(MAX_OPTIONS_PER_GROUP, `A count is at most ${MAX_OPTIONS_PER_GROUP}.`);

export const optionGroupDraftSchema = z
  .strictObject({
    id: idSchema.optional(),
    name: named('A choice', 60),
    /** The guest must choose at least `minSelect` (≥ 1) before adding the dish. */
    required: z.boolean({ error: 'Required is true or false.' }),
    minSelect: selectCount,
    maxSelect: selectCount.min(1, 'A guest can choose at least one.'),
    options: z
      .array(optionDraftSchema)
      .min(1, 'A choice needs at least one option.')
      .max(MAX_OPTIONS_PER_GROUP, `A choice has at most ${MAX_OPTIONS_PER_GROUP} options.`),
  })
  .superRefine((group, context) => {
    if (group.minSelect > group.maxSelect) {
      context.addIssue({
        code: 'custom',
        path: ['minSelect'],
        message: 'The minimum cannot be more than the maximum.',
      });
    }
    if (group.maxSelect > group.options.length) {
      context.addIssue({
        code: 'custom',
        path: ['maxSelect'],
        message: 'The maximum cannot be more than the number of options.',
      });
    }
    if (group.required && group.minSelect < 1) {
      context.addIssue({
        code: 'custom',
        path: ['minSelect'],
        message: 'A required choice needs a minimum of at least 1.',
      });
    }
    const names = group.options.map((option) => option.name.toLowerCase());
    if (new Set(names).size !== names.length) {
      context.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'Two options of a choice cannot have the same name.',
      });
    }
  });

/** Everything a guest or a cook relies on, as the editor saves it (option groups in order). */
export const itemFieldsSchema = z.strictObject({
  categoryId: idSchema,
  name: itemNameSchema,
  description: itemDescriptionSchema,
  priceCents: priceCentsSchema,
  station: z.enum(STATIONS, { error: 'That is not one of the kitchen stations.' }),
  allergens: distinct(ALLERGENS, '14 allergens'),
  dietary: distinct(DIETARY_FLAGS, 'dietary flags'),
  stock: stockSchema,
  /** Off: 86'd, shown to guests as unavailable. */
  available: z.boolean({ error: 'Available is true or false.' }),
  /** Hidden: not on the guest menu at all (seasonal, not yet launched). */
  hidden: z.boolean({ error: 'Hidden is true or false.' }),
  optionGroups: z
    .array(optionGroupDraftSchema)
    .max(MAX_OPTION_GROUPS, `A dish has at most ${MAX_OPTION_GROUPS} choices.`)
    .refine(
      (groups) => new Set(groups.map((group) => group.name.toLowerCase())).size === groups.length,
      'Two choices of a dish cannot have the same name.',
    ),
});
export type ItemFields = z.infer<typeof itemFieldsSchema>;
export type ItemFieldsInput = z.input<typeof itemFieldsSchema>;

export const menuAdminGetInputSchema = z.strictObject({ locationId: idSchema });

export const categoryCreateInputSchema = z.strictObject({
  locationId: idSchema,
  name: categoryNameSchema,
  /** One level of nesting: a parent must itself be top-level. */
  parentId: idSchema.nullable(),
});

export const categoryUpdateInputSchema = z.strictObject({
  categoryId: idSchema,
  version: versionSchema,
  name: categoryNameSchema,
  parentId: idSchema.nullable(),
  hidden: z.boolean({ error: 'Hidden is true or false.' }),
});

export const categoryIdInputSchema = z.strictObject({ categoryId: idSchema });

export const itemCreateInputSchema = itemFieldsSchema.extend({ locationId: idSchema });

export const itemUpdateInputSchema = itemFieldsSchema.extend({
  itemId: idSchema,
  version: versionSchema,
  /**
   * The stock count the editor loaded. Orders take stock without touching the
   * dish's version (a busy service must not make every open form conflict),
   * so a save whose `stock` is still this one leaves the live count alone:
   * only a count the manager changed is written.
   */
  stockWas: stockSchema.optional(),
});

export const itemIdInputSchema = z.strictObject({ itemId: idSchema });

const orderedIds = z
  .array(idSchema)
  .min(1, 'Nothing to reorder.')
  .max(500, 'At most 500 at once.')
  .refine((ids) => new Set(ids).size === ids.length, 'Each one is listed once.');

/** The full new order of the categories under one parent (null: the top level). */
export const categoriesReorderInputSchema = z.strictObject({
  locationId: idSchema,
  parentId: idSchema.nullable(),
  orderedIds,
});

/** The full new order of one category's dishes. */
export const itemsReorderInputSchema = z.strictObject({
  categoryId: idSchema,
  orderedIds,
});

/** What an uploaded photo may be: checked by the editor before sending and by the server. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
