import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '@ticketrail/shared';
import { seedDemo } from './seed';
import { DEMO_LOCATIONS, DEMO_STAFF } from './data';
import { backend } from '../../test/support/database';
import { guest, tableCounts } from '../../test/support/fixture';
import { useTestDatabase } from '../../test/support/setup';
import { sql } from 'kysely';

const t = useTestDatabase();

async function emptyDatabase() {
  await sql`truncate locations, staff restart identity cascade`.execute(t.db);
}

describe(`demo seed (${backend})`, () => {
  it('builds a believable restaurant', async () => {
    await emptyDatabase();
    const summary = await seedDemo(t.db);
    expect(summary.locations).toBe(DEMO_LOCATIONS.length);

    const menu = await guest(t.db).menu.get({ locationSlug: 'harbour-kitchen' });
    const sections = menu.categories.flatMap((category) => [category, ...category.children]);
    const items = sections.flatMap((section) => section.items);
    expect(menu.categories.length).toBeGreaterThanOrEqual(5);
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(items.filter((item) => item.optionGroups.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(items.some((item) => item.optionGroups.some((group) => group.name === 'Doneness'))).toBe(
      true,
    );
    expect(items.filter((item) => item.allergens.length > 0).length).toBeGreaterThanOrEqual(10);

    const stations = await t.db
      .selectFrom('menu_items')
      .select('station')
      .distinct()
      .where('location_id', '=', menu.location.id)
      .execute();
    expect(stations.length).toBeGreaterThanOrEqual(3);
    const tables = await t.db
      .selectFrom('tables')
      .select('label')
      .where('location_id', '=', menu.location.id)
      .execute();
    expect(tables).toHaveLength(10);
    const roles = await t.db.selectFrom('staff').select('role').distinct().execute();
    expect(roles.map((row) => row.role).sort()).toEqual([...STAFF_ROLES].sort());
  });

  it('seeding twice duplicates nothing and keeps changes made since', async () => {
    await emptyDatabase();
    await seedDemo(t.db);
    const first = await tableCounts(t.db);
    await t.db
      .updateTable('menu_items')
      .set({ available: false })
      .where('name', '=', 'Skinny fries')
      .execute();
    await seedDemo(t.db);
    expect(await tableCounts(t.db)).toEqual(first);
    const fries = await t.db
      .selectFrom('menu_items')
      .select('available')
      .where('name', '=', 'Skinny fries')
      .execute();
    expect(fries.every((row) => !row.available)).toBe(true);
  });

  it('a second seed (every embedded start) undoes nothing a manager did in the back office', async () => {
    await emptyDatabase();
    await seedDemo(t.db);
    const main = await t.db
      .selectFrom('locations')
      .select('id')
      .where('slug', '=', 'harbour-kitchen')
      .executeTakeFirstOrThrow();
    const fries = await t.db
      .selectFrom('menu_items')
      .select('id')
      .where('location_id', '=', main.id)
      .where('name', '=', 'Skinny fries')
      .executeTakeFirstOrThrow();
    // A dish archived, a category renamed, a choice removed, a cook taken off a location.
    await t.db
      .updateTable('menu_items')
      .set({ archived_at: new Date() })
      .where('id', '=', fries.id)
      .execute();
    await t.db
      .updateTable('menu_categories')
      .set({ name: 'Small plates' })
      .where('location_id', '=', main.id)
      .where('name', '=', 'Starters')
      .execute();
    const doneness = await t.db
      .selectFrom('option_groups')
      .select(['id', 'item_id'])
      .where('name', '=', 'Doneness')
      .executeTakeFirstOrThrow();
    await t.db.deleteFrom('option_groups').where('id', '=', doneness.id).execute();
    const cook = DEMO_STAFF.find((member) => member.role === 'kitchen')!;
    const cookRow = await t.db
      .selectFrom('staff')
      .select('id')
      .where('email', '=', cook.email)
      .executeTakeFirstOrThrow();
    await t.db.deleteFrom('staff_locations').where('staff_id', '=', cookRow.id).execute();
    const before = await tableCounts(t.db);

    expect(await seedDemo(t.db)).toMatchObject({ locations: 0, staff: 0 });
    expect(await tableCounts(t.db)).toEqual(before);
    const live = await t.db
      .selectFrom('menu_items')
      .select('id')
      .where('location_id', '=', main.id)
      .where('name', '=', 'Skinny fries')
      .where('archived_at', 'is', null)
      .execute();
    expect(live).toEqual([]);
    const categories = await t.db
      .selectFrom('menu_categories')
      .select('name')
      .where('location_id', '=', main.id)
      .where('name', 'in', ['Starters', 'Small plates'])
      .execute();
    expect(categories.map((row) => row.name)).toEqual(['Small plates']);
    const groups = await t.db
      .selectFrom('option_groups')
      .select('name')
      .where('item_id', '=', doneness.item_id)
      .execute();
    expect(groups.map((row) => row.name)).not.toContain('Doneness');
    const cookPlaces = await t.db
      .selectFrom('staff_locations')
      .select('location_id')
      .where('staff_id', '=', cookRow.id)
      .execute();
    expect(cookPlaces).toEqual([]);
  });

  it('every demo login signs in, and every orderable item can be ordered', async () => {
    await emptyDatabase();
    await seedDemo(t.db);
    for (const member of DEMO_STAFF) {
      const session = await guest(t.db).auth.login({
        email: member.email,
        password: member.password,
      });
      expect(session.staff.role).toBe(member.role);
      expect(session.staff.locations.map((location) => location.slug).sort()).toEqual(
        [...member.locations].sort(),
      );
    }

    const menu = await guest(t.db).menu.get({ locationSlug: 'harbour-kitchen' });
    const items = menu.categories
      .flatMap((category) => [category, ...category.children])
      .flatMap((section) => section.items)
      .filter((item) => item.available && !item.soldOut);
    // The smallest valid choice for each item: the first options of each group, as many as needed.
    const quote = await guest(t.db).orders.quote({
      locationSlug: 'harbour-kitchen',
      items: items.map((item) => ({
        itemId: item.id,
        quantity: 1,
        optionIds: item.optionGroups.flatMap((group) =>
          group.options
            .slice(0, group.required ? Math.max(1, group.minSelect) : group.minSelect)
            .map((option) => option.id),
        ),
      })),
    });
    expect(quote.lines).toHaveLength(items.length);
    expect(quote.totalCents).toBeGreaterThan(0);
  });
});
