/**
 * The menu editor and guests' orders (issue 14): a new dish is ordered at its
 * saved price, a price change never touches a placed order, deleting an
 * ordered dish archives it (its orders keep it whole), and a hidden or
 * archived dish cannot be ordered, with words that say so.
 */
import { describe, expect, it } from 'vitest';
import { backend } from '../../../test/support/database';
import { guest, pickupOrder, signedIn, type Fixture } from '../../../test/support/fixture';
import { refusal } from '../../../test/support/refusals';
import { useTestDatabase } from '../../../test/support/setup';
import { dishInput as dish } from './test-inputs';

const t = useTestDatabase();

async function mainsOf(f: Fixture) {
  const manager = await signedIn(t.db, f.staff.manager);
  const menu = await manager.menuAdmin.get({ locationId: f.main.id });
  const mains = menu.categories.find((category) => category.name === 'Mains');
  if (!mains) throw new Error('fixture has no Mains');
  return { manager, menu, mains };
}

const guestMenu = (f: Fixture) => guest(t.db).menu.get({ locationSlug: f.main.slug });

describe(`menu editor and orders (${backend})`, () => {
  it('a guest orders a new dish with its choice at the saved price', async () => {
    const f = t.fixture;
    const { manager, mains } = await mainsOf(f);
    const created = await manager.menuAdmin.createItem({
      locationId: f.main.id,
      ...dish(mains.id),
    });
    const large = created.optionGroups[0]?.options[1]?.id ?? 0;
    const { order } = await guest(t.db).orders.place(
      pickupOrder(f, { items: [{ itemId: created.id, quantity: 2, optionIds: [large] }] }),
    );
    expect(order.totalCents).toBe(2 * (1450 + 300));
  });

  it('a price change reaches new orders only: a placed order keeps its lines and totals', async () => {
    const f = t.fixture;
    const { manager, menu } = await mainsOf(f);
    const placed = await guest(t.db).orders.place(pickupOrder(f));
    const before = await t.db
      .selectFrom('order_items')
      .selectAll()
      .where('order_id', '=', placed.order.id)
      .execute();
    const burger = menu.items.find((item) => item.id === f.items.burger);
    if (!burger) throw new Error('no burger');
    const {
      onOrders: _onOrders,
      photoUrl: _photoUrl,
      sortOrder: _sortOrder,
      id,
      version,
      ...fields
    } = burger;
    await manager.menuAdmin.updateItem({
      ...fields,
      itemId: id,
      version,
      name: 'Big burger',
      priceCents: 1500,
      optionGroups: burger.optionGroups.map((group) => ({
        ...group,
        options: group.options.map((option) => ({
          ...option,
          priceDeltaCents: option.priceDeltaCents + 100,
        })),
      })),
    });

    const after = await t.db
      .selectFrom('order_items')
      .selectAll()
      .where('order_id', '=', placed.order.id)
      .execute();
    expect(after).toEqual(before);
    const order = await t.db
      .selectFrom('orders')
      .select(['subtotal_cents', 'total_cents'])
      .where('id', '=', placed.order.id)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({ subtotal_cents: 1200, total_cents: 1200 });
    const board = await manager.kitchen.board({ locationId: f.main.id });
    expect(board.tickets.find((ticket) => ticket.id === placed.order.id)?.items[0]?.name).toBe(
      'Burger',
    );

    const next = await guest(t.db).orders.place(pickupOrder(f));
    expect(next.order.totalCents).toBe(1600);
  });

  it('a save leaves the stock orders took alone, unless the manager recounted it', async () => {
    const f = t.fixture;
    const { manager, mains } = await mainsOf(f);
    const opened = await manager.menuAdmin.createItem({
      locationId: f.main.id,
      ...dish(mains.id),
      stock: 5,
    });
    const large = opened.optionGroups[0]?.options[1]?.id ?? 0;
    // Two sold while the manager's form (opened at 5) is still open.
    await guest(t.db).orders.place(
      pickupOrder(f, { items: [{ itemId: opened.id, quantity: 2, optionIds: [large] }] }),
    );
    const stockNow = async () =>
      (
        await t.db
          .selectFrom('menu_items')
          .select('stock')
          .where('id', '=', opened.id)
          .executeTakeFirstOrThrow()
      ).stock;
    expect(await stockNow()).toBe(3);

    const { id, version, optionGroups } = opened;
    const repriced = await manager.menuAdmin.updateItem({
      ...dish(mains.id),
      optionGroups,
      itemId: id,
      version,
      priceCents: 1600,
      stock: 5,
      stockWas: 5,
    });
    expect(repriced.priceCents).toBe(1600);
    expect(await stockNow()).toBe(3);

    await manager.menuAdmin.updateItem({
      ...dish(mains.id),
      optionGroups: repriced.optionGroups,
      itemId: id,
      version: repriced.version,
      stock: 20,
      stockWas: 3,
    });
    expect(await stockNow()).toBe(20);
  });

  it('deleting an ordered dish archives it (orders keep it, the name is free); an unordered one goes', async () => {
    const f = t.fixture;
    const { manager, mains } = await mainsOf(f);
    const placed = await guest(t.db).orders.place(pickupOrder(f));
    expect(await manager.menuAdmin.deleteItem({ itemId: f.items.burger })).toEqual({
      id: f.items.burger,
      archived: true,
    });
    expect(await manager.menuAdmin.deleteItem({ itemId: f.items.fries })).toEqual({
      id: f.items.fries,
      archived: false,
    });
    const rows = await t.db
      .selectFrom('menu_items')
      .select(['id', 'archived_at'])
      .where('id', 'in', [f.items.burger, f.items.fries])
      .execute();
    expect(rows.map((row) => row.id)).toEqual([f.items.burger]);
    expect(rows[0]?.archived_at).toBeInstanceOf(Date);

    const items = (await manager.menuAdmin.get({ locationId: f.main.id })).items.map(
      (item) => item.id,
    );
    expect(items).not.toContain(f.items.burger);
    const guestItems = (await guestMenu(f)).categories.flatMap((category) => category.items);
    expect(guestItems.map((item) => item.name)).not.toContain('Burger');
    // The archived dish cannot be ordered, edited or deleted again; its name is free.
    expect(await refusal(() => guest(t.db).orders.place(pickupOrder(f)))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      message: 'Burger is not available right now.',
    });
    expect(
      await refusal(() => manager.menuAdmin.deleteItem({ itemId: f.items.burger })),
    ).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no such dish (it may have been deleted).',
    });
    await manager.menuAdmin.createItem({
      locationId: f.main.id,
      ...dish(mains.id, { name: 'Burger' }),
    });
    // The placed order is whole.
    const board = await manager.kitchen.board({ locationId: f.main.id });
    expect(board.tickets.find((ticket) => ticket.id === placed.order.id)?.items[0]?.name).toBe(
      'Burger',
    );

    // A category with dishes is refused in words; empty of all but archived ones, it goes.
    expect(
      await refusal(() => manager.menuAdmin.deleteCategory({ categoryId: mains.id })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Move or delete its 4 dishes first.',
    });
  });

  it('a hidden dish leaves the guest menu and cannot be ordered; an empty category is deleted', async () => {
    const f = t.fixture;
    const { manager, mains } = await mainsOf(f);
    const created = await manager.menuAdmin.createItem({
      locationId: f.main.id,
      ...dish(mains.id, { hidden: true }),
    });
    const names = (await guestMenu(f)).categories.flatMap((category) =>
      category.items.map((item) => item.name),
    );
    expect(names).not.toContain('Fish and chips');
    expect(
      await refusal(() =>
        guest(t.db).orders.place(
          pickupOrder(f, {
            items: [
              {
                itemId: created.id,
                quantity: 1,
                optionIds: [created.optionGroups[0]?.options[0]?.id ?? 0],
              },
            ],
          }),
        ),
      ),
    ).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      message: 'Fish and chips is not available right now.',
    });

    const empty = await manager.menuAdmin.createCategory({
      locationId: f.main.id,
      name: 'Specials',
      parentId: null,
    });
    expect(await manager.menuAdmin.deleteCategory({ categoryId: empty.id })).toEqual({
      id: empty.id,
    });
    expect(
      (await manager.menuAdmin.get({ locationId: f.main.id })).categories.map(
        (category) => category.id,
      ),
    ).toEqual([mains.id]);
  });
});
