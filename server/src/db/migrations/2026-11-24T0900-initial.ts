/**
 * The first schema: locations and tables, the menu, staff and sessions, orders
 * with their items, and the event log that doubles as the outbox.
 */
import { sql, type Kysely } from 'kysely';
import {
  ITEM_STATUSES,
  ORDER_STATUSES,
  ORDER_TYPES,
  STAFF_ROLES,
  STATIONS,
} from '@ticketrail/shared';

const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(', ')})`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('locations')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('timezone', 'text', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('accepting_orders', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('tables')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('location_id', 'integer', (col) =>
      col.notNull().references('locations.id').onDelete('cascade'),
    )
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('secret', 'text', (col) => col.notNull().unique())
    .addUniqueConstraint('tables_location_label_key', ['location_id', 'label'])
    .execute();

  await db.schema
    .createTable('menu_categories')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('location_id', 'integer', (col) =>
      col.notNull().references('locations.id').onDelete('cascade'),
    )
    .addColumn('parent_id', 'integer', (col) =>
      col.references('menu_categories.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addUniqueConstraint('menu_categories_location_name_key', ['location_id', 'name'])
    .execute();

  await db.schema
    .createTable('menu_items')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('location_id', 'integer', (col) =>
      col.notNull().references('locations.id').onDelete('cascade'),
    )
    .addColumn('category_id', 'integer', (col) =>
      col.notNull().references('menu_categories.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('price_cents', 'integer', (col) => col.notNull().check(sql`price_cents >= 0`))
    .addColumn('station', 'text', (col) => col.notNull().check(oneOf('station', STATIONS)))
    .addColumn('allergens', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('dietary', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('available', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('stock', 'integer', (col) => col.check(sql`stock >= 0`))
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('menu_items_location_name_key', ['location_id', 'name'])
    .execute();

  await db.schema
    .createTable('option_groups')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('item_id', 'integer', (col) =>
      col.notNull().references('menu_items.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('required', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('min_select', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('max_select', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addUniqueConstraint('option_groups_item_name_key', ['item_id', 'name'])
    .addCheckConstraint(
      'option_groups_selection_check',
      sql`min_select >= 0 and max_select >= 1 and max_select >= min_select`,
    )
    .execute();

  await db.schema
    .createTable('options')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('group_id', 'integer', (col) =>
      col.notNull().references('option_groups.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('price_delta_cents', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('available', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addUniqueConstraint('options_group_name_key', ['group_id', 'name'])
    .execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('email', 'text', (col) =>
      col
        .notNull()
        .unique()
        .check(sql`email = lower(email)`),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(oneOf('role', STAFF_ROLES)))
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('staff_locations')
    .addColumn('staff_id', 'integer', (col) =>
      col.notNull().references('staff.id').onDelete('cascade'),
    )
    .addColumn('location_id', 'integer', (col) =>
      col.notNull().references('locations.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('staff_locations_pkey', ['staff_id', 'location_id'])
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('staff_id', 'integer', (col) =>
      col.notNull().references('staff.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('order_counters')
    .addColumn('location_id', 'integer', (col) =>
      col.notNull().references('locations.id').onDelete('cascade'),
    )
    .addColumn('business_date', 'date', (col) => col.notNull())
    .addColumn('last_number', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('order_counters_pkey', ['location_id', 'business_date'])
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('location_id', 'integer', (col) => col.notNull().references('locations.id'))
    .addColumn('business_date', 'date', (col) => col.notNull())
    .addColumn('number', 'integer', (col) => col.notNull().check(sql`number > 0`))
    .addColumn('type', 'text', (col) => col.notNull().check(oneOf('type', ORDER_TYPES)))
    .addColumn('table_id', 'integer', (col) => col.references('tables.id'))
    .addColumn('delivery_address', 'text')
    .addColumn('guest_name', 'text', (col) => col.notNull())
    .addColumn('guest_phone', 'text')
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (col) => col.notNull().check(oneOf('status', ORDER_STATUSES)))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('subtotal_cents', 'integer', (col) => col.notNull().check(sql`subtotal_cents >= 0`))
    .addColumn('total_cents', 'integer', (col) => col.notNull().check(sql`total_cents >= 0`))
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('tracking_token_hash', 'text', (col) => col.notNull())
    .addColumn('placed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('preparing_at', 'timestamptz')
    .addColumn('ready_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('rejected_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('orders_location_day_number_key', [
      'location_id',
      'business_date',
      'number',
    ])
    .addUniqueConstraint('orders_location_idempotency_key', ['location_id', 'idempotency_key'])
    .addCheckConstraint(
      'orders_fulfilment_check',
      sql`(type <> 'dine_in' or table_id is not null) and (type <> 'delivery' or delivery_address is not null)`,
    )
    .execute();

  // The kitchen board reads open orders of a location, oldest first.
  await db.schema
    .createIndex('orders_open_by_location')
    .on('orders')
    .columns(['location_id', 'placed_at'])
    .where(sql.ref('status'), 'in', ['placed', 'accepted', 'preparing', 'ready'])
    .execute();

  await db.schema
    .createTable('order_items')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('order_id', 'uuid', (col) =>
      col.notNull().references('orders.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('menu_item_id', 'integer', (col) => col.notNull().references('menu_items.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('station', 'text', (col) => col.notNull())
    .addColumn('allergens', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('quantity', 'integer', (col) => col.notNull().check(sql`quantity between 1 and 99`))
    .addColumn('unit_price_cents', 'integer', (col) => col.notNull())
    .addColumn('options', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('notes', 'text')
    .addColumn('line_total_cents', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('queued').check(oneOf('status', ITEM_STATUSES)),
    )
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('order_items_order_position_key', ['order_id', 'position'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('location_id', 'integer', (col) => col.notNull().references('locations.id'))
    .addColumn('rooms', sql`text[]`, (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  // Replay reads "events of room R after id N": a GIN index answers `rooms @> {R}`.
  await sql`create index events_rooms on events using gin (rooms)`.execute(db);
  // A location's newest event is the cursor a kitchen board snapshot resumes from.
  await db.schema
    .createIndex('events_location_id')
    .on('events')
    .columns(['location_id', 'id'])
    .execute();

  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'server_secrets',
    'events',
    'order_items',
    'orders',
    'order_counters',
    'staff_sessions',
    'staff_locations',
    'staff',
    'options',
    'option_groups',
    'menu_items',
    'menu_categories',
    'tables',
    'locations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
