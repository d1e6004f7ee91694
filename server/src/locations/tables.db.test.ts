/**
 * A manager's tables (issue 14): names unique among the tables in use, a new
 * code that retires the old one with words for the guest holding the old card,
 * removal that keeps placed orders whole, and nothing for another location.
 */
import { describe, expect, it } from 'vitest';
import { backend } from '../../test/support/database';
import { createContext } from '../context';
import { createCaller } from '../router';
import { guest, PASSWORD, signedIn, testDeps, type Fixture } from '../../test/support/fixture';
import { refusal } from '../../test/support/refusals';
import { useTestDatabase } from '../../test/support/setup';
import { hashPassword } from '../staff/passwords';

const t = useTestDatabase();

const REPLACED =
  "This table's QR code has been replaced. Please scan the code on your table again.";
const REMOVED = 'That table is no longer in use.';

/** A dine-in order for one burger at the table with `secret`. */
function dineIn(f: Fixture, secret: string) {
  return {
    locationSlug: f.main.slug,
    idempotencyKey: crypto.randomUUID(),
    guest: { name: 'Aoife' },
    fulfilment: { type: 'dine_in' as const, tableSecret: secret },
    items: [{ itemId: f.items.burger, quantity: 1, optionIds: [f.options.single] }],
  };
}

describe(`tables (${backend})`, () => {
  it('lists with the operator’s PUBLIC_URL, for printed codes (null when unset)', async () => {
    const f = t.fixture;
    expect(
      (await (await signedIn(t.db, f.staff.manager)).tables.list({ locationId: f.main.id }))
        .publicUrl,
    ).toBeNull();
    const { token } = await guest(t.db).auth.login({ email: f.staff.manager, password: PASSWORD });
    const behindProxy = createCaller(
      createContext(
        { ...testDeps(t.db), publicUrl: 'https://eat.example' },
        { req: { headers: { authorization: `Bearer ${token}` } } },
      ),
    );
    expect(await behindProxy.tables.list({ locationId: f.main.id })).toMatchObject({
      publicUrl: 'https://eat.example',
    });
  });

  it('adds, lists in natural order and renames; a name in use is a CONFLICT', async () => {
    const f = t.fixture;
    const manager = await signedIn(t.db, f.staff.manager);
    const ten = await manager.tables.add({ locationId: f.main.id, label: '  Table 10 ' });
    expect(ten).toMatchObject({ label: 'Table 10' });
    expect(ten.secret).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await manager.tables.add({ locationId: f.main.id, label: 'Table 2' });
    const { tables } = await manager.tables.list({ locationId: f.main.id });
    expect(tables.map((table) => table.label)).toEqual(['Table 1', 'Table 2', 'Table 10']);

    const clash = await refusal(() => manager.tables.rename({ tableId: ten.id, label: 'Table 2' }));
    expect(clash).toMatchObject({
      code: 'CONFLICT',
      message: 'There is already a table called “Table 2” here.',
    });
    const renamed = await manager.tables.rename({ tableId: ten.id, label: 'Terrace 1' });
    expect(renamed).toEqual({ ...ten, label: 'Terrace 1' });
    // Its QR code is unchanged, and the menu now names it so.
    expect(
      await guest(t.db).menu.table({ locationSlug: f.main.slug, tableSecret: ten.secret }),
    ).toEqual({ label: 'Terrace 1' });
  });

  it('a new code retires the old one, which tells the guest it was replaced', async () => {
    const f = t.fixture;
    const manager = await signedIn(t.db, f.staff.manager);
    const fresh = await manager.tables.newSecret({ tableId: f.table.id });
    expect(fresh.secret).not.toBe(f.table.secret);
    expect(fresh.label).toBe('Table 1');

    const table = (tableSecret: string) =>
      guest(t.db).menu.table({ locationSlug: f.main.slug, tableSecret });
    expect(await refusal(() => table(f.table.secret))).toMatchObject({
      code: 'NOT_FOUND',
      message: REPLACED,
    });
    expect(await refusal(() => guest(t.db).orders.place(dineIn(f, f.table.secret)))).toMatchObject({
      code: 'BAD_REQUEST',
      message: REPLACED,
    });
    expect(await table(fresh.secret)).toEqual({ label: 'Table 1' });
    const placed = await guest(t.db).orders.place(dineIn(f, fresh.secret));
    expect(placed.order.tableLabel).toBe('Table 1');
  });

  it('a removed table stops taking orders, keeps its placed ones, and frees its name', async () => {
    const f = t.fixture;
    const manager = await signedIn(t.db, f.staff.manager);
    const placed = await guest(t.db).orders.place(dineIn(f, f.table.secret));
    expect(await manager.tables.remove({ tableId: f.table.id })).toEqual({ id: f.table.id });

    expect(
      await refusal(() =>
        guest(t.db).menu.table({ locationSlug: f.main.slug, tableSecret: f.table.secret }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', message: REMOVED });
    expect(await refusal(() => guest(t.db).orders.place(dineIn(f, f.table.secret)))).toMatchObject({
      code: 'BAD_REQUEST',
      message: REMOVED,
    });
    // The order placed there is whole, on the board and for its guest.
    const board = await manager.kitchen.board({ locationId: f.main.id });
    expect(board.tickets.find((ticket) => ticket.id === placed.order.id)?.tableLabel).toBe(
      'Table 1',
    );
    expect(
      (await manager.tables.list({ locationId: f.main.id })).tables.map((table) => table.id),
    ).not.toContain(f.table.id);
    // Gone: it cannot be renamed or removed again, and its name is free.
    expect(
      await refusal(() => manager.tables.rename({ tableId: f.table.id, label: 'Back' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const again = await manager.tables.add({ locationId: f.main.id, label: 'Table 1' });
    expect(again.secret).not.toBe(f.table.secret);
  });

  it('another location’s manager sees and changes nothing here', async () => {
    const f = t.fixture;
    const { id } = await t.db
      .insertInto('staff')
      .values({
        email: 'manager-b@test.example',
        name: 'Manager B',
        role: 'manager',
        password_hash: await hashPassword(PASSWORD),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('staff_locations')
      .values({ staff_id: id, location_id: f.other.id })
      .execute();
    const elsewhere = await signedIn(t.db, 'manager-b@test.example');

    expect(await refusal(() => elsewhere.tables.list({ locationId: f.main.id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await refusal(() => elsewhere.tables.add({ locationId: f.main.id, label: 'Sneaky' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    for (const call of [
      () => elsewhere.tables.rename({ tableId: f.table.id, label: 'Sneaky' }),
      () => elsewhere.tables.remove({ tableId: f.table.id }),
      () => elsewhere.tables.newSecret({ tableId: f.table.id }),
    ]) {
      expect(await refusal(call)).toMatchObject({
        code: 'NOT_FOUND',
        message: 'There is no such table (it may have been removed).',
      });
    }
    // Their own tables are theirs to keep.
    const own = await elsewhere.tables.list({ locationId: f.other.id });
    expect(own.tables.map((table) => table.id)).toEqual([f.otherTable.id]);
    expect(
      await guest(t.db).menu.table({ locationSlug: f.main.slug, tableSecret: f.table.secret }),
    ).toEqual({ label: 'Table 1' });
  });
});
