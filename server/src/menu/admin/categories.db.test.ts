/**
 * The menu editor's categories and who may edit (issue 14): one level of
 * nesting, names unique per location, a save over a newer one is a CONFLICT,
 * a hidden category takes its dishes off the guest menu, reordering names
 * exactly the current list; kitchen and front-of-house accounts are
 * FORBIDDEN, another location's things NOT_FOUND.
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

describe(`menu editor: categories and access (${backend})`, () => {
  it('creates categories one level deep, and refuses a second level and a used name', async () => {
    const f = t.fixture;
    const { manager } = await mainsOf(f);
    const drinks = await manager.menuAdmin.createCategory({
      locationId: f.main.id,
      name: ' Drinks ',
      parentId: null,
    });
    expect(drinks).toMatchObject({ name: 'Drinks', parentId: null, hidden: false, version: 1 });
    const soft = await manager.menuAdmin.createCategory({
      locationId: f.main.id,
      name: 'Soft drinks',
      parentId: drinks.id,
    });
    expect(soft.parentId).toBe(drinks.id);

    expect(
      await refusal(() =>
        manager.menuAdmin.createCategory({
          locationId: f.main.id,
          name: 'Cola',
          parentId: soft.id,
        }),
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'A sub-category cannot have its own sub-categories.',
    });
    expect(
      await refusal(() =>
        manager.menuAdmin.createCategory({ locationId: f.main.id, name: 'Drinks', parentId: null }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'There is already a category called “Drinks” here.',
    });
    // A category with sub-categories cannot itself go under another.
    const desserts = await manager.menuAdmin.createCategory({
      locationId: f.main.id,
      name: 'Desserts',
      parentId: null,
    });
    expect(
      await refusal(() =>
        manager.menuAdmin.updateCategory({
          categoryId: drinks.id,
          version: drinks.version,
          name: 'Drinks',
          parentId: desserts.id,
          hidden: false,
        }),
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'A sub-category cannot have its own sub-categories.',
    });
    // Under another location's category: not found.
    const otherMains = (await manager.menuAdmin.get({ locationId: f.other.id })).categories[0];
    expect(
      await refusal(() =>
        manager.menuAdmin.createCategory({
          locationId: f.main.id,
          name: 'Sneaky',
          parentId: otherMains?.id ?? 0,
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a category edit over a newer one is a CONFLICT; a hidden category leaves the guest menu', async () => {
    const f = t.fixture;
    const { manager, mains } = await mainsOf(f);
    const other = await signedIn(t.db, f.staff.manager);
    const saved = await manager.menuAdmin.updateCategory({
      categoryId: mains.id,
      version: mains.version,
      name: 'Mains',
      parentId: null,
      hidden: true,
    });
    expect(saved).toMatchObject({ hidden: true, version: mains.version + 1 });
    expect(
      await refusal(() =>
        other.menuAdmin.updateCategory({
          categoryId: mains.id,
          version: mains.version,
          name: 'Big plates',
          parentId: null,
          hidden: false,
        }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'Someone else changed this category since you opened it.',
    });
    expect((await guestMenu(f)).categories).toEqual([]);
    // Its dishes cannot be ordered while it is hidden, and say so by name.
    expect(await refusal(() => guest(t.db).orders.place(pickupOrder(f)))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      message: 'Burger is not available right now.',
    });
  });

  it('reorders exactly the current list, and refuses a list made before a change', async () => {
    const f = t.fixture;
    const { manager, mains, menu } = await mainsOf(f);
    const ids = menu.items.filter((item) => item.categoryId === mains.id).map((item) => item.id);
    const reversed = [...ids].reverse();
    expect(
      await manager.menuAdmin.reorderItems({ categoryId: mains.id, orderedIds: reversed }),
    ).toEqual({
      ok: true,
    });
    const after = await manager.menuAdmin.get({ locationId: f.main.id });
    expect(after.items.map((item) => item.id)).toEqual(reversed);
    expect((await guestMenu(f)).categories[0]?.items.map((item) => item.id)).toEqual(reversed);

    for (const orderedIds of [reversed.slice(1), [...reversed, f.items.otherBurger]]) {
      expect(
        await refusal(() => manager.menuAdmin.reorderItems({ categoryId: mains.id, orderedIds })),
      ).toMatchObject({
        code: 'BAD_REQUEST',
        message: 'The menu changed while you were reordering; reload it.',
      });
    }

    const drinks = await manager.menuAdmin.createCategory({
      locationId: f.main.id,
      name: 'Drinks',
      parentId: null,
    });
    await manager.menuAdmin.reorderCategories({
      locationId: f.main.id,
      parentId: null,
      orderedIds: [drinks.id, mains.id],
    });
    expect((await guestMenu(f)).categories.map((category) => category.name)).toEqual([
      'Drinks',
      'Mains',
    ]);
    expect(
      await refusal(() =>
        manager.menuAdmin.reorderCategories({
          locationId: f.main.id,
          parentId: null,
          orderedIds: [mains.id],
        }),
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The menu changed while you were reordering; reload it.',
    });
  });

  it('kitchen and front-of-house accounts are FORBIDDEN; another location’s things are NOT_FOUND', async () => {
    const f = t.fixture;
    const { mains } = await mainsOf(f);
    for (const who of [f.staff.kitchen, f.staff.foh]) {
      const caller = await signedIn(t.db, who);
      expect(await refusal(() => caller.menuAdmin.get({ locationId: f.main.id }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(
        await refusal(() => caller.menuAdmin.deleteItem({ itemId: f.items.fries })),
      ).toMatchObject({ code: 'FORBIDDEN' });
    }
    // A manager of the other location only.
    await t.db.deleteFrom('staff_locations').where('location_id', '=', f.main.id).execute();
    const elsewhere = await signedIn(t.db, f.staff.manager);
    expect(await refusal(() => elsewhere.menuAdmin.get({ locationId: f.main.id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const call of [
      () => elsewhere.menuAdmin.deleteItem({ itemId: f.items.fries }),
      () =>
        elsewhere.menuAdmin.updateItem({ itemId: f.items.fries, version: 1, ...dish(mains.id) }),
      () => elsewhere.menuAdmin.deleteCategory({ categoryId: mains.id }),
      () => elsewhere.menuAdmin.reorderItems({ categoryId: mains.id, orderedIds: [f.items.fries] }),
      () => elsewhere.menuAdmin.removePhoto({ itemId: f.items.fries }),
    ]) {
      expect(await refusal(call)).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
