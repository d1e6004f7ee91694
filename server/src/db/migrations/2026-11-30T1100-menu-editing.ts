/**
 * Managers edit the menu (issue 14).
 *
 * - `version` on categories and items: an editor saves "over version N", so a
 *   second manager's save over a newer one is a CONFLICT, never a silent overwrite.
 * - `hidden`: kept, but not on the guest menu (seasonal, not yet launched).
 * - `archived_at` on items: order lines point at their item (`order_items.menu_item_id`),
 *   so an item that was ordered is archived, never deleted; a name is unique
 *   only among the items in use, so "Burger" can come back after archiving. A
 *   category that holds nothing but archived items is archived the same way.
 * - Photos are stored in the database (bytea), not under DATA_DIR: every
 *   instance of a multi-instance install reads the same rows, a backup of the
 *   database is a backup of the menu, and PGlite and Postgres both keep bytea.
 *   They are small (a phone-sized WebP, tens of KB), so the rows stay light.
 *   Each upload gets a new random key, the photo's address: it can be cached
 *   forever, and the photos of hidden dishes cannot be found by counting.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('menu_categories')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('hidden', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('archived_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .alterTable('menu_categories')
    .dropConstraint('menu_categories_location_name_key')
    .execute();
  await db.schema
    .createIndex('menu_categories_location_name_in_use')
    .unique()
    .on('menu_categories')
    .columns(['location_id', 'name'])
    .where(sql.ref('archived_at'), 'is', null)
    .execute();

  await db.schema
    .alterTable('menu_items')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('hidden', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('archived_at', 'timestamptz')
    .addColumn('photo_key', 'text')
    .execute();
  await db.schema.alterTable('menu_items').dropConstraint('menu_items_location_name_key').execute();
  await db.schema
    .createIndex('menu_items_location_name_in_use')
    .unique()
    .on('menu_items')
    .columns(['location_id', 'name'])
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
  // The admin and guest menus read a category's items in order.
  await db.schema
    .createIndex('menu_items_category')
    .on('menu_items')
    .columns(['category_id', 'sort_order'])
    .execute();

  await db.schema
    .createTable('menu_photos')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('item_id', 'integer', (col) =>
      col.notNull().references('menu_items.id').onDelete('cascade'),
    )
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('bytes', 'bytea', (col) => col.notNull())
    .addColumn('width', 'integer', (col) => col.notNull())
    .addColumn('height', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('menu_photos_item').on('menu_photos').column('item_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('menu_photos').execute();
  await db.schema.dropIndex('menu_items_category').execute();
  await db.schema.dropIndex('menu_items_location_name_in_use').execute();
  await db.schema
    .alterTable('menu_items')
    .addUniqueConstraint('menu_items_location_name_key', ['location_id', 'name'])
    .execute();
  await db.schema
    .alterTable('menu_items')
    .dropColumn('version')
    .dropColumn('hidden')
    .dropColumn('archived_at')
    .dropColumn('photo_key')
    .execute();
  await db.schema.dropIndex('menu_categories_location_name_in_use').execute();
  await db.schema
    .alterTable('menu_categories')
    .addUniqueConstraint('menu_categories_location_name_key', ['location_id', 'name'])
    .execute();
  await db.schema
    .alterTable('menu_categories')
    .dropColumn('version')
    .dropColumn('hidden')
    .dropColumn('archived_at')
    .dropColumn('updated_at')
    .execute();
}
