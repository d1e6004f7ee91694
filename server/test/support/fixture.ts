/**
 * A small, fully known restaurant for tests: two locations, a menu with every
 * kind of option rule and counted stock, and a staff member per role. Each
 * test starts from it (`resetFixture` truncates first).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { createContext, type AppDeps } from '../../src/context';
import { createRealtime, type Realtime } from '../../src/live';
import { MemoryBus } from '../../src/live/memory-bus';
import { createLocationOverrides } from '../../src/settings/stored';
import { hashPassword } from '../../src/staff/passwords';
import { createCaller } from '../../src/router';
import type { PlaceOrderInput, StaffRole } from '@ticketrail/shared';
import { randomUUID } from 'node:crypto';

export const PASSWORD = 'correct horse battery staple';

export interface Fixture {
  main: { id: number; slug: string };
  other: { id: number; slug: string };
  table: { id: number; secret: string };
  otherTable: { id: number; secret: string };
  items: {
    burger: number;
    fries: number;
    soup: number;
    /** Counted: 5 portions. */
    special: number;
    /** Not available. */
    salad: number;
    /** At the other location. */
    otherBurger: number;
  };
  options: {
    single: number;
    double: number;
    bacon: number;
    cheese: number;
    egg: number;
    avocado: number;
    /** Belongs to the other location's burger. */
    foreign: number;
  };
  staff: Record<'manager' | 'kitchen' | 'foh' | 'otherKitchen', string>;
}

const TABLES = [
  'automation_runs',
  'automation_timers',
  'automation_cursors',
  'automation_rules',
  'location_settings',
  'installation_settings',
  'event_rooms',
  'events',
  'order_items',
  'orders',
  'order_counters',
  'staff_sessions',
  'staff_locations',
  'staff',
  'options',
  'option_groups',
  'menu_items',
  'menu_categories',
  'retired_table_secrets',
  'tables',
  'locations',
] as const satisfies (keyof Database)[];
type TableName = (typeof TABLES)[number];

let passwordHash: Promise<string> | null = null;

export async function resetFixture(db: Kysely<Database>): Promise<Fixture> {
  await sql`truncate ${sql.join(TABLES.map((table) => sql.id(table)))} restart identity cascade`.execute(
    db,
  );
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;

  const location = async (slug: string, name: string) => {
    const { id } = await db
      .insertInto('locations')
      .values({ slug, name })
      .returning('id')
      .executeTakeFirstOrThrow();
    await createLocationOverrides(db, id, { timezone: 'Europe/Dublin', currency: 'EUR' });
    return id;
  };
  const mainId = await location('testa', 'Test Kitchen A');
  const otherId = await location('testb', 'Test Kitchen B');

  const table = async (locationId: number, label: string, secret: string) =>
    (
      await db
        .insertInto('tables')
        .values({ location_id: locationId, label, secret })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const category = async (locationId: number, name: string) =>
    (
      await db
        .insertInto('menu_categories')
        .values({ location_id: locationId, parent_id: null, name, sort_order: 0 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const mains = await category(mainId, 'Mains');
  const otherMains = await category(otherId, 'Mains');

  const item = async (
    locationId: number,
    categoryId: number,
    name: string,
    priceCents: number,
    extra: { station?: 'grill' | 'fry' | 'cold' | 'hot'; stock?: number; available?: boolean } = {},
  ) =>
    (
      await db
        .insertInto('menu_items')
        .values({
          location_id: locationId,
          category_id: categoryId,
          name,
          description: '',
          price_cents: priceCents,
          station: extra.station ?? 'grill',
          allergens: name === 'Burger' ? ['gluten', 'milk'] : [],
          dietary: [],
          available: extra.available ?? true,
          stock: extra.stock ?? null,
          sort_order: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const group = async (
    itemId: number,
    name: string,
    rule: { required: boolean; min: number; max: number },
    options: [string, number][],
  ) => {
    const { id } = await db
      .insertInto('option_groups')
      .values({
        item_id: itemId,
        name,
        required: rule.required,
        min_select: rule.min,
        max_select: rule.max,
        sort_order: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids: number[] = [];
    for (const [optionName, delta] of options) {
      const row = await db
        .insertInto('options')
        .values({
          group_id: id,
          name: optionName,
          price_delta_cents: delta,
          sort_order: ids.length,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    return ids;
  };

  const burger = await item(mainId, mains, 'Burger', 1200);
  const [single, double] = await group(burger, 'Patty', { required: true, min: 1, max: 1 }, [
    ['Single', 0],
    ['Double', 350],
  ]);
  const [bacon, cheese, egg, avocado] = await group(
    burger,
    'Extras',
    { required: false, min: 0, max: 3 },
    [
      ['Bacon', 200],
      ['Cheese', 100],
      ['Egg', 150],
      ['Avocado', 250],
    ],
  );
  const fries = await item(mainId, mains, 'Fries', 450, { station: 'fry' });
  const soup = await item(mainId, mains, 'Soup', 650, { station: 'hot' });
  const special = await item(mainId, mains, 'Special', 1800, { stock: 5 });
  const salad = await item(mainId, mains, 'Salad', 900, { station: 'cold', available: false });
  const otherBurger = await item(otherId, otherMains, 'Burger', 1300);
  const [foreign] = await group(otherBurger, 'Patty', { required: true, min: 1, max: 1 }, [
    ['Single', 0],
  ]);

  const staff = async (email: string, role: StaffRole, locationIds: number[]) => {
    const { id } = await db
      .insertInto('staff')
      .values({ email, name: email.split('@')[0] ?? email, role, password_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const locationId of locationIds) {
      await db
        .insertInto('staff_locations')
        .values({ staff_id: id, location_id: locationId })
        .execute();
    }
    return email;
  };

  const defined = (value: number | undefined) => {
    if (value === undefined) throw new Error('fixture option missing');
    return value;
  };

  return {
    main: { id: mainId, slug: 'testa' },
    other: { id: otherId, slug: 'testb' },
    table: {
      id: await table(mainId, 'Table 1', 'table-one-secret-abc'),
      secret: 'table-one-secret-abc',
    },
    otherTable: {
      id: await table(otherId, 'Table 1', 'table-b-one-secret-xyz'),
      secret: 'table-b-one-secret-xyz',
    },
    items: { burger, fries, soup, special, salad, otherBurger },
    options: {
      single: defined(single),
      double: defined(double),
      bacon: defined(bacon),
      cheese: defined(cheese),
      egg: defined(egg),
      avocado: defined(avocado),
      foreign: defined(foreign),
    },
    staff: {
      manager: await staff('manager@test.example', 'manager', [mainId, otherId]),
      kitchen: await staff('kitchen@test.example', 'kitchen', [mainId]),
      foh: await staff('foh@test.example', 'front_of_house', [mainId]),
      otherKitchen: await staff('kitchen-b@test.example', 'kitchen', [otherId]),
    },
  };
}

const realtimes = new WeakMap<Kysely<Database>, Realtime>();

/** The app's dependencies for a test database: the database and an in-process live layer. */
export function testDeps(db: Kysely<Database>, now?: () => Date): AppDeps {
  let realtime = realtimes.get(db);
  if (!realtime) {
    realtime = createRealtime(db, new MemoryBus(), { sweepMs: 0, log: () => {} });
    realtimes.set(db, realtime);
  }
  return now ? { db, realtime, now } : { db, realtime };
}

/** A caller with no session: what a guest's phone can do. */
export function guest(db: Kysely<Database>) {
  return createCaller(createContext(testDeps(db)));
}

/** Signs in through the real login procedure and returns a caller holding the session. */
export async function signedIn(db: Kysely<Database>, email: string) {
  const { token } = await guest(db).auth.login({ email, password: PASSWORD });
  return createCaller(
    createContext(testDeps(db), { req: { headers: { authorization: `Bearer ${token}` } } }),
  );
}

/** A valid pickup order for one burger, with a fresh idempotency key. */
export function pickupOrder(
  fixture: Fixture,
  overrides: Partial<PlaceOrderInput> = {},
): PlaceOrderInput {
  return {
    locationSlug: fixture.main.slug,
    idempotencyKey: randomUUID(),
    guest: { name: 'Aoife' },
    fulfilment: { type: 'pickup' },
    items: [{ itemId: fixture.items.burger, quantity: 1, optionIds: [fixture.options.single] }],
    ...overrides,
  };
}

/** Row counts of every table: a request that fails must leave them all unchanged. */
export async function tableCounts(db: Kysely<Database>): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}
