/**
 * Bad input on every procedure: each is refused with a 4xx, the right code and
 * words a person can act on, and the database is left exactly as it was.
 * Every procedure of the router that takes input has cases here (checked
 * against the router at the end), and those that take none are listed so.
 */
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocationOverridesQuietly } from '../src/settings/stored';
import { backend } from './support/database';
import { guest, PASSWORD, pickupOrder, signedIn, type Fixture } from './support/fixture';
import { RefusedInputs } from './support/procedures';
import { databaseState, refusal } from './support/refusals';
import { useTestDatabase } from './support/setup';
import { buildMenuScene, menuAdminBadInputs } from '../src/menu/admin/test-inputs';
import {
  buildAutomationScene,
  sampleRule,
  type AutomationScene,
} from '../src/automation/test-rules';
import type { AutomationRunStatus } from '../src/db/schema';

const t = useTestDatabase();
/** What the tests below refuse, per procedure; `it.each(refused.cases(path, cases))` records it. */
const refused = new RefusedInputs('bad-input.test.ts');
refused.takeNoInput('auth.me', 'auth.logout', 'menu.locations', 'demo.welcome', 'live.status');

type Code = TRPC_ERROR_CODE_KEY;
type Row = Record<string, unknown>;
/** A table row: what is sent, the code expected, words the message must contain (null: any). */
type Case<Input> = [name: string, input: Input, code: Code, words: string | null];

/** Sends a value the types would not allow, as any client over HTTP can. */
const bad = (value: unknown) => value as never;
const UNKNOWN_UUID = '6f1c2f6e-8f0e-4f43-9a5e-3c1d2b7a9e10';
const TOO_BIG_ID = 2 ** 31;
const TOKEN = 'x'.repeat(43);
/** Postgres text cannot hold U+0000. */
const NUL = 'Ao\u0000ife';

async function expectRefused(run: () => Promise<unknown>, code: Code, words: string | null) {
  const before = await databaseState(t.db);
  const error = await refusal(run);
  const seen = `${error.code} ${error.status}: ${error.message} (cause: ${error.cause})`;
  expect(error.status, seen).toBeGreaterThanOrEqual(400);
  expect(error.status, seen).toBeLessThan(500);
  expect(error.code, seen).toBe(code);
  if (words !== null) expect(error.message).toContain(words);
  if (error.issues) expect(error.issues.length).toBeGreaterThan(0);
  if (code === 'UNPROCESSABLE_CONTENT') expect(error.problems?.length).toBeGreaterThan(0);
  expect(await databaseState(t.db)).toEqual(before);
  return error;
}

const burger = (f: Fixture, optionIds = [f.options.single], quantity = 1) => ({
  itemId: f.items.burger,
  quantity,
  optionIds,
});
const fries = (f: Fixture, extra: Row = {}) => ({ itemId: f.items.fries, quantity: 1, ...extra });
const special = (f: Fixture, quantity: number) => ({ itemId: f.items.special, quantity });

/** Carts refused the same way by orders.quote and orders.place. */
// prettier-ignore
const cartCases: Case<(f: Fixture) => unknown>[] = [
  ['a quantity as a string', (f) => [fries(f, { quantity: '2' })], 'BAD_REQUEST', 'items[0].quantity: A quantity is a number.'],
  ['a null quantity', (f) => [fries(f, { quantity: null })], 'BAD_REQUEST', 'A quantity is a number.'],
  ['a missing quantity', (f) => [{ itemId: f.items.fries }], 'BAD_REQUEST', 'items[0].quantity'],
  ['a zero quantity', (f) => [fries(f, { quantity: 0 })], 'BAD_REQUEST', 'A quantity is at least 1.'],
  ['a negative quantity', (f) => [fries(f, { quantity: -3 })], 'BAD_REQUEST', 'A quantity is at least 1.'],
  ['a fractional quantity', (f) => [fries(f, { quantity: 1.5 })], 'BAD_REQUEST', 'A quantity is a whole number.'],
  ['a quantity of 100', (f) => [fries(f, { quantity: 100 })], 'BAD_REQUEST', 'At most 99 of one item per line.'],
  ['a huge quantity', (f) => [fries(f, { quantity: 1e308 })], 'BAD_REQUEST', 'items[0].quantity'],
  ['an item id as a string', (f) => [fries(f, { itemId: String(f.items.fries) })], 'BAD_REQUEST', 'items[0].itemId: An id is a whole number.'],
  ['an item id above 2^31', (f) => [fries(f, { itemId: TOO_BIG_ID })], 'BAD_REQUEST', 'That id is out of range.'],
  ['a negative item id', (f) => [fries(f, { itemId: -1 })], 'BAD_REQUEST', 'An id is a positive number.'],
  ['option ids as a string', (f) => [fries(f, { optionIds: 'single' })], 'BAD_REQUEST', 'items[0].optionIds'],
  ['null option ids', (f) => [fries(f, { optionIds: null })], 'BAD_REQUEST', 'items[0].optionIds'],
  ['an option id above 2^31', (f) => [burger(f, [TOO_BIG_ID])], 'BAD_REQUEST', 'items[0].optionIds[0]: That id is out of range.'],
  ['31 option ids', (f) => [burger(f, Array<number>(31).fill(f.options.single))], 'BAD_REQUEST', 'Too many options on one item.'],
  ['an overlong line note', (f) => [fries(f, { notes: 'x'.repeat(201) })], 'BAD_REQUEST', 'A note is at most 200 characters.'],
  ['a line that is null', () => [null], 'BAD_REQUEST', 'items[0]'],
  ['an empty cart', () => [], 'BAD_REQUEST', 'The cart is empty.'],
  ['51 lines', (f) => Array<unknown>(51).fill(fries(f)), 'BAD_REQUEST', 'A cart holds at most 50 lines.'],
  ['a client-sent price', (f) => [fries(f, { price: 1 })], 'BAD_REQUEST', 'items[0]: Unrecognized key: "price"'],
  ['a client-sent unitPriceCents', (f) => [fries(f, { unitPriceCents: 1 })], 'BAD_REQUEST', 'Unrecognized key: "unitPriceCents"'],
  ['a client-sent lineTotalCents', (f) => [fries(f, { lineTotalCents: 1 })], 'BAD_REQUEST', 'Unrecognized key: "lineTotalCents"'],
  ['an unknown item', () => [{ itemId: 999_999, quantity: 1 }], 'UNPROCESSABLE_CONTENT', 'Item 999999 is not on this menu.'],
  ['an item of the other location', (f) => [{ itemId: f.items.otherBurger, quantity: 1, optionIds: [f.options.foreign] }], 'UNPROCESSABLE_CONTENT', 'is not on this menu.'],
  ['an unavailable item', (f) => [{ itemId: f.items.salad, quantity: 1 }], 'UNPROCESSABLE_CONTENT', 'Salad is not available right now.'],
  ['more than the stock', (f) => [special(f, 6)], 'UNPROCESSABLE_CONTENT', 'Only 5 Special left; the cart has 6.'],
  ['more than the stock over two lines', (f) => [special(f, 3), special(f, 3)], 'UNPROCESSABLE_CONTENT', 'Only 5 Special left; the cart has 6.'],
  ['a missing required option', (f) => [burger(f, [])], 'UNPROCESSABLE_CONTENT', 'Choose a patty for Burger.'],
  ['two patties', (f) => [burger(f, [f.options.single, f.options.double])], 'UNPROCESSABLE_CONTENT', 'Choose at most 1 patty for Burger.'],
  ['four extras', (f) => [burger(f, [f.options.single, f.options.bacon, f.options.cheese, f.options.egg, f.options.avocado])], 'UNPROCESSABLE_CONTENT', 'Choose at most 3 extras for Burger.'],
  ['an option chosen twice', (f) => [burger(f, [f.options.single, f.options.bacon, f.options.bacon])], 'UNPROCESSABLE_CONTENT', 'Bacon is chosen twice for Burger.'],
  ['an option of the other location', (f) => [burger(f, [f.options.single, f.options.foreign])], 'UNPROCESSABLE_CONTENT', 'is not a choice for Burger.'],
  ['an option of another item', (f) => [fries(f, { optionIds: [f.options.bacon] })], 'UNPROCESSABLE_CONTENT', 'is not a choice for Fries.'],
  ['an unknown option', (f) => [burger(f, [f.options.single, 999_999])], 'UNPROCESSABLE_CONTENT', 'Option 999999 is not a choice for Burger.'],
  // 50 lines × 99 × (12.00 + 3.50 + 2.00 + 1.50 + 2.50) = 106,425.00 > the 100,000.00 maximum.
  ['a total above the maximum', (f) => Array<unknown>(50).fill(burger(f, [f.options.double, f.options.bacon, f.options.egg, f.options.avocado], 99)), 'UNPROCESSABLE_CONTENT', 'too large to take online'],
];

// prettier-ignore
const quoteCases: Case<(items: unknown) => unknown>[] = [
  ['no input', () => null, 'BAD_REQUEST', 'expected object'],
  ['no items', () => ({ locationSlug: 'testa' }), 'BAD_REQUEST', 'items'],
  ['items as a string', () => ({ locationSlug: 'testa', items: 'burger' }), 'BAD_REQUEST', 'items: '],
  ['a slug with capitals', (items) => ({ locationSlug: 'TestA', items }), 'BAD_REQUEST', 'lowercase letters'],
  ['an overlong slug', (items) => ({ locationSlug: 'a'.repeat(65), items }), 'BAD_REQUEST', 'at most 64'],
  ['a slug as a number', (items) => ({ locationSlug: 7, items }), 'BAD_REQUEST', 'locationSlug'],
  ['a client-sent total', (items) => ({ locationSlug: 'testa', items, totalCents: 1 }), 'BAD_REQUEST', 'Unrecognized key: "totalCents"'],
];

/** Changes to a valid pickup order; null sends no input at all. */
// prettier-ignore
const placeCases: Case<(f: Fixture) => Row | null>[] = [
  ['no input', () => null, 'BAD_REQUEST', 'expected object'],
  ['no guest', () => ({ guest: undefined }), 'BAD_REQUEST', 'guest'],
  ['an empty name', () => ({ guest: { name: '' } }), 'BAD_REQUEST', 'guest.name: Please give a name for the order.'],
  ['a blank name', () => ({ guest: { name: '   ' } }), 'BAD_REQUEST', 'Please give a name for the order.'],
  ['a name as a number', () => ({ guest: { name: 42 } }), 'BAD_REQUEST', 'guest.name'],
  ['an overlong name', () => ({ guest: { name: 'x'.repeat(61) } }), 'BAD_REQUEST', 'A name is at most 60 characters.'],
  ['a bad phone', () => ({ guest: { name: 'A', phone: 'call me' } }), 'BAD_REQUEST', 'does not look like a phone number'],
  ['no fulfilment', () => ({ fulfilment: undefined }), 'BAD_REQUEST', 'Choose dine in, pickup or delivery.'],
  ['an unknown fulfilment', () => ({ fulfilment: { type: 'drone' } }), 'BAD_REQUEST', 'Choose dine in, pickup or delivery.'],
  ['a delivery without address', () => ({ fulfilment: { type: 'delivery' } }), 'BAD_REQUEST', 'Please give a delivery address.'],
  ['an overlong address', () => ({ fulfilment: { type: 'delivery', address: 'x'.repeat(301) } }), 'BAD_REQUEST', 'An address is at most 300 characters.'],
  ['a short table secret', () => ({ fulfilment: { type: 'dine_in', tableSecret: 'abc' } }), 'BAD_REQUEST', 'That table link is not valid.'],
  ['an overlong table secret', () => ({ fulfilment: { type: 'dine_in', tableSecret: 'x'.repeat(101) } }), 'BAD_REQUEST', 'fulfilment.tableSecret'],
  ['an unknown table secret', () => ({ fulfilment: { type: 'dine_in', tableSecret: 'no-such-table-secret' } }), 'BAD_REQUEST', 'That table code is not valid here.'],
  ['the other location’s table', (f) => ({ fulfilment: { type: 'dine_in', tableSecret: f.otherTable.secret } }), 'BAD_REQUEST', 'That table code is not valid here.'],
  ['a short order key', () => ({ idempotencyKey: 'abc' }), 'BAD_REQUEST', 'The order key must be at least 16 characters.'],
  ['an overlong order key', () => ({ idempotencyKey: 'k'.repeat(101) }), 'BAD_REQUEST', 'The order key must be at most 100 characters.'],
  ['an order key with spaces', () => ({ idempotencyKey: 'not a good key at all' }), 'BAD_REQUEST', 'only letters, digits'],
  ['an order key as a number', () => ({ idempotencyKey: 1234567890123456 }), 'BAD_REQUEST', 'idempotencyKey'],
  ['an overlong order note', () => ({ notes: 'x'.repeat(201) }), 'BAD_REQUEST', 'notes: A note is at most 200 characters.'],
  ['a client-sent total', () => ({ totalCents: 1 }), 'BAD_REQUEST', 'Unrecognized key: "totalCents"'],
  ['a client-sent fee', () => ({ fulfilment: { type: 'pickup', priceCents: 0 } }), 'BAD_REQUEST', 'Unrecognized key: "priceCents"'],
  ['a client-sent guest price', () => ({ guest: { name: 'A', price: 0 } }), 'BAD_REQUEST', 'Unrecognized key: "price"'],
  ['a NUL byte in the name', () => ({ guest: { name: NUL } }), 'BAD_REQUEST', 'guest.name'],
  ['a NUL byte in the order note', () => ({ notes: NUL }), 'BAD_REQUEST', 'notes'],
  ['a NUL byte in a line note', (f) => ({ items: [fries(f, { notes: NUL })] }), 'BAD_REQUEST', 'items[0].notes'],
  ['a NUL byte in the address', () => ({ fulfilment: { type: 'delivery', address: `1 ${NUL} St` } }), 'BAD_REQUEST', 'fulfilment.address'],
  ['a NUL byte in the table secret', () => ({ fulfilment: { type: 'dine_in', tableSecret: `table-${NUL}` } }), 'BAD_REQUEST', 'table'],
];

// prettier-ignore
const trackCases: Case<unknown>[] = [
  ['no input', null, 'BAD_REQUEST', 'expected object'],
  ['an order id that is no uuid', { orderId: 'abc', token: TOKEN }, 'BAD_REQUEST', 'orderId: That is not an order id.'],
  ['an order id as a number', { orderId: 42, token: TOKEN }, 'BAD_REQUEST', 'That is not an order id.'],
  ['no token', { orderId: UNKNOWN_UUID }, 'BAD_REQUEST', 'token'],
  ['a short token', { orderId: UNKNOWN_UUID, token: 'abc' }, 'BAD_REQUEST', 'That tracking link is incomplete.'],
  ['an overlong token', { orderId: UNKNOWN_UUID, token: 'x'.repeat(201) }, 'BAD_REQUEST', 'That tracking link is not valid.'],
  ['an extra key', { orderId: UNKNOWN_UUID, token: TOKEN, status: 'ready' }, 'BAD_REQUEST', 'Unrecognized key: "status"'],
  ['an unknown order', { orderId: UNKNOWN_UUID, token: TOKEN }, 'NOT_FOUND', 'Order not found.'],
];

const EMAIL = 'kitchen@test.example';
// prettier-ignore
const loginCases: Case<unknown>[] = [
  ['no input', null, 'BAD_REQUEST', 'expected object'],
  ['an email as a number', { email: 42, password: 'x' }, 'BAD_REQUEST', 'email: That is not an email address.'],
  ['an email that is none', { email: 'kitchen', password: 'x' }, 'BAD_REQUEST', 'That is not an email address.'],
  ['an overlong email', { email: `${'a'.repeat(200)}@test.example`, password: 'x' }, 'BAD_REQUEST', 'email'],
  ['no password', { email: EMAIL }, 'BAD_REQUEST', 'password'],
  ['an empty password', { email: EMAIL, password: '' }, 'BAD_REQUEST', 'Please enter the password.'],
  ['an overlong password', { email: EMAIL, password: 'p'.repeat(201) }, 'BAD_REQUEST', 'password'],
  ['a password as an array', { email: EMAIL, password: ['x'] }, 'BAD_REQUEST', 'password'],
  ['an extra key', { email: EMAIL, password: 'x', role: 'manager' }, 'BAD_REQUEST', 'Unrecognized key: "role"'],
];

// prettier-ignore
const menuCases: Case<unknown>[] = [
  ['no input', null, 'BAD_REQUEST', 'expected object'],
  ['no slug', {}, 'BAD_REQUEST', 'locationSlug'],
  ['a slug as a number', { locationSlug: 1 }, 'BAD_REQUEST', 'locationSlug'],
  ['a slug with symbols', { locationSlug: 'test a!' }, 'BAD_REQUEST', 'only lowercase letters, digits and dashes'],
  ['an overlong slug', { locationSlug: 'a'.repeat(65) }, 'BAD_REQUEST', 'A location name in a link is at most 64 characters.'],
  ['an extra key', { locationSlug: 'testa', all: true }, 'BAD_REQUEST', 'Unrecognized key: "all"'],
  ['an unknown slug', { locationSlug: 'nowhere' }, 'NOT_FOUND', 'There is no restaurant at “nowhere”.'],
];

// prettier-ignore
const tableCases: Case<(f: Fixture) => unknown>[] = [
  ['no input', () => null, 'BAD_REQUEST', 'expected object'],
  ['no table secret', (f) => ({ locationSlug: f.main.slug }), 'BAD_REQUEST', 'tableSecret'],
  ['a short table secret', (f) => ({ locationSlug: f.main.slug, tableSecret: 'abc' }), 'BAD_REQUEST', 'tableSecret: That table link is not valid.'],
  ['a table secret with spaces', (f) => ({ locationSlug: f.main.slug, tableSecret: 'table one secret' }), 'BAD_REQUEST', 'That table link is not valid.'],
  ['a table secret as a number', (f) => ({ locationSlug: f.main.slug, tableSecret: 12345678 }), 'BAD_REQUEST', 'That table link is not valid.'],
  ['a slug with capitals', (f) => ({ locationSlug: 'TestA', tableSecret: f.table.secret }), 'BAD_REQUEST', 'lowercase letters'],
  ['an extra key', (f) => ({ locationSlug: f.main.slug, tableSecret: f.table.secret, tableId: f.table.id }), 'BAD_REQUEST', 'Unrecognized key: "tableId"'],
  ['an unknown slug', (f) => ({ locationSlug: 'nowhere', tableSecret: f.table.secret }), 'NOT_FOUND', 'There is no restaurant at “nowhere”.'],
  ['an unknown table secret', (f) => ({ locationSlug: f.main.slug, tableSecret: 'no-such-table-secret' }), 'NOT_FOUND', 'That table code is not valid here.'],
  ['the other location’s table', (f) => ({ locationSlug: f.main.slug, tableSecret: f.otherTable.secret }), 'NOT_FOUND', 'That table code is not valid here.'],
];

/** Subscriptions to a location's room by its slug: menu.live and board.live. */
// prettier-ignore
const locationLiveCases: Case<unknown>[] = [
  ['no input', null, 'BAD_REQUEST', 'expected object'],
  ['no slug', { lastEventId: null }, 'BAD_REQUEST', 'locationSlug'],
  ['a slug with capitals', { locationSlug: 'TestA', lastEventId: null }, 'BAD_REQUEST', 'lowercase letters'],
  ['an event id as a number', { locationSlug: 'testa', lastEventId: 5 }, 'BAD_REQUEST', 'lastEventId'],
  ['an event id that is no number', { locationSlug: 'testa', lastEventId: 'latest' }, 'BAD_REQUEST', 'lastEventId: That is not an event id.'],
  ['a negative event id', { locationSlug: 'testa', lastEventId: '-1' }, 'BAD_REQUEST', 'That is not an event id.'],
  ['an event id of 16 digits', { locationSlug: 'testa', lastEventId: '1'.repeat(16) }, 'BAD_REQUEST', 'That is not an event id.'],
  ['an extra key', { locationSlug: 'testa', lastEventId: null, room: 'kitchen:1' }, 'BAD_REQUEST', 'Unrecognized key: "room"'],
  ['an unknown slug', { locationSlug: 'nowhere', lastEventId: null }, 'NOT_FOUND', 'There is no restaurant at “nowhere”.'],
];

// prettier-ignore
const orderLiveCases: Case<unknown>[] = [
  ['no input', null, 'BAD_REQUEST', 'expected object'],
  ['an order id that is no uuid', { orderId: 'abc', token: TOKEN }, 'BAD_REQUEST', 'orderId: That is not an order id.'],
  ['no order id', { token: TOKEN }, 'BAD_REQUEST', 'orderId'],
  ['a short token', { orderId: UNKNOWN_UUID, token: 'abc' }, 'BAD_REQUEST', 'token: That tracking link is incomplete.'],
  ['a token as a number', { orderId: UNKNOWN_UUID, token: 42 }, 'BAD_REQUEST', 'token'],
  ['an event id that is no number', { orderId: UNKNOWN_UUID, token: TOKEN, lastEventId: '1e3' }, 'BAD_REQUEST', 'That is not an event id.'],
  ['an extra key', { orderId: UNKNOWN_UUID, token: TOKEN, staffId: 1 }, 'BAD_REQUEST', 'Unrecognized key: "staffId"'],
  ['an unknown order', { orderId: UNKNOWN_UUID, token: TOKEN }, 'NOT_FOUND', 'Order not found. Please check the tracking link.'],
  ['an unknown order and no token', { orderId: UNKNOWN_UUID }, 'NOT_FOUND', 'Order not found. Please check the tracking link.'],
];

describe(`guest procedures refuse bad input with a 4xx and change nothing (${backend})`, () => {
  describe.each(['quote', 'place'] as const)('orders.%s refuses a cart with', (procedure) => {
    it.each(refused.cases(`orders.${procedure}` as const, cartCases))(
      '%s',
      async (_name, lines, code, words) => {
        const f = t.fixture;
        const items = lines(f);
        const orders = guest(t.db).orders;
        const call = () =>
          procedure === 'quote'
            ? orders.quote(bad({ locationSlug: f.main.slug, items }))
            : orders.place(bad({ ...pickupOrder(f), items }));
        await expectRefused(call, code, words);
      },
    );
  });

  it.each(refused.cases('orders.quote', quoteCases))(
    'orders.quote refuses %s',
    async (_name, input, code, words) => {
      const items = [fries(t.fixture)];
      await expectRefused(() => guest(t.db).orders.quote(bad(input(items))), code, words);
    },
  );

  it.each(refused.cases('orders.place', placeCases))(
    'orders.place refuses %s',
    async (_name, patch, code, words) => {
      const changes = patch(t.fixture);
      const input = changes && { ...pickupOrder(t.fixture), ...changes };
      await expectRefused(() => guest(t.db).orders.place(bad(input)), code, words);
    },
  );

  it('orders.quote and orders.place refuse an unknown location as NOT_FOUND', async () => {
    const f = t.fixture;
    const words = 'There is no restaurant at “nowhere”.';
    const quote = { locationSlug: 'nowhere', items: [fries(f)] };
    await expectRefused(() => guest(t.db).orders.quote(quote), 'NOT_FOUND', words);
    const order = pickupOrder(f, { locationSlug: 'nowhere' });
    await expectRefused(() => guest(t.db).orders.place(order), 'NOT_FOUND', words);
  });

  it('orders.quote and orders.place refuse a sold-out item', async () => {
    const f = t.fixture;
    await t.db
      .updateTable('menu_items')
      .set({ stock: 0 })
      .where('id', '=', f.items.special)
      .execute();
    const items = [{ itemId: f.items.special, quantity: 1, optionIds: [] }];
    const quote = { locationSlug: f.main.slug, items };
    const words = 'Special is sold out.';
    await expectRefused(() => guest(t.db).orders.quote(quote), 'UNPROCESSABLE_CONTENT', words);
    const order = pickupOrder(f, { items });
    await expectRefused(() => guest(t.db).orders.place(order), 'UNPROCESSABLE_CONTENT', words);
  });

  it('orders.place refuses a location that is not taking orders', async () => {
    const f = t.fixture;
    await setLocationOverridesQuietly(t.db, f.main.id, { acceptingOrders: false });
    const words = 'Test Kitchen A is not taking orders right now.';
    await expectRefused(
      () => guest(t.db).orders.place(pickupOrder(f)),
      'PRECONDITION_FAILED',
      words,
    );
  });

  it('orders.place refuses an order key reused for a different order, and replays the same one', async () => {
    const f = t.fixture;
    const first = pickupOrder(f);
    const placed = await guest(t.db).orders.place(first);
    const otherCart = { ...first, items: [{ itemId: f.items.fries, quantity: 2, optionIds: [] }] };
    const otherName = { ...first, guest: { name: 'Someone else' } };
    const words = 'This order key was already used for a different order.';
    await expectRefused(() => guest(t.db).orders.place(otherCart), 'CONFLICT', words);
    await expectRefused(() => guest(t.db).orders.place(otherName), 'CONFLICT', words);
    const again = await guest(t.db).orders.place(first);
    expect(again).toMatchObject({ replayed: true, order: { id: placed.order.id } });
    const orders = await t.db.selectFrom('orders').select('id').execute();
    expect(orders).toEqual([{ id: placed.order.id }]);
  });

  it.each(refused.cases('orders.track', trackCases))(
    'orders.track refuses %s',
    async (_name, input, code, words) => {
      await expectRefused(() => guest(t.db).orders.track(bad(input)), code, words);
    },
  );

  it.each(refused.cases('auth.login', loginCases))(
    'auth.login refuses %s',
    async (_name, input, code, words) => {
      await expectRefused(() => guest(t.db).auth.login(bad(input)), code, words);
    },
  );

  it('auth.me and auth.logout refuse a caller without a session, whatever is sent', async () => {
    const words = 'Please sign in again';
    await expectRefused(() => guest(t.db).auth.me(bad({ staffId: 1 })), 'UNAUTHORIZED', words);
    await expectRefused(() => guest(t.db).auth.logout(bad({ all: true })), 'UNAUTHORIZED', words);
  });

  it('menu.locations takes no input and ignores what is sent', async () => {
    const locations = await guest(t.db).menu.locations(bad({ slug: 42 }));
    expect(locations.map((location) => location.slug)).toEqual(['testa', 'testb']);
  });

  it.each(refused.cases('menu.get', menuCases))(
    'menu.get refuses %s',
    async (_name, input, code, words) => {
      await expectRefused(() => guest(t.db).menu.get(bad(input)), code, words);
    },
  );

  it.each(refused.cases('menu.table', tableCases))(
    'menu.table refuses %s',
    async (_name, input, code, words) => {
      await expectRefused(() => guest(t.db).menu.table(bad(input(t.fixture))), code, words);
    },
  );

  it.each(refused.cases('menu.live', locationLiveCases))(
    'menu.live refuses %s',
    async (_name, input, code, words) => {
      await expectRefused(() => guest(t.db).menu.live(bad(input)), code, words);
    },
  );

  // The ready board is found by the same slug as the menu, and refuses it alike.
  it.each(refused.cases('board.get', menuCases))(
    'board.get refuses %s',
    async (_name, input, code, words) => {
      await expectRefused(() => guest(t.db).board.get(bad(input)), code, words);
    },
  );

  it.each(refused.cases('board.live', locationLiveCases))(
    'board.live refuses %s',
    async (_name, input, code, words) => {
      await expectRefused(() => guest(t.db).board.live(bad(input)), code, words);
    },
  );

  it.each(refused.cases('orders.live', orderLiveCases))(
    'orders.live refuses %s',
    async (_name, input, code, words) => {
      await expectRefused(() => guest(t.db).orders.live(bad(input)), code, words);
    },
  );

  it('demo.welcome and live.status take no input and ignore what is sent', async () => {
    expect(await guest(t.db).demo.welcome(bad({ all: true }))).toBeNull();
    const status = await guest(t.db).live.status(bad({ bus: 'down' }));
    const iterator = status[Symbol.asyncIterator]();
    const first = await iterator.next();
    await iterator.return?.();
    expect(first).toEqual({ done: false, value: { bus: 'up' } });
  });
});

/** Changes to a valid call; the scene gives ids that exist. */
/** What the staff admin cases name: the fixture and the two accounts they act on. */
interface StaffScene {
  f: Fixture;
  managerId: number;
  kitchenId: number;
}

type Scene = {
  placed: { id: string; itemId: number };
  accepted: { id: string; itemId: number };
  /** The signed-in manager's own staff id. */
  managerId: number;
};

// prettier-ignore
const availabilityCases: Case<(f: Fixture) => Row>[] = [
  ['an item id as a string', (f) => ({ itemId: String(f.items.burger) }), 'BAD_REQUEST', 'itemId: An id is a whole number.'],
  ['a fractional item id', () => ({ itemId: 1.5 }), 'BAD_REQUEST', 'An id is a whole number.'],
  ['a zero item id', () => ({ itemId: 0 }), 'BAD_REQUEST', 'An id is a positive number.'],
  ['an item id above 2^31', () => ({ itemId: TOO_BIG_ID }), 'BAD_REQUEST', 'That id is out of range.'],
  ['available as a string', () => ({ available: 'no' }), 'BAD_REQUEST', 'available: Available is true or false.'],
  ['available as null', () => ({ available: null }), 'BAD_REQUEST', 'Available is true or false.'],
  ['no available', () => ({ available: undefined }), 'BAD_REQUEST', 'available'],
  ['an extra key', () => ({ stock: 10 }), 'BAD_REQUEST', 'Unrecognized key: "stock"'],
  ['an unknown item', () => ({ itemId: 999_999 }), 'NOT_FOUND', 'There is no menu item 999999.'],
];

// prettier-ignore
const boardCases: Case<unknown>[] = [
  ['no input', null, 'BAD_REQUEST', 'expected object'],
  ['a location id as a string', { locationId: '1' }, 'BAD_REQUEST', 'locationId: An id is a whole number.'],
  ['a negative location id', { locationId: -1 }, 'BAD_REQUEST', 'An id is a positive number.'],
  ['a location id above 2^31', { locationId: TOO_BIG_ID }, 'BAD_REQUEST', 'That id is out of range.'],
  ['a location id as an array', { locationId: [1] }, 'BAD_REQUEST', 'locationId'],
  ['an unknown location', { locationId: 999_999 }, 'FORBIDDEN', 'You do not work at this location.'],
];

/** Changes to accepting the placed order at version 1. */
// prettier-ignore
const transitionCases: Case<Row>[] = [
  ['an order id that is no uuid', { orderId: 'nope' }, 'BAD_REQUEST', 'orderId: That is not an order id.'],
  ['no order id', { orderId: undefined }, 'BAD_REQUEST', 'orderId'],
  ['a version of 0', { expectedVersion: 0 }, 'BAD_REQUEST', 'The order version starts at 1.'],
  ['a version as a string', { expectedVersion: '1' }, 'BAD_REQUEST', 'The order version is a number.'],
  ['a fractional version', { expectedVersion: 1.5 }, 'BAD_REQUEST', 'The order version is a whole number.'],
  ['an unknown status', { to: 'eaten' }, 'BAD_REQUEST', 'to: That is not an order status.'],
  ['a null status', { to: null }, 'BAD_REQUEST', 'That is not an order status.'],
  ['an overlong reason', { to: 'cancelled', reason: 'x'.repeat(201) }, 'BAD_REQUEST', 'A reason is at most 200 characters.'],
  ['a reason as a number', { to: 'cancelled', reason: 42 }, 'BAD_REQUEST', 'reason'],
  ['an extra key', { version: 2 }, 'BAD_REQUEST', 'Unrecognized key: "version"'],
  ['an unknown order', { orderId: UNKNOWN_UUID }, 'NOT_FOUND', 'Order not found.'],
  ['a stale version', { expectedVersion: 5 }, 'CONFLICT', 'was changed on another screen'],
  ['a version above 2^31', { expectedVersion: TOO_BIG_ID }, 'CONFLICT', 'was changed on another screen'],
  ['a move the order cannot make', { to: 'ready' }, 'BAD_REQUEST', 'The order is placed, so it cannot become ready.'],
  ['a NUL byte in the reason', { to: 'cancelled', reason: NUL }, 'BAD_REQUEST', 'reason'],
];

/** Changes to recalling the placed order at version 1 (input refused before any recall rule). */
// prettier-ignore
const recallCases: Case<Row>[] = [
  ['an order id that is no uuid', { orderId: 'nope' }, 'BAD_REQUEST', 'That is not an order id.'],
  ['a version of 0', { expectedVersion: 0 }, 'BAD_REQUEST', 'The order version starts at 1.'],
  ['a version as null', { expectedVersion: null }, 'BAD_REQUEST', 'The order version is a number.'],
  ['an extra key', { to: 'completed' }, 'BAD_REQUEST', 'Unrecognized key: "to"'],
  ['an unknown order', { orderId: UNKNOWN_UUID }, 'NOT_FOUND', 'Order not found.'],
  ['a stale version', { expectedVersion: 2 }, 'CONFLICT', 'was changed on another screen'],
];

/** Changes to starting the accepted order's item at version 2. */
// prettier-ignore
const itemCases: Case<(s: Scene) => Row>[] = [
  ['an item id as a string', () => ({ orderItemId: '1' }), 'BAD_REQUEST', 'orderItemId: An id is a whole number.'],
  ['a zero item id', () => ({ orderItemId: 0 }), 'BAD_REQUEST', 'An id is a positive number.'],
  ['an item id above 2^31', () => ({ orderItemId: TOO_BIG_ID }), 'BAD_REQUEST', 'That id is out of range.'],
  ['an unknown status', () => ({ status: 'burnt' }), 'BAD_REQUEST', 'status: That is not an item status.'],
  ['no status', () => ({ status: undefined }), 'BAD_REQUEST', 'status'],
  ['an order id that is no uuid', () => ({ orderId: 'nope' }), 'BAD_REQUEST', 'That is not an order id.'],
  ['an extra key', () => ({ quantity: 3 }), 'BAD_REQUEST', 'Unrecognized key: "quantity"'],
  ['an unknown order', () => ({ orderId: UNKNOWN_UUID }), 'NOT_FOUND', 'Order not found.'],
  ['an unknown item', () => ({ orderItemId: 999_999 }), 'NOT_FOUND', 'Item 999999 is not on this order.'],
  ['an item of another order', (s) => ({ orderItemId: s.placed.itemId }), 'NOT_FOUND', 'is not on this order.'],
  ['a stale version', () => ({ expectedVersion: 1 }), 'CONFLICT', 'was changed on another screen'],
  ['no change', () => ({ status: 'queued' }), 'BAD_REQUEST', 'The item is already queued.'],
  ['an order not yet accepted', (s) => ({ orderId: s.placed.id, orderItemId: s.placed.itemId, expectedVersion: 1 }), 'BAD_REQUEST', 'Accept the order before working on its items.'],
];

/** Changes to watching the main location's kitchen from the start; null sends no input. */
// prettier-ignore
const kitchenLiveCases: Case<Row | null>[] = [
  ['no input', null, 'BAD_REQUEST', 'expected object'],
  ['a location id as a string', { locationId: '1' }, 'BAD_REQUEST', 'locationId: An id is a whole number.'],
  ['a location id above 2^31', { locationId: TOO_BIG_ID }, 'BAD_REQUEST', 'That id is out of range.'],
  ['an event id as a number', { lastEventId: 7 }, 'BAD_REQUEST', 'lastEventId'],
  ['an event id with letters', { lastEventId: '12a' }, 'BAD_REQUEST', 'lastEventId: That is not an event id.'],
  ['an extra key', { since: 0 }, 'BAD_REQUEST', 'Unrecognized key: "since"'],
  ['an unknown location', { locationId: 999_999 }, 'FORBIDDEN', 'You do not work at this location.'],
];

/** Changes to bumping the grill on the accepted order at version 2. */
// prettier-ignore
const stationCases: Case<(s: Scene) => Row>[] = [
  ['an unknown station', () => ({ station: 'oven' }), 'BAD_REQUEST', 'station: A station is one of grill, fry'],
  ['no station', () => ({ station: undefined }), 'BAD_REQUEST', 'station'],
  ['an order id that is no uuid', () => ({ orderId: 'nope' }), 'BAD_REQUEST', 'orderId: That is not an order id.'],
  ['a version of 0', () => ({ expectedVersion: 0 }), 'BAD_REQUEST', 'The order version starts at 1.'],
  ['an extra key', () => ({ orderItemIds: [1] }), 'BAD_REQUEST', 'Unrecognized key: "orderItemIds"'],
  ['an unknown order', () => ({ orderId: UNKNOWN_UUID }), 'NOT_FOUND', 'Order not found.'],
  ['a stale version', () => ({ expectedVersion: 1 }), 'CONFLICT', 'was changed on another screen'],
  ['a station with nothing on the order', () => ({ station: 'cold' }), 'BAD_REQUEST', 'has nothing left for the cold station.'],
  ['an order not yet accepted', (s) => ({ orderId: s.placed.id, expectedVersion: 1 }), 'BAD_REQUEST', 'Accept the order before working on its items.'],
];

const SETTINGS = {
  warnAfterMinutes: 8,
  lateAfterMinutes: 15,
  recallWindowMinutes: 5,
  readyBoardCollectedSeconds: 60,
};
const settings = (changes: Row) => ({ settings: { ...SETTINGS, ...changes } });

/** Changes to setting the main location's board to SETTINGS. */
// prettier-ignore
const settingsCases: Case<Row>[] = [
  ['no settings', { settings: undefined }, 'BAD_REQUEST', 'settings'],
  ['settings as a string', { settings: 'fast' }, 'BAD_REQUEST', 'settings'],
  ['an amber threshold of 0', settings({ warnAfterMinutes: 0 }), 'BAD_REQUEST', 'settings.warnAfterMinutes: The amber threshold is at least 1 minute.'],
  ['a threshold as a string', settings({ warnAfterMinutes: '8' }), 'BAD_REQUEST', 'The amber threshold is a number of minutes.'],
  ['a fractional red threshold', settings({ lateAfterMinutes: 15.5 }), 'BAD_REQUEST', 'The red threshold is a whole number of minutes.'],
  ['a red threshold of 241 minutes', settings({ lateAfterMinutes: 241 }), 'BAD_REQUEST', 'The red threshold is at most 240 minutes.'],
  ['a recall window of 61 minutes', settings({ recallWindowMinutes: 61 }), 'BAD_REQUEST', 'The recall window is at most 60 minutes.'],
  ['no recall window', settings({ recallWindowMinutes: undefined }), 'BAD_REQUEST', 'settings.recallWindowMinutes'],
  ['a negative ready board time', settings({ readyBoardCollectedSeconds: -1 }), 'BAD_REQUEST', 'The ready board time is at least 0 seconds'],
  ['a ready board time of 601 seconds', settings({ readyBoardCollectedSeconds: 601 }), 'BAD_REQUEST', 'The ready board time is at most 600 seconds.'],
  ['amber after red', settings({ warnAfterMinutes: 20 }), 'BAD_REQUEST', 'settings.lateAfterMinutes: The amber threshold comes before the red one.'],
  ['an extra setting', settings({ autoAccept: true }), 'BAD_REQUEST', 'Unrecognized key: "autoAccept"'],
  ['a location id as a string', { locationId: '1' }, 'BAD_REQUEST', 'locationId: An id is a whole number.'],
  ['an unknown location', { locationId: 999_999 }, 'FORBIDDEN', 'You do not work at this location.'],
];

const values = (changes: Row) => ({ values: changes });

/** Changes to saving a busy mode of 10 minutes at the main location, version 1. */
// prettier-ignore
const settingsUpdateCases: Case<Row>[] = [
  ['no values', { values: undefined }, 'BAD_REQUEST', 'values'],
  ['no change at all', values({}), 'BAD_REQUEST', 'values: Change at least one setting.'],
  ['an unknown setting', values({ autoAccept: true }), 'BAD_REQUEST', 'Unrecognized key: "autoAccept"'],
  ['busy minutes as a string', values({ busyExtraMinutes: '10' }), 'BAD_REQUEST', 'values.busyExtraMinutes: Busy mode’s extra time is a number of minutes.'],
  ['a busy mode of 241 minutes', values({ busyExtraMinutes: 241 }), 'BAD_REQUEST', 'Busy mode’s extra time is at most 240 minutes.'],
  ['a usual wait of 0', values({ prepMinutes: 0 }), 'BAD_REQUEST', 'The usual wait is at least 1 minute.'],
  ['no order type', values({ orderTypes: [] }), 'BAD_REQUEST', 'Offer at least one order type'],
  ['an unknown order type', values({ orderTypes: ['drive_through'] }), 'BAD_REQUEST', 'An order type is one of dine_in, pickup, delivery.'],
  ['an order type twice', values({ orderTypes: ['pickup', 'pickup'] }), 'BAD_REQUEST', 'An order type is listed twice.'],
  ['accepting as a string', values({ acceptingOrders: 'yes' }), 'BAD_REQUEST', 'Accepting orders is on or off.'],
  ['a currency in lower case', values({ currency: 'eur' }), 'BAD_REQUEST', 'A currency is a three-letter code in capitals, like EUR.'],
  ['a made-up currency', values({ currency: 'ABC' }), 'BAD_REQUEST', 'That is not an ISO 4217 currency code'],
  ['an unknown time zone', values({ timezone: 'Mars/Olympus' }), 'BAD_REQUEST', 'That is not a time zone this server knows'],
  ['a day missing from the hours', values({ openingHours: { mon: [] } }), 'BAD_REQUEST', 'values.openingHours.tue'],
  ['a time of 25:00', values({ openingHours: hours([{ opens: '25:00', closes: '26:00' }]) }), 'BAD_REQUEST', 'The opening time is a time like 09:30.'],
  ['a spell closing when it opens', values({ openingHours: hours([{ opens: '12:00', closes: '12:00' }]) }), 'BAD_REQUEST', 'It closes at the time it opens.'],
  ['overlapping spells', values({ openingHours: hours([{ opens: '12:00', closes: '15:00' }, { opens: '14:00', closes: '22:00' }]) }), 'BAD_REQUEST', '14:00 is before 15:00'],
  ['a non-existent date', values({ hoursExceptions: [{ date: '2026-02-30', hours: [] }] }), 'BAD_REQUEST', 'That date does not exist.'],
  ['a date twice', values({ hoursExceptions: [{ date: '2026-12-25', hours: [] }, { date: '2026-12-25', hours: [] }] }), 'BAD_REQUEST', '2026-12-25 is listed twice.'],
  ['amber after red (by the effective values)', values({ warnAfterMinutes: 20 }), 'BAD_REQUEST', 'The amber threshold comes before the red one.'],
  ['a version of 0', { version: 0 }, 'BAD_REQUEST', 'version: The settings version starts at 1.'],
  ['a stale version', { version: 7 }, 'CONFLICT', 'Another manager saved these settings since you opened them.'],
  ['a location id as a string', { locationId: '1' }, 'BAD_REQUEST', 'locationId: An id is a whole number.'],
  ['an unknown location', { locationId: 999_999 }, 'FORBIDDEN', 'You do not work at this location.'],
];

/** Every weekday with the same spells. */
function hours(spells: unknown[]) {
  return Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, spells]),
  );
}

/** Changes to resetting the main location's currency, version 1. */
// prettier-ignore
const settingsResetCases: Case<Row>[] = [
  ['no keys', { keys: undefined }, 'BAD_REQUEST', 'keys'],
  ['an empty list', { keys: [] }, 'BAD_REQUEST', 'Say which settings to reset.'],
  ['an unknown setting', { keys: ['autoAccept'] }, 'BAD_REQUEST', 'That is not a setting.'],
  ['keys as a string', { keys: 'currency' }, 'BAD_REQUEST', 'Say which settings to reset.'],
  ['a stale version', { version: 2 }, 'CONFLICT', 'Another manager saved these settings since you opened them.'],
  ['an extra key', { everything: true }, 'BAD_REQUEST', 'Unrecognized key: "everything"'],
  ['an unknown location', { locationId: 999_999 }, 'FORBIDDEN', 'You do not work at this location.'],
];

// prettier-ignore
const deactivateCases: Case<(s: Scene) => unknown>[] = [
  ['no input', () => null, 'BAD_REQUEST', 'expected object'],
  ['a staff id as a string', () => ({ staffId: '3' }), 'BAD_REQUEST', 'staffId: An id is a whole number.'],
  ['a zero staff id', () => ({ staffId: 0 }), 'BAD_REQUEST', 'An id is a positive number.'],
  ['a staff id above 2^31', () => ({ staffId: TOO_BIG_ID }), 'BAD_REQUEST', 'That id is out of range.'],
  ['an email for the id', () => ({ staffId: 'foh@test.example' }), 'BAD_REQUEST', 'staffId'],
  ['an extra key', (s) => ({ staffId: s.managerId + 1, everywhere: true }), 'BAD_REQUEST', 'Unrecognized key: "everywhere"'],
  ['an unknown member of staff', () => ({ staffId: 999_999 }), 'NOT_FOUND', 'There is no such member of staff at your locations.'],
  ['the manager’s own account', (s) => ({ staffId: s.managerId }), 'BAD_REQUEST', 'You cannot deactivate your own account.'],
];

/** Changes to a valid staff.add: Nia joins the main kitchen. */
// prettier-ignore
const staffAddCases: Case<Row | null>[] = [
  ['no input', null, 'BAD_REQUEST', 'expected object'],
  ['no name', { name: undefined }, 'BAD_REQUEST', 'name'],
  ['a name of spaces', { name: '   ' }, 'BAD_REQUEST', 'name: Please give their name.'],
  ['a name of 81 characters', { name: 'N'.repeat(81) }, 'BAD_REQUEST', 'A name is at most 80 characters.'],
  ['a name with a control character', { name: NUL }, 'BAD_REQUEST', 'Remove the control characters.'],
  ['an email that is none', { email: 'nia' }, 'BAD_REQUEST', 'email: That is not an email address.'],
  ['an email as a number', { email: 7 }, 'BAD_REQUEST', 'email'],
  ['an email already used, in capitals', { email: ' KITCHEN@test.example' }, 'CONFLICT', 'There is already an account with that email.'],
  ['an unknown role', { role: 'owner' }, 'BAD_REQUEST', 'role: A role is manager, kitchen or front of house.'],
  ['a password of 7 characters', { password: 'seven77' }, 'BAD_REQUEST', 'password: A password is 8 to 200 characters.'],
  ['a password of 201 characters', { password: 'p'.repeat(201) }, 'BAD_REQUEST', 'A password is 8 to 200 characters.'],
  ['a password as a number', { password: 12345678 }, 'BAD_REQUEST', 'password'],
  ['an extra key', { active: false }, 'BAD_REQUEST', 'Unrecognized key: "active"'],
  ['an unknown location', { locationId: 999_999 }, 'FORBIDDEN', 'You do not work at this location.'],
];

/** Changes to a valid staff.update of the kitchen account (`s.kitchenId`). */
// prettier-ignore
const staffUpdateCases: Case<(s: StaffScene) => Row>[] = [
  ['a staff id as a string', () => ({ staffId: '2' }), 'BAD_REQUEST', 'staffId: An id is a whole number.'],
  ['an unknown member of staff', () => ({ staffId: 999_999 }), 'NOT_FOUND', 'There is no such member of staff at your locations.'],
  ['no name', () => ({ name: undefined }), 'BAD_REQUEST', 'name'],
  ['a name of spaces', () => ({ name: ' ' }), 'BAD_REQUEST', 'Please give their name.'],
  ['an unknown role', () => ({ role: 'chef' }), 'BAD_REQUEST', 'A role is manager, kitchen or front of house.'],
  ['no locations', () => ({ locationIds: [] }), 'BAD_REQUEST', 'locationIds: Choose at least one location.'],
  ['a location twice', (s) => ({ locationIds: [s.f.main.id, s.f.main.id] }), 'BAD_REQUEST', 'Each location once, please.'],
  ['locations as an id', (s) => ({ locationIds: s.f.main.id }), 'BAD_REQUEST', 'locationIds'],
  ['a location the manager does not work at', (s) => ({ locationIds: [s.f.main.id, 999_999] }), 'FORBIDDEN', 'You do not work at this location.'],
  ['the last manager demoting themselves', (s) => ({ staffId: s.managerId, role: 'kitchen' }), 'CONFLICT', 'manager is the last active manager at Test Kitchen A; make someone else a manager first.'],
  ['an extra key', () => ({ active: true }), 'BAD_REQUEST', 'Unrecognized key: "active"'],
];

/** Changes to a valid staff.setPassword for the kitchen account. */
// prettier-ignore
const setPasswordCases: Case<(s: StaffScene) => Row>[] = [
  ['no password', () => ({ password: undefined }), 'BAD_REQUEST', 'password'],
  ['a password of 7 characters', () => ({ password: '1234567' }), 'BAD_REQUEST', 'A password is 8 to 200 characters.'],
  ['no staff id', () => ({ staffId: undefined }), 'BAD_REQUEST', 'staffId'],
  ['an unknown member of staff', () => ({ staffId: 999_999 }), 'NOT_FOUND', 'There is no such member of staff at your locations.'],
  ['the manager’s own account', (s) => ({ staffId: s.managerId }), 'BAD_REQUEST', 'To change your own password, use “Change my password”.'],
  ['an extra key', () => ({ email: 'x@test.example' }), 'BAD_REQUEST', 'Unrecognized key: "email"'],
];

/** Changes to a valid auth.changePassword by the manager. */
// prettier-ignore
const changePasswordCases: Case<Row | null>[] = [
  ['no input', null, 'BAD_REQUEST', 'expected object'],
  ['no current password', { currentPassword: undefined }, 'BAD_REQUEST', 'currentPassword'],
  ['an empty current password', { currentPassword: '' }, 'BAD_REQUEST', 'Please enter your current password.'],
  ['a wrong current password', { currentPassword: 'not the password' }, 'BAD_REQUEST', 'That is not your current password.'],
  ['a new password of 7 characters', { newPassword: 'short77' }, 'BAD_REQUEST', 'newPassword: A password is 8 to 200 characters.'],
  ['a new password as an array', { newPassword: ['a long password'] }, 'BAD_REQUEST', 'newPassword'],
  ['an extra key', { staffId: 1 }, 'BAD_REQUEST', 'Unrecognized key: "staffId"'],
];

/** Labels for a table, refused by tables.add and tables.rename alike. */
// prettier-ignore
const tableLabelCases: Case<(f: Fixture) => unknown>[] = [
  ['no label', () => ({}), 'BAD_REQUEST', 'label'],
  ['an empty label', () => ({ label: '' }), 'BAD_REQUEST', "A table's name is 1 to 40 characters."],
  ['a label of spaces', () => ({ label: '   ' }), 'BAD_REQUEST', "A table's name is 1 to 40 characters."],
  ['a label of 41 characters', () => ({ label: 'T'.repeat(41) }), 'BAD_REQUEST', "A table's name is 1 to 40 characters."],
  ['a label with a control character', () => ({ label: 'Table\u00007' }), 'BAD_REQUEST', 'Remove the control characters.'],
  ['a label as a number', () => ({ label: 7 }), 'BAD_REQUEST', 'A table needs a name.'],
  ['the name of a table in use', () => ({ label: 'Table 1' }), 'CONFLICT', 'There is already a table called “Table 1” here.'],
];

/** Which table: refused by every procedure that names one. */
// prettier-ignore
const tableIdCases: Case<(f: Fixture) => unknown>[] = [
  ['no table id', () => ({ tableId: undefined }), 'BAD_REQUEST', 'tableId'],
  ['a table id as a string', () => ({ tableId: '1' }), 'BAD_REQUEST', 'tableId: An id is a whole number.'],
  ['a zero table id', () => ({ tableId: 0 }), 'BAD_REQUEST', 'An id is a positive number.'],
  ['a table id above 2^31', () => ({ tableId: TOO_BIG_ID }), 'BAD_REQUEST', 'That id is out of range.'],
  ['an unknown table', () => ({ tableId: 999_999 }), 'NOT_FOUND', 'There is no such table'],
];

/** What the automation cases name: the rule and failed run of `buildAutomationScene`, and more runs. */
interface RuleScene extends AutomationScene {
  f: Fixture;
  succeededRunId: number;
  runningRunId: number;
  /** A rule the manager deleted, and a failed run of it. */
  deletedRuleId: number;
  deletedRunId: number;
}

const rule = (changes: Row) => ({ rule: { ...sampleRule(), ...changes } });
const conditions = (...entries: unknown[]) => ({
  conditions: { match: 'all', conditions: entries },
});
const late = (minutes: unknown, stage = 'placed') => ({
  trigger: { type: 'ticket.late', stage, minutes },
});
const NOTICE = { type: 'notice', text: 'Look', sound: true };
const webhook = (changes: Row) =>
  rule({ actions: [{ type: 'webhook', url: 'https://hooks.test.example/x', ...changes }] });
const TOTAL = { field: 'total', op: 'gte', value: 1 };
/** `depth` groups, one inside the other, the innermost holding a condition on the total. */
function nestedGroups(depth: number): unknown {
  let group: unknown = { match: 'all', conditions: [TOTAL] };
  for (let level = 1; level < depth; level += 1) group = { match: 'any', conditions: [group] };
  return group;
}

/** Rule bodies refused by automation.create, automation.update and automation.dryRun alike. */
// prettier-ignore
const ruleBodyCases: Case<Row>[] = [
  ['no rule', { rule: undefined }, 'BAD_REQUEST', 'rule'],
  ['a rule as a string', { rule: 'big orders' }, 'BAD_REQUEST', 'rule'],
  ['an empty name', rule({ name: '' }), 'BAD_REQUEST', 'rule.name: Name the rule.'],
  ['a name of spaces', rule({ name: '   ' }), 'BAD_REQUEST', 'rule.name: Name the rule.'],
  ['a name of 81 characters', rule({ name: 'N'.repeat(81) }), 'BAD_REQUEST', 'rule.name: A rule’s name is at most 80 characters.'],
  ['a NUL byte in the name', rule({ name: NUL }), 'BAD_REQUEST', 'rule.name'],
  ['enabled as a string', rule({ enabled: 'yes' }), 'BAD_REQUEST', 'rule.enabled: A rule is on or off.'],
  ['an extra key in the rule', rule({ secret: 'mine' }), 'BAD_REQUEST', 'Unrecognized key: "secret"'],
  ['no trigger', rule({ trigger: undefined }), 'BAD_REQUEST', 'rule.trigger'],
  ['an unknown trigger type', rule({ trigger: { type: 'order.eaten' } }), 'BAD_REQUEST', 'Choose what starts the rule.'],
  ['a trigger with an extra key', rule({ trigger: { type: 'order.placed', to: 'ready' } }), 'BAD_REQUEST', 'Unrecognized key: "to"'],
  ['a status trigger without a status', rule({ trigger: { type: 'order.status' } }), 'BAD_REQUEST', 'rule.trigger.to: Choose the status the order moves to.'],
  ['a status trigger to an unknown status', rule({ trigger: { type: 'order.status', to: 'eaten' } }), 'BAD_REQUEST', 'rule.trigger.to: Choose the status the order moves to.'],
  ['a late trigger of 0 minutes', rule(late(0)), 'BAD_REQUEST', 'rule.trigger.minutes: The wait is at least 1 minute.'],
  ['a late trigger of 241 minutes', rule(late(241)), 'BAD_REQUEST', 'rule.trigger.minutes: The wait is at most 240 minutes.'],
  ['a late trigger of 1.5 minutes', rule(late(1.5)), 'BAD_REQUEST', 'rule.trigger.minutes: The wait is a whole number of minutes.'],
  ['a late trigger of "10" minutes', rule(late('10')), 'BAD_REQUEST', 'rule.trigger.minutes: The wait is a number of minutes.'],
  ['a late trigger on an unknown stage', rule(late(10, 'cooking')), 'BAD_REQUEST', 'rule.trigger.stage: Choose the stage a ticket waits in.'],
  ['no conditions', rule({ conditions: undefined }), 'BAD_REQUEST', 'rule.conditions'],
  ['conditions as a list', rule({ conditions: [TOTAL] }), 'BAD_REQUEST', 'rule.conditions'],
  ['a group matching some', rule({ conditions: { match: 'some', conditions: [] } }), 'BAD_REQUEST', 'rule.conditions.match: A group matches all or any of its conditions.'],
  ['a group holding an object', rule({ conditions: { match: 'all', conditions: TOTAL } }), 'BAD_REQUEST', 'rule.conditions.conditions: A group holds a list of conditions.'],
  ['an unknown condition field', rule(conditions({ field: 'colour', op: 'is', value: 'red' })), 'BAD_REQUEST', 'rule.conditions.conditions[0]'],
  ['a condition with an extra key', rule(conditions({ ...TOTAL, currency: 'EUR' })), 'BAD_REQUEST', 'Unrecognized key: "currency"'],
  ['an unknown comparison', rule(conditions({ ...TOTAL, op: 'about' })), 'BAD_REQUEST', 'Choose how to compare.'],
  ['a total as a string', rule(conditions({ ...TOTAL, value: '10' })), 'BAD_REQUEST', 'The amount is a number.'],
  ['a negative total', rule(conditions({ ...TOTAL, value: -1 })), 'BAD_REQUEST', 'The amount is 0 or more.'],
  ['a total past the maximum', rule(conditions({ ...TOTAL, value: 100_000_001 })), 'BAD_REQUEST', 'The amount is at most 100000000.'],
  ['an unknown order type', rule(conditions({ field: 'orderType', op: 'is', value: 'drone' })), 'BAD_REQUEST', 'Choose dine-in, pickup or delivery.'],
  ['an order type compared as contains', rule(conditions({ field: 'orderType', op: 'contains', value: 'pickup' })), 'BAD_REQUEST', 'Choose is or is not.'],
  ['a dish of 0', rule(conditions({ field: 'item', op: 'contains', value: 0 })), 'BAD_REQUEST', 'Choose a dish.'],
  ['an unknown station', rule(conditions({ field: 'station', op: 'contains', value: 'oven' })), 'BAD_REQUEST', 'A station is one of grill, fry'],
  ['1001 guests', rule(conditions({ field: 'guestCount', op: 'gt', value: 1001 })), 'BAD_REQUEST', 'The number of guests is at most 1000.'],
  ['a time of 24:00', rule(conditions({ field: 'timeOfDay', op: 'between', value: { from: '22:00', to: '24:00' } })), 'BAD_REQUEST', 'A time is like 09:30.'],
  ['a time of day compared as gt', rule(conditions({ field: 'timeOfDay', op: 'gt', value: { from: '22:00', to: '23:00' } })), 'BAD_REQUEST', 'A time of day is compared as between.'],
  ['no weekdays', rule(conditions({ field: 'weekday', op: 'in', value: [] })), 'BAD_REQUEST', 'Choose at least one weekday.'],
  ['an unknown weekday', rule(conditions({ field: 'weekday', op: 'in', value: ['funday'] })), 'BAD_REQUEST', 'That is not a weekday.'],
  ['groups 4 deep', rule({ conditions: nestedGroups(4) }), 'BAD_REQUEST', 'rule.conditions: Groups go at most 3 deep.'],
  ['21 conditions in one group', rule(conditions(...Array<unknown>(21).fill(TOTAL))), 'BAD_REQUEST', 'rule.conditions.conditions: A group holds at most 20 conditions.'],
  ['21 conditions over two groups', rule(conditions({ match: 'any', conditions: Array<unknown>(11).fill(TOTAL) }, { match: 'any', conditions: Array<unknown>(10).fill(TOTAL) })), 'BAD_REQUEST', 'rule.conditions: A rule has at most 20 conditions.'],
  ['a condition on the total for a settings change', rule({ trigger: { type: 'settings.changed' } }), 'BAD_REQUEST', 'rule.conditions.conditions[0]: Only a rule about an order can compare its type, total or guests.'],
  ['a dish condition for a settings change', rule({ trigger: { type: 'settings.changed' }, ...conditions({ field: 'item', op: 'contains', value: 1 }) }), 'BAD_REQUEST', 'rule.conditions.conditions[0]: A settings change has no dishes or stations to compare.'],
  ['a guest count on an item trigger, in a group', rule({ trigger: { type: 'item.unavailable' }, ...conditions({ match: 'any', conditions: [{ field: 'guestCount', op: 'gt', value: 4 }] }) }), 'BAD_REQUEST', 'rule.conditions.conditions[0].conditions[0]: Only a rule about an order can compare'],
  ['no actions', rule({ actions: [] }), 'BAD_REQUEST', 'rule.actions: Choose at least one thing the rule does.'],
  ['six actions', rule({ actions: Array<unknown>(6).fill(NOTICE) }), 'BAD_REQUEST', 'rule.actions: A rule does at most 5 things.'],
  ['actions as an object', rule({ actions: NOTICE }), 'BAD_REQUEST', 'rule.actions: A rule does a list of things.'],
  ['an unknown action type', rule({ actions: [{ type: 'sms', text: 'hi' }] }), 'BAD_REQUEST', 'Choose what the rule does.'],
  ['an action with an extra key', rule({ actions: [{ ...NOTICE, colour: 'red' }] }), 'BAD_REQUEST', 'Unrecognized key: "colour"'],
  ['an order action on an item trigger', rule({ trigger: { type: 'item.unavailable' }, ...conditions(), actions: [{ type: 'rush' }] }), 'BAD_REQUEST', 'rule.actions[0]: Only a rule about an order can accept it, rush it or message its guest.'],
  ['a guest message on a settings change', rule({ trigger: { type: 'settings.changed' }, ...conditions(), actions: [NOTICE, { type: 'guestMessage', text: 'Hi' }] }), 'BAD_REQUEST', 'rule.actions[1]: Only a rule about an order can accept it'],
  ['accept on order.status', rule({ trigger: { type: 'order.status', to: 'ready' }, actions: [{ type: 'accept' }] }), 'BAD_REQUEST', 'rule.actions[0]: Only a new order can be accepted: use “an order is placed”.'],
  ['accept on a ticket late while preparing', rule({ ...late(10, 'preparing'), actions: [{ type: 'accept' }] }), 'BAD_REQUEST', 'rule.actions[0]: Only a new order can be accepted'],
  ['a webhook to ftp://', webhook({ url: 'ftp://hooks.test.example/x' }), 'BAD_REQUEST', 'rule.actions[0].url: The address starts with https:// (or http://) and names a server.'],
  ['a webhook with user:pass@', webhook({ url: 'https://user:pass@hooks.test.example/x' }), 'BAD_REQUEST', 'rule.actions[0].url: Put no user name or password in the address; the signature proves who sent it.'],
  ['a webhook that is no address', webhook({ url: 'hooks here' }), 'BAD_REQUEST', 'rule.actions[0].url: The address starts with https://'],
  ['a webhook address of 2001 characters', webhook({ url: `https://hooks.test.example/${'x'.repeat(1975)}` }), 'BAD_REQUEST', 'The address is at most 2000 characters.'],
  ['a webhook timeout of 500 ms', webhook({ timeoutMs: 500 }), 'BAD_REQUEST', 'rule.actions[0].timeoutMs: The timeout is at least 1 second.'],
  ['a webhook timeout of 31 s', webhook({ timeoutMs: 31_000 }), 'BAD_REQUEST', 'The timeout is at most 30 seconds.'],
  ['a webhook timeout as a string', webhook({ timeoutMs: '5000' }), 'BAD_REQUEST', 'The timeout is a number of milliseconds.'],
  ['an empty notice', rule({ actions: [{ ...NOTICE, text: ' ' }] }), 'BAD_REQUEST', 'rule.actions[0].text: Write the notice.'],
  ['a notice of 201 characters', rule({ actions: [{ ...NOTICE, text: 'n'.repeat(201) }] }), 'BAD_REQUEST', 'A notice is at most 200 characters.'],
  ['a NUL byte in a notice', rule({ actions: [{ ...NOTICE, text: NUL }] }), 'BAD_REQUEST', 'rule.actions[0].text'],
  ['sound as a string', rule({ actions: [{ ...NOTICE, sound: 'loud' }] }), 'BAD_REQUEST', 'rule.actions[0].sound: Sound is on or off.'],
  ['an empty guest message', rule({ actions: [{ type: 'guestMessage', text: '' }] }), 'BAD_REQUEST', 'rule.actions[0].text: Write the message.'],
  ['a guest message of 301 characters', rule({ actions: [{ type: 'guestMessage', text: 'm'.repeat(301) }] }), 'BAD_REQUEST', 'A message to the guest is at most 300 characters.'],
];

/** Where a rule is made or tried: refused by automation.create and automation.dryRun. */
// prettier-ignore
const ruleLocationCases: Case<Row>[] = [
  ['no location', { locationId: undefined }, 'BAD_REQUEST', 'locationId'],
  ['a location id as a string', { locationId: '1' }, 'BAD_REQUEST', 'locationId: An id is a whole number.'],
  ['a location id above 2^31', { locationId: TOO_BIG_ID }, 'BAD_REQUEST', 'That id is out of range.'],
  ['an extra key', { ruleId: 1 }, 'BAD_REQUEST', 'Unrecognized key: "ruleId"'],
  ['an unknown location', { locationId: 999_999 }, 'FORBIDDEN', 'You do not work at this location.'],
  ...ruleBodyCases,
];

const NO_RULE = 'That rule does not exist, or is not at a location you manage.';
const NO_RUN = 'That run does not exist, or is not at a location you manage.';

/** Changes to saving the scene's rule at version 1 as `sampleRule()`. */
// prettier-ignore
const ruleUpdateCases: Case<(s: RuleScene) => Row>[] = [
  ['no rule id', () => ({ ruleId: undefined }), 'BAD_REQUEST', 'ruleId'],
  ['a rule id as a string', () => ({ ruleId: '1' }), 'BAD_REQUEST', 'ruleId: An id is a whole number.'],
  ['a version of 0', () => ({ version: 0 }), 'BAD_REQUEST', 'version: The version starts at 1.'],
  ['a version as a string', () => ({ version: '1' }), 'BAD_REQUEST', 'version: The version is a number.'],
  ['a fractional version', () => ({ version: 1.5 }), 'BAD_REQUEST', 'version: The version is a whole number.'],
  ['no version', () => ({ version: undefined }), 'BAD_REQUEST', 'version'],
  ['an extra key', () => ({ locationId: 1 }), 'BAD_REQUEST', 'Unrecognized key: "locationId"'],
  ['an unknown rule', () => ({ ruleId: 999_999 }), 'NOT_FOUND', NO_RULE],
  ['a deleted rule', (s) => ({ ruleId: s.deletedRuleId }), 'NOT_FOUND', NO_RULE],
  ['a stale version', () => ({ version: 2 }), 'CONFLICT', 'Someone saved “Big order” since you opened it. Open it again to see their change.'],
  ['a version above 2^31', () => ({ version: TOO_BIG_ID }), 'CONFLICT', 'Someone saved “Big order” since you opened it.'],
  ...ruleBodyCases.map(([name, patch, code, words]): Case<(s: RuleScene) => Row> => [name, () => patch, code, words]),
];

/** Which rule: refused by automation.delete and automation.rotateSecret. */
// prettier-ignore
const ruleIdCases: Case<(s: RuleScene) => unknown>[] = [
  ['no input', () => null, 'BAD_REQUEST', 'expected object'],
  ['no rule id', () => ({}), 'BAD_REQUEST', 'ruleId'],
  ['a rule id as a string', (s) => ({ ruleId: String(s.ruleId) }), 'BAD_REQUEST', 'ruleId: An id is a whole number.'],
  ['a zero rule id', () => ({ ruleId: 0 }), 'BAD_REQUEST', 'ruleId: An id is a positive number.'],
  ['a rule id above 2^31', () => ({ ruleId: TOO_BIG_ID }), 'BAD_REQUEST', 'ruleId: That id is out of range.'],
  ['an extra key', (s) => ({ ruleId: s.ruleId, version: 1 }), 'BAD_REQUEST', 'Unrecognized key: "version"'],
  ['an unknown rule', () => ({ ruleId: 999_999 }), 'NOT_FOUND', NO_RULE],
  ['a deleted rule', (s) => ({ ruleId: s.deletedRuleId }), 'NOT_FOUND', NO_RULE],
];

/** Changes to reading the scene's rule's runs from the newest. */
// prettier-ignore
const ruleRunsCases: Case<(s: RuleScene) => Row | null>[] = [
  ['no input', () => null, 'BAD_REQUEST', 'expected object'],
  ['no rule id', () => ({ ruleId: undefined }), 'BAD_REQUEST', 'ruleId'],
  ['a rule id as a string', () => ({ ruleId: '1' }), 'BAD_REQUEST', 'ruleId: An id is a whole number.'],
  ['a rule id above 2^31', () => ({ ruleId: TOO_BIG_ID }), 'BAD_REQUEST', 'ruleId: That id is out of range.'],
  ['a page mark as a string', (s) => ({ before: String(s.failedRunId) }), 'BAD_REQUEST', 'before: An id is a whole number.'],
  ['a page mark of 0', () => ({ before: 0 }), 'BAD_REQUEST', 'before: An id is a positive number.'],
  ['a null page mark', () => ({ before: null }), 'BAD_REQUEST', 'before'],
  ['an extra key', () => ({ limit: 500 }), 'BAD_REQUEST', 'Unrecognized key: "limit"'],
  ['an unknown rule', () => ({ ruleId: 999_999 }), 'NOT_FOUND', NO_RULE],
];

// prettier-ignore
const retryCases: Case<(s: RuleScene) => unknown>[] = [
  ['no input', () => null, 'BAD_REQUEST', 'expected object'],
  ['no run id', () => ({}), 'BAD_REQUEST', 'runId'],
  ['a run id as a string', (s) => ({ runId: String(s.failedRunId) }), 'BAD_REQUEST', 'runId: An id is a whole number.'],
  ['a negative run id', () => ({ runId: -1 }), 'BAD_REQUEST', 'runId: An id is a positive number.'],
  ['a run id above 2^31', () => ({ runId: TOO_BIG_ID }), 'BAD_REQUEST', 'runId: That id is out of range.'],
  ['a rule id for the run', (s) => ({ ruleId: s.ruleId }), 'BAD_REQUEST', 'Unrecognized key: "ruleId"'],
  ['an extra key', (s) => ({ runId: s.failedRunId, now: true }), 'BAD_REQUEST', 'Unrecognized key: "now"'],
  ['an unknown run', () => ({ runId: 999_999 }), 'NOT_FOUND', NO_RUN],
  ['a run that succeeded', (s) => ({ runId: s.succeededRunId }), 'BAD_REQUEST', 'This run succeeded; it is not run again.'],
  ['a run being tried now', (s) => ({ runId: s.runningRunId }), 'BAD_REQUEST', 'This run is being tried right now.'],
  ['a run of a deleted rule', (s) => ({ runId: s.deletedRunId }), 'BAD_REQUEST', 'The rule was deleted; its runs cannot be tried again.'],
];

describe(`staff procedures refuse bad input with a 4xx and change nothing (${backend})`, () => {
  /** A manager may do everything everywhere, so only the input can be at fault. */
  let manager: Awaited<ReturnType<typeof signedIn>>;
  const s = {} as Scene;
  beforeEach(async () => {
    const f = t.fixture;
    manager = await signedIn(t.db, f.staff.manager);
    const first = (await guest(t.db).orders.place(pickupOrder(f))).order;
    const second = (await guest(t.db).orders.place(pickupOrder(f))).order;
    await manager.kitchen.transition({ orderId: second.id, expectedVersion: 1, to: 'accepted' });
    s.placed = { id: first.id, itemId: first.items[0]?.id ?? 0 };
    s.accepted = { id: second.id, itemId: second.items[0]?.id ?? 0 };
    s.managerId = (await manager.auth.me()).id;
  });

  it.each(refused.cases('menu.setAvailability', availabilityCases))(
    'menu.setAvailability refuses %s',
    async (_n, patch, code, words) => {
      const input = { itemId: t.fixture.items.burger, available: false, ...patch(t.fixture) };
      await expectRefused(() => manager.menu.setAvailability(bad(input)), code, words);
    },
  );

  it.each(refused.cases('kitchen.board', boardCases))(
    'kitchen.board refuses %s',
    async (_name, input, code, words) => {
      await expectRefused(() => manager.kitchen.board(bad(input)), code, words);
    },
  );

  it.each(refused.cases('kitchen.transition', transitionCases))(
    'kitchen.transition refuses %s',
    async (_name, patch, code, words) => {
      const input = { orderId: s.placed.id, expectedVersion: 1, to: 'accepted', ...patch };
      await expectRefused(() => manager.kitchen.transition(bad(input)), code, words);
    },
  );

  it.each(refused.cases('kitchen.recall', recallCases))(
    'kitchen.recall refuses %s',
    async (_name, patch, code, words) => {
      const input = { orderId: s.placed.id, expectedVersion: 1, ...patch };
      await expectRefused(() => manager.kitchen.recall(bad(input)), code, words);
    },
  );

  it('kitchen.transition and kitchen.recall refuse to move a finished order', async () => {
    const orderId = s.placed.id;
    await manager.kitchen.transition({ orderId, expectedVersion: 1, to: 'rejected' });
    await expectRefused(
      () => manager.kitchen.recall({ orderId, expectedVersion: 2 }),
      'BAD_REQUEST',
      'is rejected; there is no bump to recall.',
    );
    await expectRefused(
      () => manager.kitchen.transition({ orderId, expectedVersion: 2, to: 'cancelled' }),
      'BAD_REQUEST',
      'The order is already rejected; it cannot change any more.',
    );
  });

  it.each(refused.cases('kitchen.setItemStatus', itemCases))(
    'kitchen.setItemStatus refuses %s',
    async (_name, patch, code, words) => {
      const valid = { orderId: s.accepted.id, orderItemId: s.accepted.itemId, expectedVersion: 2 };
      const input = { ...valid, status: 'cooking', ...patch(s) };
      await expectRefused(() => manager.kitchen.setItemStatus(bad(input)), code, words);
    },
  );

  it.each(refused.cases('kitchen.live', kitchenLiveCases))(
    'kitchen.live refuses %s',
    async (_name, patch, code, words) => {
      const input = patch && { locationId: t.fixture.main.id, lastEventId: null, ...patch };
      await expectRefused(() => manager.kitchen.live(bad(input)), code, words);
    },
  );

  it.each(refused.cases('kitchen.bumpStation', stationCases))(
    'kitchen.bumpStation refuses %s',
    async (_name, patch, code, words) => {
      const input = { orderId: s.accepted.id, expectedVersion: 2, station: 'grill', ...patch(s) };
      await expectRefused(() => manager.kitchen.bumpStation(bad(input)), code, words);
    },
  );

  it.each(refused.cases('kitchen.updateSettings', settingsCases))(
    'kitchen.updateSettings refuses %s',
    async (_name, patch, code, words) => {
      const input = { locationId: t.fixture.main.id, settings: SETTINGS, ...patch };
      await expectRefused(() => manager.kitchen.updateSettings(bad(input)), code, words);
    },
  );

  it.each(refused.cases('staff.deactivate', deactivateCases))(
    'staff.deactivate refuses %s',
    async (_name, input, code, words) => {
      await expectRefused(() => manager.staff.deactivate(bad(input(s))), code, words);
    },
  );

  it.each(refused.cases('tables.list', boardCases))(
    'tables.list refuses %s',
    async (_name, input, code, words) => {
      await expectRefused(() => manager.tables.list(bad(input)), code, words);
    },
  );

  it.each(
    refused.cases('tables.add', [
      ...tableLabelCases,
      [
        'no location',
        () => ({ label: 'Terrace 9', locationId: undefined }),
        'BAD_REQUEST',
        'locationId',
      ],
      [
        'an extra key',
        () => ({ label: 'Terrace 9', secret: 'mine-mine-mine' }),
        'BAD_REQUEST',
        'Unrecognized key: "secret"',
      ],
    ] satisfies Case<(f: Fixture) => unknown>[]),
  )('tables.add refuses %s', async (_name, patch, code, words) => {
    const f = t.fixture;
    const input = { locationId: f.main.id, ...(patch(f) as Row) };
    await expectRefused(() => manager.tables.add(bad(input)), code, words);
  });

  it.each(
    refused.cases('tables.rename', [
      ...tableLabelCases,
      ...tableIdCases.map(([name, patch, code, words]): Case<(f: Fixture) => unknown> => [
        name,
        (f) => ({ label: 'Window 2', ...(patch(f) as Row) }),
        code,
        words,
      ]),
    ]),
  )('tables.rename refuses %s', async (_name, patch, code, words) => {
    const f = t.fixture;
    // Another table called "Table 1" is the one renamed into a clash.
    const other = await manager.tables.add({ locationId: f.main.id, label: 'Window 1' });
    const input = { tableId: other.id, ...(patch(f) as Row) };
    await expectRefused(() => manager.tables.rename(bad(input)), code, words);
  });

  for (const path of ['tables.remove', 'tables.newSecret'] as const) {
    it.each(refused.cases(path, tableIdCases))(
      `${path} refuses %s`,
      async (_name, input, code, words) => {
        const call = path === 'tables.remove' ? manager.tables.remove : manager.tables.newSecret;
        await expectRefused(() => call(bad(input(t.fixture))), code, words);
      },
    );
  }

  it.each(refused.cases('settings.get', boardCases))(
    'settings.get refuses %s',
    async (_name, input, code, words) => {
      await expectRefused(() => manager.settings.get(bad(input)), code, words);
    },
  );

  it.each(refused.cases('settings.update', settingsUpdateCases))(
    'settings.update refuses %s',
    async (_name, patch, code, words) => {
      const input = {
        locationId: t.fixture.main.id,
        version: 1,
        values: { busyExtraMinutes: 10 },
        ...patch,
      };
      await expectRefused(() => manager.settings.update(bad(input)), code, words);
    },
  );

  it.each(refused.cases('settings.reset', settingsResetCases))(
    'settings.reset refuses %s',
    async (_name, patch, code, words) => {
      const input = { locationId: t.fixture.main.id, version: 1, keys: ['currency'], ...patch };
      await expectRefused(() => manager.settings.reset(bad(input)), code, words);
    },
  );

  describe('staff admin', () => {
    const staffScene = async (): Promise<StaffScene> => {
      const kitchen = await t.db
        .selectFrom('staff')
        .select('id')
        .where('email', '=', t.fixture.staff.kitchen)
        .executeTakeFirstOrThrow();
      return { f: t.fixture, managerId: s.managerId, kitchenId: kitchen.id };
    };

    it.each(refused.cases('staff.list', boardCases))(
      'staff.list refuses %s',
      async (_name, input, code, words) => {
        await expectRefused(() => manager.staff.list(bad(input)), code, words);
      },
    );

    it.each(refused.cases('staff.add', staffAddCases))(
      'staff.add refuses %s',
      async (_name, patch, code, words) => {
        const valid = {
          locationId: t.fixture.main.id,
          name: 'Nia',
          email: 'nia@test.example',
          role: 'kitchen',
          password: 'long enough',
        };
        const input = patch && { ...valid, ...patch };
        await expectRefused(() => manager.staff.add(bad(input)), code, words);
      },
    );

    it.each(refused.cases('staff.update', staffUpdateCases))(
      'staff.update refuses %s',
      async (_name, patch, code, words) => {
        const scene = await staffScene();
        const input = { staffId: scene.kitchenId, name: 'Cook', role: 'kitchen', ...patch(scene) };
        await expectRefused(() => manager.staff.update(bad(input)), code, words);
      },
    );

    it.each(refused.cases('staff.setPassword', setPasswordCases))(
      'staff.setPassword refuses %s',
      async (_name, patch, code, words) => {
        const scene = await staffScene();
        const input = { staffId: scene.kitchenId, password: 'long enough', ...patch(scene) };
        await expectRefused(() => manager.staff.setPassword(bad(input)), code, words);
      },
    );

    it.each(
      refused.cases(
        'staff.reactivate',
        deactivateCases.filter(([name]) => name !== 'the manager’s own account'),
      ),
    )('staff.reactivate refuses %s', async (_name, input, code, words) => {
      await expectRefused(() => manager.staff.reactivate(bad(input(s))), code, words);
    });

    it.each(refused.cases('auth.changePassword', changePasswordCases))(
      'auth.changePassword refuses %s',
      async (_name, patch, code, words) => {
        const valid = { currentPassword: PASSWORD, newPassword: 'a new passphrase' };
        const input = patch && { ...valid, ...patch };
        await expectRefused(() => manager.auth.changePassword(bad(input)), code, words);
      },
    );
  });

  describe('menu editor', () => {
    for (const [path, cases] of Object.entries(menuAdminBadInputs)) {
      const name = path.slice('menuAdmin.'.length) as keyof typeof manager.menuAdmin;
      it.each(refused.cases(path as keyof typeof menuAdminBadInputs, cases))(
        `${path} refuses %s`,
        async (_name, input, code, words) => {
          const scene = await buildMenuScene(t.db, t.fixture);
          const call = manager.menuAdmin[name] as (input: never) => Promise<unknown>;
          await expectRefused(() => call(bad(input(scene))), code, words);
        },
      );
    }
  });

  describe('automation rules', () => {
    const r = {} as RuleScene;
    beforeEach(async () => {
      const f = t.fixture;
      Object.assign(r, await buildAutomationScene(t.db, f), { f });
      r.succeededRunId = await runOf(r.ruleId, 'succeeded', 2);
      r.runningRunId = await runOf(r.ruleId, 'running', 3);
      const { rule: deleted } = await manager.automation.create({
        locationId: f.main.id,
        rule: sampleRule({ name: 'Gone' }),
      });
      r.deletedRuleId = deleted.id;
      r.deletedRunId = await runOf(deleted.id, 'failed', 1);
      await manager.automation.delete({ ruleId: deleted.id });
    });

    /** A run of the rule, on event `eventId` (a rule has one run per event and action). */
    async function runOf(ruleId: number, status: AutomationRunStatus, eventId: number) {
      const run = await t.db
        .insertInto('automation_runs')
        .values({
          rule_id: ruleId,
          location_id: t.fixture.main.id,
          event_id: eventId,
          action_index: 0,
          action: JSON.stringify(sampleRule().actions[0]),
          summary: `Order #00${eventId} placed`,
          status,
          attempts: 1,
          next_attempt_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return run.id;
    }

    it.each(refused.cases('automation.list', boardCases))(
      'automation.list refuses %s',
      async (_name, input, code, words) => {
        await expectRefused(() => manager.automation.list(bad(input)), code, words);
      },
    );

    it.each(refused.cases('automation.create', ruleLocationCases))(
      'automation.create refuses %s',
      async (_name, patch, code, words) => {
        const input = { locationId: r.f.main.id, rule: sampleRule(), ...patch };
        await expectRefused(() => manager.automation.create(bad(input)), code, words);
      },
    );

    it.each(refused.cases('automation.dryRun', ruleLocationCases))(
      'automation.dryRun refuses %s',
      async (_name, patch, code, words) => {
        const input = { locationId: r.f.main.id, rule: sampleRule(), ...patch };
        await expectRefused(() => manager.automation.dryRun(bad(input)), code, words);
      },
    );

    it.each(refused.cases('automation.update', ruleUpdateCases))(
      'automation.update refuses %s',
      async (_name, patch, code, words) => {
        const input = { ruleId: r.ruleId, version: 1, rule: sampleRule(), ...patch(r) };
        await expectRefused(() => manager.automation.update(bad(input)), code, words);
      },
    );

    for (const path of ['automation.delete', 'automation.rotateSecret'] as const) {
      const name = path === 'automation.delete' ? 'delete' : 'rotateSecret';
      it.each(refused.cases(path, ruleIdCases))(
        `${path} refuses %s`,
        async (_name, input, code, words) => {
          await expectRefused(() => manager.automation[name](bad(input(r))), code, words);
        },
      );
    }

    it.each(refused.cases('automation.runs', ruleRunsCases))(
      'automation.runs refuses %s',
      async (_name, patch, code, words) => {
        const changes = patch(r);
        const input = changes && { ruleId: r.ruleId, ...changes };
        await expectRefused(() => manager.automation.runs(bad(input)), code, words);
      },
    );

    it.each(refused.cases('automation.retry', retryCases))(
      'automation.retry refuses %s',
      async (_name, input, code, words) => {
        await expectRefused(() => manager.automation.retry(bad(input(r))), code, words);
      },
    );
  });

  it('a refused call leaves the order usable at the same version', async () => {
    const input = { orderId: s.placed.id, expectedVersion: -1, to: 'accepted' as const };
    await expectRefused(() => manager.kitchen.transition(bad(input)), 'BAD_REQUEST', 'starts at 1');
    const ticket = await manager.kitchen.transition({ ...input, expectedVersion: 1 });
    expect(ticket).toMatchObject({ id: s.placed.id, status: 'accepted', version: 2 });
  });
});

it('every procedure that takes input has refused-input cases here, and no other', () => {
  expect(refused.problems()).toEqual([]);
});
