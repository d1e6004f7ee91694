/**
 * Seeds the demo restaurant. The embedded default seeds on every start, and
 * since issue 14 a manager edits the menu, staff and tables from the back
 * office: so a location is filled only when it is created, and an account
 * given its locations only when it is created. A dish archived, a choice
 * removed, a category renamed or a cook taken off a location stays that way
 * after a restart; seeding twice adds nothing.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { createLocationOverrides } from '../settings/stored';
import { hashPassword } from '../staff/passwords';
import {
  DEMO_LOCATIONS,
  DEMO_STAFF,
  type SeedCategory,
  type SeedItem,
  type SeedLocation,
} from './data';

export interface SeedSummary {
  locations: number;
  tables: number;
  categories: number;
  items: number;
  staff: number;
}

export async function seedDemo(db: Kysely<Database>): Promise<SeedSummary> {
  // Hashing is slow on purpose; do it before the transaction holds any locks.
  const staff = await Promise.all(
    DEMO_STAFF.map(async (member) => ({ ...member, hash: await hashPassword(member.password) })),
  );
  return db.transaction().execute(async (trx) => {
    const summary: SeedSummary = { locations: 0, tables: 0, categories: 0, items: 0, staff: 0 };
    const locationIds = new Map<string, number>();
    for (const location of DEMO_LOCATIONS) {
      locationIds.set(location.slug, await seedLocation(trx, location, summary));
    }
    for (const member of staff) {
      const row = await trx
        .insertInto('staff')
        .values({
          email: member.email,
          name: member.name,
          role: member.role,
          password_hash: member.hash,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .returning('id')
        .executeTakeFirst();
      // Already there: where they work is the managers' business now.
      if (!row) continue;
      summary.staff += 1;
      for (const slug of member.locations) {
        const locationId = locationIds.get(slug);
        if (locationId === undefined)
          throw new Error(`Demo staff ${member.email} works at unknown ${slug}`);
        await trx
          .insertInto('staff_locations')
          .values({ staff_id: row.id, location_id: locationId })
          .onConflict((oc) => oc.columns(['staff_id', 'location_id']).doNothing())
          .execute();
      }
    }
    return summary;
  });
}

async function seedLocation(
  trx: Transaction<Database>,
  location: SeedLocation,
  summary: SeedSummary,
): Promise<number> {
  const created = await trx
    .insertInto('locations')
    .values({
      slug: location.slug,
      name: location.name,
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!created) {
    // Seeded before: its menu, tables and settings are the managers' now.
    const existing = await trx
      .selectFrom('locations')
      .select('id')
      .where('slug', '=', location.slug)
      .executeTakeFirstOrThrow();
    return existing.id;
  }
  const locationId = created.id;
  await createLocationOverrides(trx, locationId, {
    timezone: location.timezone,
    currency: location.currency,
  });
  summary.locations += 1;

  for (const table of location.tables) {
    // A code a manager replaced stays retired: its old cards say so, even after a re-seed.
    const retired = await trx
      .selectFrom('retired_table_secrets')
      .select('secret')
      .where('secret', '=', table.secret)
      .executeTakeFirst();
    if (retired) continue;
    await trx
      .insertInto('tables')
      .values({ location_id: locationId, label: table.label, secret: table.secret })
      // Already there by name, or its code is (the table renamed, removed or given a new
      // code by a manager since): a re-seed leaves the manager's tables as they are.
      .onConflict((oc) => oc.doNothing())
      .execute();
    summary.tables += 1;
  }

  let sortOrder = 0;
  for (const category of location.menu) {
    const parentId = await seedCategory(trx, locationId, null, category, sortOrder++, summary);
    for (const child of category.children ?? []) {
      await seedCategory(trx, locationId, parentId, child, sortOrder++, summary);
    }
  }
  return locationId;
}

async function seedCategory(
  trx: Transaction<Database>,
  locationId: number,
  parentId: number | null,
  category: SeedCategory,
  sortOrder: number,
  summary: SeedSummary,
): Promise<number> {
  const { id: categoryId } = await trx
    .insertInto('menu_categories')
    .values({
      location_id: locationId,
      parent_id: parentId,
      name: category.name,
      sort_order: sortOrder,
    })
    // The name is unique among those in use (an archived one frees it): the index's predicate.
    .onConflict((oc) =>
      oc
        .columns(['location_id', 'name'])
        .where('archived_at', 'is', null)
        .doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  summary.categories += 1;
  for (const [index, item] of category.items.entries()) {
    await seedItem(trx, locationId, categoryId, item, index);
    summary.items += 1;
  }
  return categoryId;
}

async function seedItem(
  trx: Transaction<Database>,
  locationId: number,
  categoryId: number,
  item: SeedItem,
  sortOrder: number,
): Promise<void> {
  const { id: itemId } = await trx
    .insertInto('menu_items')
    .values({
      location_id: locationId,
      category_id: categoryId,
      name: item.name,
      description: item.description,
      price_cents: item.priceCents,
      station: item.station,
      allergens: item.allergens,
      dietary: item.dietary,
      available: item.available ?? true,
      stock: item.stock ?? null,
      sort_order: sortOrder,
    })
    // The name is unique among those in use (an archived one frees it): the index's predicate.
    .onConflict((oc) =>
      oc
        .columns(['location_id', 'name'])
        .where('archived_at', 'is', null)
        .doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();

  for (const [groupIndex, group] of (item.optionGroups ?? []).entries()) {
    const { id: groupId } = await trx
      .insertInto('option_groups')
      .values({
        item_id: itemId,
        name: group.name,
        required: group.required,
        min_select: group.minSelect,
        max_select: group.maxSelect,
        sort_order: groupIndex,
      })
      .onConflict((oc) =>
        oc.columns(['item_id', 'name']).doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [optionIndex, option] of group.options.entries()) {
      await trx
        .insertInto('options')
        .values({
          group_id: groupId,
          name: option.name,
          price_delta_cents: option.priceDeltaCents,
          sort_order: optionIndex,
        })
        .onConflict((oc) => oc.columns(['group_id', 'name']).doNothing())
        .execute();
    }
  }
}
