/**
 * For tests only: valid menu editor inputs on the test fixture, and the bad
 * ones each `menuAdmin` procedure must refuse (server/test/bad-input.test.ts
 * runs them; access.test.ts and the junk seeds use the valid ones).
 */
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { PHOTO_MAX_BYTES, type ItemFieldsInput } from '@ticketrail/shared';
import type { Fixture } from '../../../test/support/fixture';
import type { Database } from '../../db/schema';
import { NOT_A_PHOTO } from './photos';

/** The ids a menu editor test works on: the main location's categories and the fixture's dishes. */
export interface MenuScene {
  locationId: number;
  otherLocationId: number;
  /** The fixture's "Mains": five dishes. */
  mains: number;
  /** An empty top-level category after Mains, "Drinks". */
  drinks: number;
  /** Mains's dishes in order. */
  dishes: number[];
  /** The other location's "Mains". */
  otherMains: number;
  burger: number;
  /** An option of another dish. */
  foreignOption: number;
}

/** A dish with one required choice, ready to save in `categoryId`. */
export function dishInput(
  categoryId: number,
  overrides: Partial<ItemFieldsInput> = {},
): ItemFieldsInput {
  return {
    categoryId,
    name: 'Fish and chips',
    description: 'Beer-battered hake',
    priceCents: 1450,
    station: 'fry',
    allergens: ['fish', 'gluten'],
    dietary: [],
    stock: null,
    available: true,
    hidden: false,
    optionGroups: [
      {
        name: 'Size',
        required: true,
        minSelect: 1,
        maxSelect: 1,
        options: [
          { name: 'Regular', priceDeltaCents: 0, available: true },
          { name: 'Large', priceDeltaCents: 300, available: true },
        ],
      },
    ],
    ...overrides,
  };
}

/** A small JPEG, as a phone's camera would send (smaller). */
export const samplePhoto = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#c0603a' } })
    .jpeg()
    .toBuffer();

/** The form the editor sends to `menuAdmin.uploadPhoto`. */
export function photoForm(itemId: number | null, bytes: Uint8Array | null): FormData {
  const form = new FormData();
  if (itemId !== null) form.append('itemId', String(itemId));
  if (bytes !== null) form.append('photo', new Blob([bytes], { type: 'image/jpeg' }), 'dish.jpg');
  return form;
}

type Code = TRPC_ERROR_CODE_KEY;
/** What is sent, the code expected, and words the message must contain. */
export type MenuCase = [name: string, input: (s: MenuScene) => unknown, code: Code, words: string];
type Row = Record<string, unknown>;

const TOO_BIG_ID = 2 ** 31;

const idCases = (key: string, unknown: string): [string, Row, Code, string][] => [
  [`no ${key}`, { [key]: undefined }, 'BAD_REQUEST', key],
  [`a ${key} as a string`, { [key]: '1' }, 'BAD_REQUEST', `${key}: An id is a whole number.`],
  [`a zero ${key}`, { [key]: 0 }, 'BAD_REQUEST', 'An id is a positive number.'],
  [`a ${key} above 2^31`, { [key]: TOO_BIG_ID }, 'BAD_REQUEST', 'That id is out of range.'],
  [`an unknown ${key}`, { [key]: 999_999 }, 'NOT_FOUND', unknown],
];

const NO_CATEGORY = 'There is no such category';
const NO_DISH = 'There is no such dish';
const STALE_LIST = 'The menu changed while you were reordering; reload it.';

const group = (overrides: Row = {}) => ({
  name: 'Sauce',
  required: false,
  minSelect: 0,
  maxSelect: 1,
  options: [{ name: 'Curry', priceDeltaCents: 50, available: true }],
  ...overrides,
});

/** A dish's fields, refused alike by createItem and updateItem. */
// prettier-ignore
const itemFieldCases: [string, (s: MenuScene) => Row, Code, string][] = [
  ['no name', () => ({ name: '  ' }), 'BAD_REQUEST', 'A dish needs a name.'],
  ['a name of 81 characters', () => ({ name: 'x'.repeat(81) }), 'BAD_REQUEST', 'at most 80 characters'],
  ['a control character', () => ({ name: 'Fish\u0000' }), 'BAD_REQUEST', 'Remove the control characters.'],
  ['a price as a string', () => ({ priceCents: '14.50' }), 'BAD_REQUEST', 'A price is a number.'],
  ['a price in euros', () => ({ priceCents: 14.5 }), 'BAD_REQUEST', 'A price is a whole number of cents.'],
  ['a negative price', () => ({ priceCents: -1 }), 'BAD_REQUEST', 'A price cannot be negative.'],
  ['a price of three zeros too many', () => ({ priceCents: 1_450_000 }), 'BAD_REQUEST', 'A price is at most 10,000.00.'],
  ['an unknown station', () => ({ station: 'wok' }), 'BAD_REQUEST', 'That is not one of the kitchen stations.'],
  ['an unknown allergen', () => ({ allergens: ['pollen'] }), 'BAD_REQUEST', 'That is not one of the 14 allergens.'],
  ['an allergen twice', () => ({ allergens: ['fish', 'fish'] }), 'BAD_REQUEST', 'Each of the 14 allergens is listed once.'],
  ['a negative stock', () => ({ stock: -1 }), 'BAD_REQUEST', 'Stock cannot be negative.'],
  ['a description of 501 characters', () => ({ description: 'x'.repeat(501) }), 'BAD_REQUEST', 'A description is at most 500 characters.'],
  ['a minimum above the maximum', () => ({ optionGroups: [group({ minSelect: 2, maxSelect: 1 })] }), 'BAD_REQUEST', 'The minimum cannot be more than the maximum.'],
  ['a maximum above the options', () => ({ optionGroups: [group({ maxSelect: 2 })] }), 'BAD_REQUEST', 'The maximum cannot be more than the number of options.'],
  ['a required choice with minimum 0', () => ({ optionGroups: [group({ required: true })] }), 'BAD_REQUEST', 'A required choice needs a minimum of at least 1.'],
  ['a choice without options', () => ({ optionGroups: [group({ options: [] })] }), 'BAD_REQUEST', 'A choice needs at least one option.'],
  ['two options of one name', () => ({ optionGroups: [group({ options: [{ name: 'Curry', priceDeltaCents: 0, available: true }, { name: 'curry', priceDeltaCents: 0, available: true }] })] }), 'BAD_REQUEST', 'Two options of a choice cannot have the same name.'],
  ['two choices of one name', () => ({ optionGroups: [group(), group()] }), 'BAD_REQUEST', 'Two choices of a dish cannot have the same name.'],
  ['eleven choices', () => ({ optionGroups: Array.from({ length: 11 }, (_, at) => group({ name: `Choice ${at}` })) }), 'BAD_REQUEST', 'A dish has at most 10 choices.'],
  ['an extra charge in euros', () => ({ optionGroups: [group({ options: [{ name: 'Curry', priceDeltaCents: 0.5, available: true }] })] }), 'BAD_REQUEST', 'An extra charge is a whole number of cents.'],
  ['an option of another dish', (s) => ({ optionGroups: [group({ options: [{ id: s.foreignOption, name: 'Curry', priceDeltaCents: 0, available: true }] })] }), 'BAD_REQUEST', "not this dish's any more"],
  ['an unknown category', () => ({ categoryId: 999_999 }), 'NOT_FOUND', NO_CATEGORY],
  ["another location's category", (s) => ({ categoryId: s.otherMains }), 'NOT_FOUND', NO_CATEGORY],
  ['the name of a dish in use', () => ({ name: 'Soup' }), 'CONFLICT', 'There is already a dish called “Soup” here.'],
  ['a client-sent id', () => ({ id: 1 }), 'BAD_REQUEST', 'Unrecognized key: "id"'],
];

const withBase = (
  base: (s: MenuScene) => Row,
  cases: [string, (s: MenuScene) => Row, Code, string][],
): MenuCase[] =>
  cases.map(([name, patch, code, words]) => [
    name,
    (s) => ({ ...base(s), ...patch(s) }),
    code,
    words,
  ]);

const fixed = (rows: [string, Row, Code, string][]): [string, () => Row, Code, string][] =>
  rows.map(([name, patch, code, words]) => [name, () => patch, code, words]);

const newItem = (s: MenuScene) => ({ locationId: s.locationId, ...dishInput(s.mains) });
const burgerUpdate = (s: MenuScene) => ({
  itemId: s.burger,
  version: 1,
  ...dishInput(s.mains, { name: 'Burger' }),
});
const newCategory = (s: MenuScene) => ({
  locationId: s.locationId,
  name: 'Desserts',
  parentId: null,
});
const mainsUpdate = (s: MenuScene) => ({
  categoryId: s.mains,
  version: 1,
  name: 'Mains',
  parentId: null,
  hidden: false,
});

// prettier-ignore
const locationCases: [string, Row, Code, string][] = [
  ['a location id as a string', { locationId: '1' }, 'BAD_REQUEST', 'locationId: An id is a whole number.'],
  ['an unknown location', { locationId: 999_999 }, 'FORBIDDEN', 'You do not work at this location.'],
];

// prettier-ignore
const versionCases: [string, Row, Code, string][] = [
  ['a version of 0', { version: 0 }, 'BAD_REQUEST', 'The version starts at 1.'],
  ['a version as a string', { version: '1' }, 'BAD_REQUEST', 'The version is a number.'],
];

// prettier-ignore
const listCases: [string, (s: MenuScene) => Row, Code, string][] = [
  ['an empty list', () => ({ orderedIds: [] }), 'BAD_REQUEST', 'Nothing to reorder.'],
  ['an id twice', (s) => ({ orderedIds: [s.mains, s.mains] }), 'BAD_REQUEST', 'Each one is listed once.'],
  ['ids as a string', () => ({ orderedIds: '1,2' }), 'BAD_REQUEST', 'orderedIds'],
];

/** Per procedure: bad inputs, each refused with a 4xx and changing nothing. */
// prettier-ignore
export const menuAdminBadInputs = {
  'menuAdmin.get': [
    ['no input', () => null, 'BAD_REQUEST', 'expected object'],
    ...withBase((s) => ({ locationId: s.locationId }), fixed(locationCases)),
  ],
  'menuAdmin.createCategory': withBase(newCategory, [
    ...fixed(locationCases),
    ['no name', () => ({ name: '' }), 'BAD_REQUEST', 'A category needs a name.'],
    ['a name of 61 characters', () => ({ name: 'x'.repeat(61) }), 'BAD_REQUEST', 'at most 60 characters'],
    ['no parent key', () => ({ parentId: undefined }), 'BAD_REQUEST', 'parentId'],
    ['an unknown parent', () => ({ parentId: 999_999 }), 'NOT_FOUND', NO_CATEGORY],
    ["another location's parent", (s) => ({ parentId: s.otherMains }), 'NOT_FOUND', NO_CATEGORY],
    ['the name of a category in use', () => ({ name: 'Drinks' }), 'CONFLICT', 'There is already a category called “Drinks” here.'],
  ]),
  'menuAdmin.updateCategory': withBase(mainsUpdate, [
    ...fixed(versionCases),
    ...fixed(idCases('categoryId', NO_CATEGORY)),
    ['a stale version', () => ({ version: 7 }), 'CONFLICT', 'Someone else changed this category since you opened it.'],
    ['itself as its parent', (s) => ({ parentId: s.mains }), 'BAD_REQUEST', 'A category cannot be inside itself.'],
    ['hidden as a string', () => ({ hidden: 'yes' }), 'BAD_REQUEST', 'Hidden is true or false.'],
    ['the name of a category in use', () => ({ name: 'Drinks' }), 'CONFLICT', 'There is already a category called “Drinks” here.'],
  ]),
  'menuAdmin.deleteCategory': [
    ...withBase((s) => ({ categoryId: s.drinks }), fixed(idCases('categoryId', NO_CATEGORY))),
    ['a category with dishes', (s) => ({ categoryId: s.mains }), 'BAD_REQUEST', 'Move or delete its 5 dishes first.'],
  ],
  'menuAdmin.reorderCategories': withBase((s) => ({ locationId: s.locationId, parentId: null, orderedIds: [s.drinks, s.mains] }), [
    ...fixed(locationCases),
    ...listCases,
    ['a list missing one', (s) => ({ orderedIds: [s.mains] }), 'BAD_REQUEST', STALE_LIST],
    ['an unknown parent', () => ({ parentId: 999_999 }), 'NOT_FOUND', NO_CATEGORY],
  ]),
  'menuAdmin.createItem': withBase(newItem, [...fixed(locationCases), ...itemFieldCases]),
  'menuAdmin.updateItem': withBase(burgerUpdate, [
    ...fixed(versionCases),
    ...fixed(idCases('itemId', NO_DISH)),
    ...itemFieldCases,
    ['a stale version', () => ({ version: 7 }), 'CONFLICT', 'Someone else saved this dish since you opened it.'],
  ]),
  'menuAdmin.deleteItem': withBase((s) => ({ itemId: s.burger }), fixed(idCases('itemId', NO_DISH))),
  'menuAdmin.reorderItems': withBase((s) => ({ categoryId: s.mains, orderedIds: s.dishes }), [
    ...fixed(idCases('categoryId', NO_CATEGORY)),
    ...listCases,
    ['a list missing one', (s) => ({ orderedIds: s.dishes.slice(1) }), 'BAD_REQUEST', STALE_LIST],
    ['a dish of another category', (s) => ({ orderedIds: [...s.dishes, 999_999] }), 'BAD_REQUEST', STALE_LIST],
  ]),
  'menuAdmin.removePhoto': withBase((s) => ({ itemId: s.burger }), fixed(idCases('itemId', NO_DISH))),
  'menuAdmin.uploadPhoto': [
    ['JSON instead of a form', (s) => ({ itemId: s.burger }), 'BAD_REQUEST', 'Send the photo as a form (multipart/form-data).'],
    ['no photo', (s) => photoForm(s.burger, null), 'BAD_REQUEST', 'Choose a photo to upload.'],
    ['an empty file', (s) => photoForm(s.burger, new Uint8Array()), 'BAD_REQUEST', 'Choose a photo to upload.'],
    ['no dish', () => photoForm(null, new Uint8Array([0xff, 0xd8, 0xff])), 'BAD_REQUEST', 'Say which dish the photo is of.'],
    ['a dish id that is not a number', () => { const form = photoForm(null, new Uint8Array([1])); form.append('itemId', 'burger'); return form; }, 'BAD_REQUEST', 'Say which dish the photo is of.'],
    ['a file over 5 MB', (s) => photoForm(s.burger, new Uint8Array(PHOTO_MAX_BYTES + 1)), 'BAD_REQUEST', 'A photo is at most 5 MB.'],
    ['text named .jpg', (s) => photoForm(s.burger, new TextEncoder().encode('not a photo at all')), 'BAD_REQUEST', NOT_A_PHOTO],
    ['an unknown dish', () => photoForm(999_999, new Uint8Array([0xff, 0xd8, 0xff])), 'NOT_FOUND', NO_DISH],
  ],
} satisfies Record<string, MenuCase[]>;

/** The scene on the test fixture: adds an empty "Drinks" after Mains at the main location. */
export async function buildMenuScene(db: Kysely<Database>, f: Fixture): Promise<MenuScene> {
  const categoryOf = async (itemId: number) =>
    (
      await db
        .selectFrom('menu_items')
        .select('category_id')
        .where('id', '=', itemId)
        .executeTakeFirstOrThrow()
    ).category_id;
  const mains = await categoryOf(f.items.burger);
  const drinks = await db
    .insertInto('menu_categories')
    .values({ location_id: f.main.id, parent_id: null, name: 'Drinks', sort_order: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dishes = await db
    .selectFrom('menu_items')
    .select('id')
    .where('category_id', '=', mains)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return {
    locationId: f.main.id,
    otherLocationId: f.other.id,
    mains,
    drinks: drinks.id,
    dishes: dishes.map((dish) => dish.id),
    otherMains: await categoryOf(f.items.otherBurger),
    burger: f.items.burger,
    foreignOption: f.options.foreign,
  };
}
