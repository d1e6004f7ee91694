/**
 * Who may call what: no session or a dead one is UNAUTHORIZED, another
 * location's staff or the wrong role is FORBIDDEN, and a tracking link opens
 * exactly one order. Every refused call leaves the database as it was.
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
import { databaseState, refusal } from './support/refusals';
import { useTestDatabase } from './support/setup';

const t = useTestDatabase();

type Caller = ReturnType<typeof createCaller>;
type StaffKey = keyof Fixture['staff'];
interface Scene {
  f: Fixture;
  placed: { id: string; itemId: number };
  accepted: { id: string; itemId: number };
}

const SIGN_IN_AGAIN = 'Please sign in again: your session has ended.';
const NOT_HERE = 'You do not work at this location.';
const WRONG_LOGIN = 'The email or the password is wrong.';
const DAY_MS = 24 * 60 * 60 * 1000;

function withHeader(db: Kysely<Database>, authorization: string, now?: () => Date): Caller {
  return createCaller(createContext(testDeps(db, now), { req: { headers: { authorization } } }));
}

/** Signs in and keeps the raw token, to spoil it afterwards. */
async function session(db: Kysely<Database>, email: string) {
  const { token } = await guest(db).auth.login({ email, password: PASSWORD });
  return { token, caller: withHeader(db, `Bearer ${token}`) };
}

async function expectRefused(
  run: () => Promise<unknown>,
  code: TRPC_ERROR_CODE_KEY,
  message: string,
) {
  const before = await databaseState(t.db);
  const error = await refusal(run);
  expect({ code: error.code, message: error.message }).toEqual({ code, message });
  expect(error.status).toBeGreaterThanOrEqual(400);
  expect(error.status).toBeLessThan(500);
  expect(await databaseState(t.db)).toEqual(before);
  return error;
}

/** Each staff procedure with input that would succeed for a signed-in manager. */
const staffCalls: [string, (caller: Caller, s: Scene) => Promise<unknown>][] = [
  ['auth.me', (c) => c.auth.me()],
  ['auth.logout', (c) => c.auth.logout()],
  [
    'menu.setAvailability',
    (c, s) => c.menu.setAvailability({ itemId: s.f.items.burger, available: false }),
  ],
  ['kitchen.board', (c, s) => c.kitchen.board({ locationId: s.f.main.id })],
  [
    'kitchen.transition',
    (c, s) => c.kitchen.transition({ orderId: s.placed.id, expectedVersion: 1, to: 'accepted' }),
  ],
  [
    'kitchen.setItemStatus',
    (c, s) =>
      c.kitchen.setItemStatus({
        orderId: s.accepted.id,
        orderItemId: s.accepted.itemId,
        expectedVersion: 2,
        status: 'cooking',
      }),
  ],
];

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
    const first = (await guest(t.db).orders.place(pickupOrder(s.f))).order;
    const second = (await guest(t.db).orders.place(pickupOrder(s.f))).order;
    await manager.kitchen.transition({ orderId: second.id, expectedVersion: 1, to: 'accepted' });
    s.placed = { id: first.id, itemId: first.items[0]?.id ?? 0 };
    s.accepted = { id: second.id, itemId: second.items[0]?.id ?? 0 };
  });

  describe.each(deadSessions)('with %s', (_name, makeCaller) => {
    it.each(staffCalls)('%s is UNAUTHORIZED', async (_procedure, call) => {
      const caller = await makeCaller(t.db, s.f);
      await expectRefused(() => call(caller, s), 'UNAUTHORIZED', SIGN_IN_AGAIN);
    });
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
