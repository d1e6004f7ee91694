/**
 * Every procedure, read from the router itself, and valid inputs to start
 * junk from. A procedure added to the router is fuzzed from the next run on,
 * and http.test.ts fails, naming it, until it has seeds of its own here (or
 * is listed in `takesNoInput`); a procedure taken out of the router fails it
 * until its seeds go too.
 */
import type { Kysely } from 'kysely';
import { buildAutomationScene, type AutomationScene } from '../../src/automation/test-rules';
import type { Database } from '../../src/db/schema';
import { guest, PASSWORD, pickupOrder, type Fixture } from '../support/fixture';
import { routerProcedures, type ProcedurePath, type RouterProcedure } from '../support/procedures';

export type Procedure = RouterProcedure;

export const procedures: readonly Procedure[] = routerProcedures;

/**
 * Procedures without an input parser. They get every other procedure's seeds
 * as junk (tRPC must ignore it); http.test.ts checks this list with the router.
 */
export const takesNoInput: readonly ProcedurePath[] = [
  'auth.me',
  'auth.logout',
  'menu.locations',
  'demo.welcome',
  'live.status',
];

/**
 * A mutation that takes no input does its work whatever junk comes along
 * (auth.logout ends the session). Sent with a valid session it would change
 * the database for a good reason, so it only ever goes without one.
 */
export const actsWithoutInput = (procedure: Procedure) =>
  procedure.type === 'mutation' && !procedure.takesInput;

/** Real staff sessions (bearer tokens), signed in through auth.login. */
export interface Sessions {
  kitchen: string;
  manager: string;
}

/** What the fixture holds, plus one placed order so order procedures reach real rows. */
export interface World {
  fixture: Fixture;
  order: { id: string; token: string; version: number; itemId: number };
  /** The kitchen account's id, for procedures that name a member of staff. */
  staffId: number;
  /** The main location's menu category and its dishes in order, for the menu editor. */
  menu: { mains: number; dishes: number[] };
  /** A rule at the main location and a failed run of it, for the automation procedures. */
  automation: AutomationScene;
}

export async function buildWorld(db: Kysely<Database>, fixture: Fixture): Promise<World> {
  const placed = await guest(db).orders.place(
    pickupOrder(fixture, {
      items: [
        { itemId: fixture.items.burger, quantity: 1, optionIds: [fixture.options.single] },
        { itemId: fixture.items.fries, quantity: 2, optionIds: [] },
      ],
    }),
  );
  const item = await db
    .selectFrom('order_items')
    .select('id')
    .where('order_id', '=', placed.order.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const staff = await db
    .selectFrom('staff')
    .select('id')
    .where('email', '=', fixture.staff.kitchen)
    .executeTakeFirstOrThrow();
  const dishes = await db
    .selectFrom('menu_items')
    .select(['id', 'category_id'])
    .where('location_id', '=', fixture.main.id)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  // After the order: the rule starts after the newest event, so it never acts on it.
  const automation = await buildAutomationScene(db, fixture);
  return {
    fixture,
    staffId: staff.id,
    automation,
    menu: {
      mains: dishes[0]?.category_id ?? 0,
      dishes: dishes.map((dish) => dish.id),
    },
    order: {
      id: placed.order.id,
      token: placed.trackingToken,
      version: placed.order.version,
      itemId: item.id,
    },
  };
}

/**
 * Valid inputs per procedure path, for every procedure that takes input: a
 * junk input is one of these, broken on purpose.
 */
export function seedsFor(world: World): Record<string, unknown[]> {
  const f = world.fixture;
  const o = world.order;
  const slug = f.main.slug;
  const line = { itemId: f.items.burger, quantity: 2, optionIds: [f.options.single] };
  const noted = { itemId: f.items.fries, quantity: 1, optionIds: [], notes: 'no salt' };
  const version = { orderId: o.id, expectedVersion: o.version };
  const place = { ...pickupOrder(f), notes: 'ring the bell', items: [line, noted] };
  return {
    'auth.login': [{ email: f.staff.manager, password: PASSWORD }],
    'menu.get': [{ locationSlug: slug }],
    'menu.table': [{ locationSlug: slug, tableSecret: f.table.secret }],
    'menu.live': [{ locationSlug: slug, lastEventId: null }],
    'menu.setAvailability': [{ itemId: f.items.burger, available: false }],
    'orders.quote': [{ locationSlug: slug, items: [line, noted] }],
    'orders.place': [
      place,
      { ...place, guest: { name: 'Aoife', phone: '+353 1 234 5678' } },
      { ...place, fulfilment: { type: 'delivery', address: '1 Quay Street' } },
      { ...place, fulfilment: { type: 'dine_in', tableSecret: f.table.secret } },
    ],
    'orders.track': [{ orderId: o.id, token: o.token }],
    'orders.live': [{ orderId: o.id, token: o.token, lastEventId: '0' }],
    'kitchen.board': [{ locationId: f.main.id }],
    'kitchen.live': [{ locationId: f.main.id, lastEventId: null }],
    'kitchen.transition': [{ ...version, to: 'accepted', reason: 'fuzz' }],
    'kitchen.recall': [version],
    'kitchen.bumpStation': [{ ...version, station: 'grill' }],
    'kitchen.updateSettings': [
      {
        locationId: f.main.id,
        settings: {
          warnAfterMinutes: 8,
          lateAfterMinutes: 15,
          recallWindowMinutes: 5,
          readyBoardCollectedSeconds: 60,
        },
      },
    ],
    'kitchen.setItemStatus': [{ ...version, orderItemId: o.itemId, status: 'cooking' }],
    'staff.deactivate': [{ staffId: world.staffId }],
    'staff.list': [{ locationId: f.main.id }],
    'staff.add': [
      {
        locationId: f.main.id,
        name: 'Nia Cook',
        email: 'nia@test.example',
        role: 'kitchen',
        password: 'long enough',
      },
    ],
    'staff.update': [
      { staffId: world.staffId, name: 'Cook', role: 'front_of_house' },
      { staffId: world.staffId, name: 'Cook', role: 'kitchen', locationIds: [f.main.id] },
    ],
    'staff.setPassword': [{ staffId: world.staffId, password: 'a new passphrase' }],
    'staff.reactivate': [{ staffId: world.staffId }],
    'auth.changePassword': [{ currentPassword: PASSWORD, newPassword: 'a new passphrase' }],
    'tables.list': [{ locationId: f.main.id }],
    'tables.add': [{ locationId: f.main.id, label: 'Terrace 1' }],
    'tables.rename': [{ tableId: f.table.id, label: 'Window 1' }],
    'tables.remove': [{ tableId: f.table.id }],
    'tables.newSecret': [{ tableId: f.table.id }],
    'settings.get': [{ locationId: f.main.id }],
    'settings.update': [
      { locationId: f.main.id, version: 1, values: { busyExtraMinutes: 10, prepMinutes: 25 } },
      {
        locationId: f.main.id,
        version: 1,
        values: {
          orderTypes: ['pickup'],
          openingHours: {
            mon: [{ opens: '12:00', closes: '22:00' }],
            tue: [],
            wed: [
              { opens: '12:00', closes: '15:00' },
              { opens: '17:00', closes: '02:00' },
            ],
            thu: [{ opens: '00:00', closes: '24:00' }],
            fri: [],
            sat: [],
            sun: [],
          },
          hoursExceptions: [{ date: '2026-12-25', hours: [], note: 'Christmas' }],
          currency: 'GBP',
          timezone: 'Europe/London',
        },
      },
    ],
    'settings.reset': [{ locationId: f.main.id, version: 1, keys: ['currency', 'timezone'] }],
    'board.get': [{ locationSlug: slug }],
    'board.live': [{ locationSlug: slug, lastEventId: null }],
    ...menuAdminSeeds(world),
    ...automationSeeds(world),
  } satisfies Partial<Record<ProcedurePath, unknown[]>>;
}

/** The menu editor's: a form upload cannot be sent as JSON, so its seed is what the form holds. */
function menuAdminSeeds(world: World) {
  const f = world.fixture;
  const { mains, dishes } = world.menu;
  const dish = {
    categoryId: mains,
    name: 'Fish and chips',
    description: 'Beer-battered hake',
    priceCents: 1450,
    station: 'fry',
    allergens: ['fish', 'gluten'],
    dietary: ['dairy_free'],
    stock: 20,
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
          { id: f.options.double, name: 'Large', priceDeltaCents: 300, available: true },
        ],
      },
    ],
  };
  return {
    'menuAdmin.get': [{ locationId: f.main.id }],
    'menuAdmin.createCategory': [{ locationId: f.main.id, name: 'Drinks', parentId: null }],
    'menuAdmin.updateCategory': [
      { categoryId: mains, version: 1, name: 'Big plates', parentId: null, hidden: true },
    ],
    'menuAdmin.deleteCategory': [{ categoryId: mains }],
    'menuAdmin.reorderCategories': [{ locationId: f.main.id, parentId: null, orderedIds: [mains] }],
    'menuAdmin.createItem': [{ locationId: f.main.id, ...dish, optionGroups: [] }],
    'menuAdmin.updateItem': [{ itemId: f.items.burger, version: 1, ...dish }],
    'menuAdmin.deleteItem': [{ itemId: f.items.soup }],
    'menuAdmin.reorderItems': [{ categoryId: mains, orderedIds: [...dishes].reverse() }],
    'menuAdmin.uploadPhoto': [{ itemId: f.items.burger, photo: 'not a file' }],
    'menuAdmin.removePhoto': [{ itemId: f.items.burger }],
  } satisfies Partial<Record<ProcedurePath, unknown[]>>;
}

/**
 * The automation editor's: a rule with groups in groups, every condition field
 * and every action, on a late ticket and on a status change.
 */
function automationSeeds(world: World) {
  const f = world.fixture;
  const { ruleId, failedRunId } = world.automation;
  const late = lateRule({ field: 'item', op: 'contains', value: f.items.burger });
  // A dish condition only where a junk call that got through changes nothing: the schema
  // takes a dish id past 2^31 (a BAD_NUMBER), and a rule naming it would be saved.
  const saved = lateRule({ field: 'station', op: 'contains', value: 'grill' });
  const ready = {
    name: 'Ready for pickup',
    enabled: false,
    trigger: { type: 'order.status', to: 'ready' },
    conditions: { match: 'any', conditions: [{ field: 'orderType', op: 'is', value: 'pickup' }] },
    actions: [
      { type: 'guestMessage', text: 'Your order is ready at the counter.' },
      { type: 'notice', text: 'Pickup ready' },
      { type: 'webhook', url: 'http://hooks.test.example/ready' },
    ],
  };
  return {
    'automation.list': [{ locationId: f.main.id }],
    'automation.create': [
      { locationId: f.main.id, rule: saved },
      { locationId: f.main.id, rule: ready },
    ],
    'automation.update': [
      { ruleId, version: 1, rule: saved },
      { ruleId, version: 1, rule: ready },
    ],
    'automation.delete': [{ ruleId }],
    'automation.rotateSecret': [{ ruleId }],
    'automation.dryRun': [
      { locationId: f.main.id, rule: late },
      { locationId: f.main.id, rule: ready },
    ],
    'automation.runs': [{ ruleId }, { ruleId, before: failedRunId + 1 }],
    'automation.retry': [{ runId: failedRunId }],
  } satisfies Partial<Record<ProcedurePath, unknown[]>>;
}

/** A late ticket: three levels of groups, a condition on every other field, every action. */
function lateRule(innermost: Record<string, unknown>) {
  return {
    name: 'Late big orders',
    enabled: true,
    trigger: { type: 'ticket.late', stage: 'placed', minutes: 12 },
    conditions: {
      match: 'all',
      conditions: [
        { field: 'orderType', op: 'isNot', value: 'delivery' },
        {
          match: 'any',
          conditions: [
            { field: 'total', op: 'gte', value: 5_000 },
            { field: 'guestCount', op: 'gt', value: 6 },
            {
              match: 'all',
              conditions: [innermost, { field: 'station', op: 'notContains', value: 'fry' }],
            },
          ],
        },
        { field: 'timeOfDay', op: 'between', value: { from: '22:00', to: '02:00' } },
        { field: 'weekday', op: 'in', value: ['fri', 'sat'] },
      ],
    },
    actions: [
      { type: 'webhook', url: 'https://hooks.test.example/late?k=1', timeoutMs: 5_000 },
      { type: 'notice', text: 'A big order is waiting', sound: false },
      { type: 'accept' },
      { type: 'rush' },
      { type: 'guestMessage', text: 'Sorry for the wait: it is on its way.' },
    ],
  };
}

/**
 * The seeds for one path. A path without its own (one that takes no input, or
 * one the seeds miss, which http.test.ts reports) gets all of them.
 */
export function seedsOf(seeds: Record<string, unknown[]>, path: string): unknown[] {
  return seeds[path] ?? Object.values(seeds).flat();
}
