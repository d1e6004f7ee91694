/**
 * The menu editor's dishes (issue 14): every field and choice saved, names
 * unique among dishes in use, a save over someone else's newer one (or over
 * the kitchen's 86) is a CONFLICT, deleting an ordered dish archives it,
 * hidden and archived dishes cannot be ordered, every change reaches the
 * guest menu's room, and placed orders never change.
 */
import { describe, expect, it } from 'vitest';
import { rooms } from '@ticketrail/shared';
import { backend } from '../../../test/support/database';
import { guest, pickupOrder, signedIn, type Fixture } from '../../../test/support/fixture';
import { refusal } from '../../../test/support/refusals';
import { useTestDatabase } from '../../../test/support/setup';
import { eventsAfter, roomHead } from '../../live/event-log';
import { feedEvent } from '../../live/feeds';
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

describe(`menu editor: dishes (${backend})`, () => {
  it('lists the whole menu for its editor, with versions and what was ordered', async () => {
    const f = t.fixture;
    await guest(t.db).orders.place(pickupOrder(f));
    const { menu } = await mainsOf(f);
    expect(menu.location).toEqual({
      id: f.main.id,
      slug: 'testa',
      name: 'Test Kitchen A',
      currency: 'EUR',
    });
    const burger = menu.items.find((item) => item.id === f.items.burger);
    expect(burger).toMatchObject({
      name: 'Burger',
      priceCents: 1200,
      version: 1,
      hidden: false,
      onOrders: true,
      photoUrl: null,
    });
    expect(burger?.optionGroups.map((group) => group.name)).toEqual(['Patty', 'Extras']);
    expect(menu.items.find((item) => item.id === f.items.fries)?.onOrders).toBe(false);
    // The other location's burger is not here.
    expect(menu.items.map((item) => item.id)).not.toContain(f.items.otherBurger);
  });

  it('creates and edits a dish with its choices; a used name and a stale save are CONFLICTs', async () => {
    const f = t.fixture;
    const { manager, mains } = await mainsOf(f);
    const created = await manager.menuAdmin.createItem({
      locationId: f.main.id,
      ...dish(mains.id),
    });
    expect(created).toMatchObject({
      name: 'Fish and chips',
      priceCents: 1450,
      version: 1,
      onOrders: false,
      optionGroups: [{ name: 'Size', options: [{ name: 'Regular' }, { name: 'Large' }] }],
    });
    expect(
      await refusal(() =>
        manager.menuAdmin.createItem({
          locationId: f.main.id,
          ...dish(mains.id, { name: 'Burger' }),
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', message: 'There is already a dish called “Burger” here.' });

    // Rename "Large" to "Big" and add a choice: "Large" keeps its id.
    const [size] = created.optionGroups;
    const large = size?.options[1];
    const edited = await manager.menuAdmin.updateItem({
      itemId: created.id,
      version: created.version,
      ...dish(mains.id, {
        priceCents: 1550,
        optionGroups: [
          {
            id: size?.id,
            name: 'Size',
            required: true,
            minSelect: 1,
            maxSelect: 1,
            options: [
              { id: large?.id, name: 'Big', priceDeltaCents: 350, available: true },
              { id: size?.options[0]?.id, name: 'Regular', priceDeltaCents: 0, available: true },
            ],
          },
          {
            name: 'Sauce',
            required: false,
            minSelect: 0,
            maxSelect: 2,
            options: [
              { name: 'Tartare', priceDeltaCents: 50, available: true },
              { name: 'Curry', priceDeltaCents: 50, available: true },
            ],
          },
        ],
      }),
    });
    expect(edited.version).toBe(2);
    expect(edited.optionGroups[0]?.options[0]).toEqual({
      id: large?.id,
      name: 'Big',
      priceDeltaCents: 350,
      available: true,
    });
    expect(edited.optionGroups.map((group) => group.name)).toEqual(['Size', 'Sauce']);

    // A second manager saving over version 1 is refused, and the saved version stands.
    const other = await signedIn(t.db, f.staff.manager);
    expect(
      await refusal(() =>
        other.menuAdmin.updateItem({
          itemId: created.id,
          version: created.version,
          ...dish(mains.id, { priceCents: 999 }),
        }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'Someone else saved this dish since you opened it.',
    });
    const reread = await other.menuAdmin.get({ locationId: f.main.id });
    expect(reread.items.find((item) => item.id === created.id)).toEqual(edited);

    // Moved into another location's category: not found.
    const otherMains = (await manager.menuAdmin.get({ locationId: f.other.id })).categories[0];
    expect(
      await refusal(() =>
        manager.menuAdmin.updateItem({
          itemId: created.id,
          version: edited.version,
          ...dish(otherMains?.id ?? 0),
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('two managers saving the same version at once: one save wins, the other is a CONFLICT', async () => {
    const f = t.fixture;
    const { manager, mains } = await mainsOf(f);
    const other = await signedIn(t.db, f.staff.manager);
    const opened = await manager.menuAdmin.createItem({ locationId: f.main.id, ...dish(mains.id) });
    const save = (caller: typeof manager, priceCents: number) =>
      caller.menuAdmin.updateItem({
        itemId: opened.id,
        version: opened.version,
        ...dish(mains.id, { priceCents }),
      });
    const outcomes = await Promise.allSettled([save(manager, 1500), save(other, 1600)]);
    const won = outcomes.flatMap((outcome) =>
      outcome.status === 'fulfilled' ? [outcome.value] : [],
    );
    expect(won).toHaveLength(1);
    const lost = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
    );
    expect(lost).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    const saved = (await manager.menuAdmin.get({ locationId: f.main.id })).items.find(
      (item) => item.id === opened.id,
    );
    expect(saved).toEqual(won[0]);
  });

  it('the kitchen’s 86 after the editor opened the dish makes its save a CONFLICT', async () => {
    const f = t.fixture;
    const { manager, mains } = await mainsOf(f);
    const opened = await manager.menuAdmin.createItem({ locationId: f.main.id, ...dish(mains.id) });
    const kitchen = await signedIn(t.db, f.staff.kitchen);
    await kitchen.menu.setAvailability({ itemId: opened.id, available: false });
    // The form still says "available": saving it would undo the 86 without anyone knowing.
    expect(
      await refusal(() =>
        manager.menuAdmin.updateItem({
          itemId: opened.id,
          version: opened.version,
          ...dish(mains.id, { priceCents: 1500 }),
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    const saved = (await manager.menuAdmin.get({ locationId: f.main.id })).items.find(
      (item) => item.id === opened.id,
    );
    expect(saved).toMatchObject({ available: false, priceCents: 1450, version: 2 });
  });

  it('every change reaches the menu room with the guest menu as it now is', async () => {
    const f = t.fixture;
    const { manager, mains } = await mainsOf(f);
    const room = rooms.menu(f.main.id);
    const head = await roomHead(t.db, room);
    await manager.menuAdmin.createItem({
      locationId: f.main.id,
      ...dish(mains.id, { priceCents: 1999 }),
    });
    const events = await eventsAfter(t.db, room, head);
    expect(events).toHaveLength(1);
    const [stored] = events;
    if (!stored) throw new Error('no event');
    expect(stored.rooms).toEqual([room]);
    const live = feedEvent(room, stored.event);
    expect(live).toEqual({ type: 'menu.changed', categories: (await guestMenu(f)).categories });
    // The ready board hears nothing of it.
    expect(feedEvent(rooms.board(f.main.id), stored.event)).toBeNull();
    // A refused change writes no event.
    await refusal(() =>
      manager.menuAdmin.createItem({
        locationId: f.main.id,
        ...dish(mains.id, { name: 'Burger' }),
      }),
    );
    expect(await eventsAfter(t.db, room, stored.id)).toEqual([]);
  });
});
