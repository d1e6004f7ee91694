/**
 * Who may call what: no session or a dead one is UNAUTHORIZED, another
 * location's staff or the wrong role is FORBIDDEN, and a tracking link opens
 * exactly one order. Every refused call leaves the database as it was.
 *
 * The access matrix gives every procedure of the router its rule, and the
 * rule is tested both ways (who may, who may not); a procedure without a row
 * fails the suite by name.
 */
import { randomUUID } from 'node:crypto';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../src/context';
import type { Database } from '../src/db/schema';
import { hashToken } from '../src/tokens';
import { createCaller } from '../src/router';
import { backend } from './support/database';
import { PASSWORD, guest, pickupOrder, signedIn, testDeps, type Fixture } from './support/fixture';
import { pathProblems, type ProcedurePath } from './support/procedures';
import { databaseState, refusal } from './support/refusals';
import { useTestDatabase } from './support/setup';
import {
  buildMenuScene,
  dishInput,
  photoForm,
  samplePhoto,
  type MenuScene,
} from '../src/menu/admin/test-inputs';
import {
  buildAutomationScene,
  sampleRule,
  type AutomationScene,
} from '../src/automation/test-rules';

const t = useTestDatabase();

type Caller = ReturnType<typeof createCaller>;
type StaffKey = keyof Fixture['staff'];
interface SceneOrder {
  id: string;
  itemId: number;
  /** The tracking token from the order's link. */
  token: string;
}
interface Scene {
  f: Fixture;
  /** Version 1. */
  placed: SceneOrder;
  /** Version 2. */
  accepted: SceneOrder;
  /** Version 3, bumped to ready a moment ago: it can be recalled. */
  ready: SceneOrder;
  /** The front-of-house account, for a manager to deactivate. */
  fohId: number;
  /** The menu editor's categories and dishes (an empty "Drinks" added). */
  menu: MenuScene;
  /** A rule at the main location, and a failed run of it. */
  automation: AutomationScene;
}

const SIGN_IN_AGAIN = 'Please sign in again: your session has ended.';
const NOT_HERE = 'You do not work at this location.';
const WRONG_LOGIN = 'The email or the password is wrong.';
const NO_SUCH_ORDER = 'Order not found. Please check the tracking link.';
const MANAGERS_ONLY = 'Only a manager can do this.';
const DAY_MS = 24 * 60 * 60 * 1000;

function withHeader(db: Kysely<Database>, authorization: string, now?: () => Date): Caller {
  return createCaller(createContext(testDeps(db, now), { req: { headers: { authorization } } }));
}

/** Signs in and keeps the raw token, to spoil it afterwards. */
async function session(db: Kysely<Database>, email: string) {
  const { token } = await guest(db).auth.login({ email, password: PASSWORD });
  return { token, caller: withHeader(db, `Bearer ${token}`) };
}

/** `message` null: any words (the exact ones are checked where the case is written out). */
async function expectRefused(
  run: () => Promise<unknown>,
  code: TRPC_ERROR_CODE_KEY,
  message: string | null,
) {
  const before = await databaseState(t.db);
  const error = await refusal(run);
  expect({ code: error.code, message: error.message }).toEqual({
    code,
    message: message ?? error.message,
  });
  expect(error.status).toBeGreaterThanOrEqual(400);
  expect(error.status).toBeLessThan(500);
  expect(await databaseState(t.db)).toEqual(before);
  return error;
}

/** Resolves, or fails saying who was refused and with which words. */
async function expectAllowed(run: () => Promise<unknown>, who: string) {
  const outcome = await run().then(
    () => 'allowed',
    (error: unknown) => `refused: ${error instanceof Error ? error.message : String(error)}`,
  );
  expect(outcome, who).toBe('allowed');
}

type Call = (caller: Caller, s: Scene) => Promise<unknown>;

/** Who may call a procedure; the tests below check each rule both ways. */
type Rule =
  /** No session needed. */
  | { who: 'anyone' }
  /** Whoever holds the order's tracking link; staff too need the link. */
  | { who: 'the link' }
  /** Whoever holds the order's tracking link, or staff of the order's location. */
  | { who: 'the link or location staff' }
  /** Any signed-in account, any role, any location. */
  | { who: 'any staff' }
  /**
   * Signed-in staff of the location the call is about (roles narrow some of
   * these further: see forbiddenCases). Another location's staff get
   * `elsewhere`: FORBIDDEN for a location they name, NOT_FOUND for an order or
   * item they cannot tell from a missing one.
   */
  | { who: 'location staff'; elsewhere: 'FORBIDDEN' | 'NOT_FOUND' }
  /** Signed-in managers only. */
  | { who: 'a manager' };

type Access = Rule & { call: Call };

const SETTINGS = {
  warnAfterMinutes: 8,
  lateAfterMinutes: 15,
  recallWindowMinutes: 5,
  readyBoardCollectedSeconds: 60,
};

/**
 * The access matrix: every procedure of the router (checked below), who may
 * call it, and a call that succeeds for them on the scene.
 */
// prettier-ignore
const access: Record<ProcedurePath, Access> = {
  'auth.login': { who: 'anyone', call: (c, s) => c.auth.login({ email: s.f.staff.kitchen, password: PASSWORD }) },
  'auth.me': { who: 'any staff', call: (c) => c.auth.me() },
  'auth.logout': { who: 'any staff', call: (c) => c.auth.logout() },
  'auth.changePassword': { who: 'any staff', call: (c) => c.auth.changePassword({ currentPassword: PASSWORD, newPassword: 'a new passphrase' }) },
  'menu.locations': { who: 'anyone', call: (c) => c.menu.locations() },
  'menu.get': { who: 'anyone', call: (c, s) => c.menu.get({ locationSlug: s.f.main.slug }) },
  'menu.table': { who: 'anyone', call: (c, s) => c.menu.table({ locationSlug: s.f.main.slug, tableSecret: s.f.table.secret }) },
  'menu.live': { who: 'anyone', call: (c, s) => c.menu.live({ locationSlug: s.f.main.slug, lastEventId: null }) },
  'menu.setAvailability': { who: 'location staff', elsewhere: 'NOT_FOUND', call: (c, s) => c.menu.setAvailability({ itemId: s.f.items.burger, available: false }) },
  'orders.quote': { who: 'anyone', call: (c, s) => c.orders.quote({ locationSlug: s.f.main.slug, items: pickupOrder(s.f).items }) },
  'orders.place': { who: 'anyone', call: (c, s) => c.orders.place(pickupOrder(s.f)) },
  'orders.track': { who: 'the link', call: (c, s) => c.orders.track({ orderId: s.placed.id, token: s.placed.token }) },
  'orders.live': { who: 'the link or location staff', call: (c, s) => c.orders.live({ orderId: s.placed.id, token: s.placed.token, lastEventId: null }) },
  'kitchen.board': { who: 'location staff', elsewhere: 'FORBIDDEN', call: (c, s) => c.kitchen.board({ locationId: s.f.main.id }) },
  'kitchen.live': { who: 'location staff', elsewhere: 'FORBIDDEN', call: (c, s) => c.kitchen.live({ locationId: s.f.main.id, lastEventId: null }) },
  'kitchen.transition': { who: 'location staff', elsewhere: 'NOT_FOUND', call: (c, s) => c.kitchen.transition({ orderId: s.placed.id, expectedVersion: 1, to: 'accepted' }) },
  'kitchen.recall': { who: 'location staff', elsewhere: 'NOT_FOUND', call: (c, s) => c.kitchen.recall({ orderId: s.ready.id, expectedVersion: 3 }) },
  'kitchen.bumpStation': { who: 'location staff', elsewhere: 'NOT_FOUND', call: (c, s) => c.kitchen.bumpStation({ orderId: s.accepted.id, expectedVersion: 2, station: 'grill' }) },
  'kitchen.setItemStatus': { who: 'location staff', elsewhere: 'NOT_FOUND', call: (c, s) => c.kitchen.setItemStatus({ orderId: s.accepted.id, orderItemId: s.accepted.itemId, expectedVersion: 2, status: 'cooking' }) },
  'kitchen.updateSettings': { who: 'a manager', call: (c, s) => c.kitchen.updateSettings({ locationId: s.f.main.id, settings: SETTINGS }) },
  'board.get': { who: 'anyone', call: (c, s) => c.board.get({ locationSlug: s.f.main.slug }) },
  'board.live': { who: 'anyone', call: (c, s) => c.board.live({ locationSlug: s.f.main.slug, lastEventId: null }) },
  'demo.welcome': { who: 'anyone', call: (c) => c.demo.welcome() },
  'staff.deactivate': { who: 'a manager', call: (c, s) => c.staff.deactivate({ staffId: s.fohId }) },
  'staff.list': { who: 'a manager', call: (c, s) => c.staff.list({ locationId: s.f.main.id }) },
  'staff.add': { who: 'a manager', call: (c, s) => c.staff.add({ locationId: s.f.main.id, name: 'Nia', email: 'nia@test.example', role: 'kitchen', password: 'long enough' }) },
  'staff.update': { who: 'a manager', call: (c, s) => c.staff.update({ staffId: s.fohId, name: 'Front', role: 'kitchen' }) },
  'staff.setPassword': { who: 'a manager', call: (c, s) => c.staff.setPassword({ staffId: s.fohId, password: 'long enough' }) },
  'staff.reactivate': { who: 'a manager', call: (c, s) => c.staff.reactivate({ staffId: s.fohId }) },
  'tables.list': { who: 'a manager', call: (c, s) => c.tables.list({ locationId: s.f.main.id }) },
  'tables.add': { who: 'a manager', call: (c, s) => c.tables.add({ locationId: s.f.main.id, label: 'Terrace 1' }) },
  'tables.rename': { who: 'a manager', call: (c, s) => c.tables.rename({ tableId: s.f.table.id, label: 'Window 1' }) },
  'tables.remove': { who: 'a manager', call: (c, s) => c.tables.remove({ tableId: s.f.table.id }) },
  'tables.newSecret': { who: 'a manager', call: (c, s) => c.tables.newSecret({ tableId: s.f.table.id }) },
  'menuAdmin.get': { who: 'a manager', call: (c, s) => c.menuAdmin.get({ locationId: s.f.main.id }) },
  'menuAdmin.createCategory': { who: 'a manager', call: (c, s) => c.menuAdmin.createCategory({ locationId: s.f.main.id, name: 'Desserts', parentId: s.menu.drinks }) },
  'menuAdmin.updateCategory': { who: 'a manager', call: (c, s) => c.menuAdmin.updateCategory({ categoryId: s.menu.mains, version: 1, name: 'Big plates', parentId: null, hidden: false }) },
  'menuAdmin.deleteCategory': { who: 'a manager', call: (c, s) => c.menuAdmin.deleteCategory({ categoryId: s.menu.drinks }) },
  'menuAdmin.reorderCategories': { who: 'a manager', call: (c, s) => c.menuAdmin.reorderCategories({ locationId: s.f.main.id, parentId: null, orderedIds: [s.menu.drinks, s.menu.mains] }) },
  'menuAdmin.createItem': { who: 'a manager', call: (c, s) => c.menuAdmin.createItem({ locationId: s.f.main.id, ...dishInput(s.menu.mains) }) },
  'menuAdmin.updateItem': { who: 'a manager', call: (c, s) => c.menuAdmin.updateItem({ itemId: s.f.items.fries, version: 1, ...dishInput(s.menu.mains, { name: 'Fries' }) }) },
  'menuAdmin.deleteItem': { who: 'a manager', call: (c, s) => c.menuAdmin.deleteItem({ itemId: s.f.items.soup }) },
  'menuAdmin.reorderItems': { who: 'a manager', call: (c, s) => c.menuAdmin.reorderItems({ categoryId: s.menu.mains, orderedIds: [...s.menu.dishes].reverse() }) },
  'menuAdmin.uploadPhoto': { who: 'a manager', call: async (c, s) => c.menuAdmin.uploadPhoto(photoForm(s.f.items.burger, await samplePhoto())) },
  'menuAdmin.removePhoto': { who: 'a manager', call: (c, s) => c.menuAdmin.removePhoto({ itemId: s.f.items.burger }) },
  'automation.list': { who: 'a manager', call: (c, s) => c.automation.list({ locationId: s.f.main.id }) },
  'automation.create': { who: 'a manager', call: (c, s) => c.automation.create({ locationId: s.f.main.id, rule: sampleRule() }) },
  'automation.update': { who: 'a manager', call: (c, s) => c.automation.update({ ruleId: s.automation.ruleId, version: 1, rule: sampleRule({ enabled: false }) }) },
  'automation.delete': { who: 'a manager', call: (c, s) => c.automation.delete({ ruleId: s.automation.ruleId }) },
  'automation.rotateSecret': { who: 'a manager', call: (c, s) => c.automation.rotateSecret({ ruleId: s.automation.ruleId }) },
  'automation.dryRun': { who: 'a manager', call: (c, s) => c.automation.dryRun({ locationId: s.f.main.id, rule: sampleRule() }) },
  'automation.runs': { who: 'a manager', call: (c, s) => c.automation.runs({ ruleId: s.automation.ruleId }) },
  'automation.retry': { who: 'a manager', call: (c, s) => c.automation.retry({ runId: s.automation.failedRunId }) },
  'settings.get': { who: 'a manager', call: (c, s) => c.settings.get({ locationId: s.f.main.id }) },
  'settings.update': { who: 'a manager', call: (c, s) => c.settings.update({ locationId: s.f.main.id, version: 1, values: { busyExtraMinutes: 10 } }) },
  'settings.reset': { who: 'a manager', call: (c, s) => c.settings.reset({ locationId: s.f.main.id, version: 1, keys: ['currency'] }) },
  'live.status': { who: 'anyone', call: (c) => c.live.status() },
};

/** The matrix's rows under the given rules, as `[path, row]`. */
function rowsOf<Who extends Rule['who']>(...who: Who[]) {
  return Object.entries(access).filter((row): row is [string, Extract<Access, { who: Who }>] =>
    who.some((rule) => rule === row[1].who),
  );
}

/** The scene with the placed order's link swapped for another order's. */
const withAnotherOrdersLink = (s: Scene): Scene => ({
  ...s,
  placed: { ...s.placed, token: s.accepted.token },
});

/** Ways of calling without a live session; each spoils a fresh manager session. */
const deadSessions: [string, (db: Kysely<Database>, f: Fixture) => Promise<Caller>][] = [
  ['no session', async (db) => guest(db)],
  ['a garbage token', async (db) => withHeader(db, 'Bearer nope')],
  ['a token that is not a bearer token', async (db) => withHeader(db, 'Basic bWFuYWdlcjpwdw==')],
  [
    'an expired session',
    async (db, f) => {
      const { token, caller } = await session(db, f.staff.manager);
      await db
        .updateTable('staff_sessions')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('token_hash', '=', hashToken(token))
        .execute();
      return caller;
    },
  ],
  [
    'a session that logged out',
    async (db, f) => {
      const { caller } = await session(db, f.staff.manager);
      await caller.auth.logout();
      return caller;
    },
  ],
  [
    'the session of a deactivated account',
    async (db, f) => {
      const { caller } = await session(db, f.staff.manager);
      await db
        .updateTable('staff')
        .set({ active: false })
        .where('email', '=', f.staff.manager)
        .execute();
      return caller;
    },
  ],
];

/** Everyone refused for who they are, with the words they are told. */
// prettier-ignore
const forbiddenCases: [string, StaffKey, (c: Caller, s: Scene) => Promise<unknown>, string][] = [
  ['another location’s kitchen reads the board', 'otherKitchen', (c, s) => c.kitchen.board({ locationId: s.f.main.id }), NOT_HERE],
  ['the main kitchen reads the other location’s board', 'kitchen', (c, s) => c.kitchen.board({ locationId: s.f.other.id }), NOT_HERE],
  ['front of house marks an item', 'foh', (c, s) => c.kitchen.setItemStatus({ orderId: s.accepted.id, orderItemId: s.accepted.itemId, expectedVersion: 2, status: 'cooking' }), 'A front-of-house account cannot mark items.'],
  ['front of house 86es an item', 'foh', (c, s) => c.menu.setAvailability({ itemId: s.f.items.burger, available: false }), 'A front-of-house account cannot change what is available.'],
  ['front of house accepts an order', 'foh', (c, s) => c.kitchen.transition({ orderId: s.placed.id, expectedVersion: 1, to: 'accepted' }), 'A front-of-house account cannot accept orders.'],
  ['front of house bumps a placed order', 'foh', (c, s) => c.kitchen.transition({ orderId: s.placed.id, expectedVersion: 1, to: 'accepted' }), 'A front-of-house account cannot accept orders.'],
  ['front of house bumps an accepted order', 'foh', (c, s) => c.kitchen.transition({ orderId: s.accepted.id, expectedVersion: 2, to: 'preparing' }), 'A front-of-house account cannot start orders.'],
  ['front of house rejects an order', 'foh', (c, s) => c.kitchen.transition({ orderId: s.placed.id, expectedVersion: 1, to: 'rejected' }), 'A front-of-house account cannot reject orders.'],
  ['the kitchen cancels a placed order', 'kitchen', (c, s) => c.kitchen.transition({ orderId: s.placed.id, expectedVersion: 1, to: 'cancelled' }), 'A kitchen account cannot cancel orders.'],
  ['the kitchen cancels an accepted order', 'kitchen', (c, s) => c.kitchen.transition({ orderId: s.accepted.id, expectedVersion: 2, to: 'cancelled', reason: 'x' }), 'A kitchen account cannot cancel orders.'],
];

/** The ids a refused call names: the real ones of another location, or ones that exist nowhere. */
interface Target {
  placed: string;
  accepted: string;
  acceptedItem: number;
  menuItem: number;
}

/**
 * Another location's orders and items answer exactly like ids that exist
 * nowhere (NOT_FOUND, same words): staff cannot probe what other locations
 * hold, or in which state.
 */
// prettier-ignore
const unknownElsewhere: [string, StaffKey, (c: Caller, target: Target) => Promise<unknown>][] = [
  ['another location’s kitchen accepts an order', 'otherKitchen', (c, x) => c.kitchen.transition({ orderId: x.placed, expectedVersion: 1, to: 'accepted' })],
  ['another location’s kitchen uses a stale version', 'otherKitchen', (c, x) => c.kitchen.transition({ orderId: x.placed, expectedVersion: 9, to: 'rejected' })],
  ['another location’s kitchen bumps an order', 'otherKitchen', (c, x) => c.kitchen.transition({ orderId: x.accepted, expectedVersion: 2, to: 'ready' })],
  ['another location’s kitchen recalls an order', 'otherKitchen', (c, x) => c.kitchen.recall({ orderId: x.accepted, expectedVersion: 2 })],
  ['another location’s kitchen bumps a station', 'otherKitchen', (c, x) => c.kitchen.bumpStation({ orderId: x.accepted, expectedVersion: 2, station: 'grill' })],
  ['another location’s kitchen marks an item', 'otherKitchen', (c, x) => c.kitchen.setItemStatus({ orderId: x.accepted, orderItemId: x.acceptedItem, expectedVersion: 2, status: 'done' })],
  ['another location’s kitchen 86es an item', 'otherKitchen', (c, x) => c.menu.setAvailability({ itemId: x.menuItem, available: false })],
];

describe(`access (${backend})`, () => {
  const s = {} as Scene;
  beforeEach(async () => {
    s.f = t.fixture;
    const manager = await signedIn(t.db, s.f.staff.manager);
    const place = async (): Promise<SceneOrder> => {
      const { order, trackingToken } = await guest(t.db).orders.place(pickupOrder(s.f));
      return { id: order.id, itemId: order.items[0]?.id ?? 0, token: trackingToken };
    };
    s.placed = await place();
    s.accepted = await place();
    s.ready = await place();
    const accept = (orderId: string) =>
      manager.kitchen.transition({ orderId, expectedVersion: 1, to: 'accepted' });
    await accept(s.accepted.id);
    await accept(s.ready.id);
    await manager.kitchen.transition({ orderId: s.ready.id, expectedVersion: 2, to: 'ready' });
    const foh = await t.db
      .selectFrom('staff')
      .select('id')
      .where('email', '=', s.f.staff.foh)
      .executeTakeFirstOrThrow();
    s.fohId = foh.id;
    s.menu = await buildMenuScene(t.db, s.f);
    s.automation = await buildAutomationScene(t.db, s.f);
  });

  describe('the access matrix', () => {
    it('has a row for every procedure of the router, and for no other', () => {
      expect(pathProblems('the access matrix (access.test.ts)', Object.keys(access))).toEqual([]);
    });

    it.each(rowsOf('anyone'))('%s: anyone may call it, without a session', async (_p, row) => {
      await expectAllowed(() => row.call(guest(t.db), s), 'a guest');
    });

    it.each(rowsOf('the link', 'the link or location staff'))(
      '%s: the order’s link opens it, another order’s link is NOT_FOUND',
      async (_p, row) => {
        await expectRefused(
          () => row.call(guest(t.db), withAnotherOrdersLink(s)),
          'NOT_FOUND',
          NO_SUCH_ORDER,
        );
        await expectAllowed(() => row.call(guest(t.db), s), 'a guest with the link');
      },
    );

    it.each(rowsOf('the link'))(
      '%s: staff of the order’s location need its link too',
      async (_p, row) => {
        const kitchen = await signedIn(t.db, s.f.staff.kitchen);
        const call = () => row.call(kitchen, withAnotherOrdersLink(s));
        await expectRefused(call, 'NOT_FOUND', NO_SUCH_ORDER);
      },
    );

    it.each(rowsOf('the link or location staff'))(
      '%s: staff of the order’s location need no link, another location’s staff do',
      async (_p, row) => {
        const other = await signedIn(t.db, s.f.staff.otherKitchen);
        const kitchen = await signedIn(t.db, s.f.staff.kitchen);
        await expectRefused(
          () => row.call(other, withAnotherOrdersLink(s)),
          'NOT_FOUND',
          NO_SUCH_ORDER,
        );
        await expectAllowed(() => row.call(kitchen, withAnotherOrdersLink(s)), 'the kitchen');
      },
    );

    it.each(rowsOf('any staff'))(
      '%s: every account may call it, whatever its role and location',
      async (_p, row) => {
        for (const who of ['manager', 'kitchen', 'foh', 'otherKitchen'] as const) {
          const caller = await signedIn(t.db, s.f.staff[who]);
          await expectAllowed(() => row.call(caller, s), who);
        }
      },
    );

    it.each(rowsOf('location staff'))(
      '%s: staff of the location may call it, another location’s staff may not',
      async (_p, row) => {
        const other = await signedIn(t.db, s.f.staff.otherKitchen);
        const kitchen = await signedIn(t.db, s.f.staff.kitchen);
        await expectRefused(() => row.call(other, s), row.elsewhere, null);
        await expectAllowed(() => row.call(kitchen, s), 'the kitchen');
      },
    );

    it.each(rowsOf('a manager'))(
      '%s: a manager may call it, a kitchen account is FORBIDDEN',
      async (_p, row) => {
        const kitchen = await signedIn(t.db, s.f.staff.kitchen);
        const manager = await signedIn(t.db, s.f.staff.manager);
        await expectRefused(() => row.call(kitchen, s), 'FORBIDDEN', MANAGERS_ONLY);
        await expectAllowed(() => row.call(manager, s), 'a manager');
      },
    );
  });

  describe.each(deadSessions)('with %s', (_name, makeCaller) => {
    it.each(rowsOf('any staff', 'location staff', 'a manager'))(
      '%s is UNAUTHORIZED',
      async (_procedure, row) => {
        const caller = await makeCaller(t.db, s.f);
        await expectRefused(() => row.call(caller, s), 'UNAUTHORIZED', SIGN_IN_AGAIN);
      },
    );
  });

  it('a session ends after its lifetime, judged by the server’s clock', async () => {
    const { token } = await session(t.db, s.f.staff.kitchen);
    const later = withHeader(t.db, `Bearer ${token}`, () => new Date(Date.now() + 15 * DAY_MS));
    await expectRefused(() => later.auth.me(), 'UNAUTHORIZED', SIGN_IN_AGAIN);
    const sooner = withHeader(t.db, `Bearer ${token}`, () => new Date(Date.now() + 13 * DAY_MS));
    expect((await sooner.auth.me()).email).toBe(s.f.staff.kitchen);
  });

  it('logging out ends that session only', async () => {
    const tablet = await session(t.db, s.f.staff.kitchen);
    const phone = await session(t.db, s.f.staff.kitchen);
    expect(await tablet.caller.auth.logout()).toEqual({ ok: true });
    await expectRefused(() => tablet.caller.auth.me(), 'UNAUTHORIZED', SIGN_IN_AGAIN);
    expect((await phone.caller.auth.me()).email).toBe(s.f.staff.kitchen);
  });

  it.each(forbiddenCases)('FORBIDDEN: %s', async (_name, who, call, message) => {
    const caller = await signedIn(t.db, s.f.staff[who]);
    await expectRefused(() => call(caller, s), 'FORBIDDEN', message);
  });

  it.each(unknownElsewhere)(
    'NOT_FOUND, as for an id that exists nowhere: %s',
    async (_name, who, call) => {
      const caller = await signedIn(t.db, s.f.staff[who]);
      const real: Target = {
        placed: s.placed.id,
        accepted: s.accepted.id,
        acceptedItem: s.accepted.itemId,
        menuItem: s.f.items.burger,
      };
      const nowhere: Target = {
        placed: randomUUID(),
        accepted: randomUUID(),
        acceptedItem: 999_999,
        menuItem: 999_999,
      };
      const before = await databaseState(t.db);
      const theirs = await refusal(() => call(caller, real));
      const missing = await refusal(() => call(caller, nowhere));
      expect(theirs.code).toBe('NOT_FOUND');
      expect([theirs.code, theirs.message]).toEqual([
        missing.code,
        missing.message.replace(String(nowhere.menuItem), String(real.menuItem)),
      ]);
      expect(await databaseState(t.db)).toEqual(before);
    },
  );

  it('the main kitchen cannot tell the other location’s items from missing ones', async () => {
    const kitchen = await signedIn(t.db, s.f.staff.kitchen);
    const theirs = await refusal(() =>
      kitchen.menu.setAvailability({ itemId: s.f.items.otherBurger, available: false }),
    );
    const missing = await refusal(() =>
      kitchen.menu.setAvailability({ itemId: 999_999, available: false }),
    );
    expect([theirs.code, theirs.message]).toEqual([
      missing.code,
      missing.message.replace('999999', String(s.f.items.otherBurger)),
    ]);
  });

  it('another location’s kitchen cannot see the main location’s orders', async () => {
    const other = await signedIn(t.db, s.f.staff.otherKitchen);
    const me = await other.auth.me();
    expect(me.locations.map((location) => location.slug)).toEqual([s.f.other.slug]);
    const board = await other.kitchen.board({ locationId: s.f.other.id });
    expect(board).toMatchObject({ locationId: s.f.other.id, tickets: [], lastEventId: 0 });
  });

  it.each(['rejected', 'cancelled'] as const)(
    'another location’s kitchen cannot learn that a main order is %s by bumping it',
    async (status) => {
      const manager = await signedIn(t.db, s.f.staff.manager);
      await manager.kitchen.transition({ orderId: s.placed.id, expectedVersion: 1, to: status });
      const other = await signedIn(t.db, s.f.staff.otherKitchen);
      const bump = () =>
        other.kitchen.transition({ orderId: s.placed.id, expectedVersion: 2, to: 'accepted' });
      const error = await expectRefused(bump, 'NOT_FOUND', 'Order not found.');
      expect(error.message).not.toContain(status);
    },
  );

  it('front of house may cancel and the kitchen may work the order it may not cancel', async () => {
    const foh = await signedIn(t.db, s.f.staff.foh);
    const kitchen = await signedIn(t.db, s.f.staff.kitchen);
    const { id, itemId } = s.accepted;
    const cooking = await kitchen.kitchen.setItemStatus({
      orderId: id,
      orderItemId: itemId,
      expectedVersion: 2,
      status: 'cooking',
    });
    expect(cooking).toMatchObject({ status: 'preparing', version: 3 });
    const cancelled = await foh.kitchen.transition({
      orderId: id,
      expectedVersion: 3,
      to: 'cancelled',
      reason: 'Guest left',
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      version: 4,
      cancelReason: 'Guest left',
    });
  });

  it('a manager may do everything at both locations', async () => {
    const manager = await signedIn(t.db, s.f.staff.manager);
    const menus = [
      { location: s.f.main, item: s.f.items.fries, cart: pickupOrder(s.f) },
      {
        location: s.f.other,
        item: s.f.items.otherBurger,
        cart: pickupOrder(s.f, {
          locationSlug: s.f.other.slug,
          items: [{ itemId: s.f.items.otherBurger, quantity: 1, optionIds: [s.f.options.foreign] }],
        }),
      },
    ];
    for (const { location, item, cart } of menus) {
      const { order } = await guest(t.db).orders.place(cart);
      const board = await manager.kitchen.board({ locationId: location.id });
      expect(board.tickets.map((ticket) => ticket.id)).toContain(order.id);
      await manager.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });
      const line = { orderId: order.id, orderItemId: order.items[0]?.id ?? 0 };
      await manager.kitchen.setItemStatus({ ...line, expectedVersion: 2, status: 'cooking' });
      const ready = await manager.kitchen.setItemStatus({
        ...line,
        expectedVersion: 3,
        status: 'done',
      });
      expect(ready.status).toBe('ready');
      const done = await manager.kitchen.transition({
        orderId: order.id,
        expectedVersion: 4,
        to: 'completed',
      });
      expect(done.status).toBe('completed');

      const second = (await guest(t.db).orders.place({ ...cart, idempotencyKey: randomUUID() }))
        .order;
      const third = (await guest(t.db).orders.place({ ...cart, idempotencyKey: randomUUID() }))
        .order;
      const move = (orderId: string, to: 'rejected' | 'cancelled') =>
        manager.kitchen.transition({ orderId, expectedVersion: 1, to });
      expect((await move(second.id, 'rejected')).status).toBe('rejected');
      expect((await move(third.id, 'cancelled')).status).toBe('cancelled');

      await manager.menu.setAvailability({ itemId: item, available: false });
      const back = await manager.menu.setAvailability({ itemId: item, available: true });
      expect(back).toMatchObject({ itemId: item, available: true });
    }
  });

  it('a tracking link opens its own order only, and every miss reads the same', async () => {
    const a = await guest(t.db).orders.place(pickupOrder(s.f, { guest: { name: 'Aoife' } }));
    const b = await guest(t.db).orders.place(pickupOrder(s.f, { guest: { name: 'Brendan' } }));
    const track = (orderId: string, token: string) => () =>
      guest(t.db).orders.track({ orderId, token });
    expect((await track(a.order.id, a.trackingToken)()).order.id).toBe(a.order.id);

    const message = 'Order not found. Please check the tracking link.';
    const misses = [
      await expectRefused(track(a.order.id, b.trackingToken), 'NOT_FOUND', message),
      await expectRefused(track(a.order.id, 'A'.repeat(43)), 'NOT_FOUND', message),
      await expectRefused(track(randomUUID(), a.trackingToken), 'NOT_FOUND', message),
    ];
    for (const miss of misses) {
      expect(miss.data).toMatchObject({ issues: null, problems: null });
      for (const secret of [a.order.id, a.order.displayNumber, 'Aoife', 'Brendan', 'placed']) {
        expect(miss.message).not.toContain(secret);
      }
    }
  });

  it('a wrong password, an unknown email and a deactivated account are refused alike', async () => {
    await t.db
      .updateTable('staff')
      .set({ active: false })
      .where('email', '=', s.f.staff.foh)
      .execute();
    const login = (email: string, password: string) => () =>
      guest(t.db).auth.login({ email, password });
    await expectRefused(login(s.f.staff.kitchen, 'wrong password'), 'UNAUTHORIZED', WRONG_LOGIN);
    await expectRefused(login('nobody@test.example', PASSWORD), 'UNAUTHORIZED', WRONG_LOGIN);
    await expectRefused(login(s.f.staff.foh, PASSWORD), 'UNAUTHORIZED', WRONG_LOGIN);
    const { staff } = await guest(t.db).auth.login({
      email: s.f.staff.kitchen,
      password: PASSWORD,
    });
    expect(staff.email).toBe(s.f.staff.kitchen);
  });
});
