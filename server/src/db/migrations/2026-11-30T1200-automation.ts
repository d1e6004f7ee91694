/**
 * Automation rules (issue 15), driven by the event log.
 *
 * - `automation_rules`: a location's rules (shared/src/automation-rules.ts),
 *   each with its own webhook signing secret. A deleted rule is archived: its
 *   run history stays readable. `starts_after_event_id` is the location's last
 *   event when the rule was made, so a new rule never acts on the past.
 * - `automation_cursors`: per location, the last event the matcher has read.
 *   Per location because a location's events commit in id order (the event
 *   log's per-location lock) while two locations' may not: one cursor over all
 *   events could pass over an event with a smaller id that committed later.
 *   The matcher reads the location's kitchen room (every event a rule reacts
 *   to goes there) through event_rooms' own index: no new index on events.
 * - `automation_timers`: a late-ticket rule waiting for its time, stored, so a
 *   restart loses none of them.
 * - `automation_runs`: one row per (rule, event, action), unique, so a match
 *   is recorded once however many instances read the event; its status,
 *   attempts and outcome are the run history, and its key goes with every
 *   webhook as the idempotency key.
 * - Orders gain `rush`, `guest_count` (how many the table is for) and the
 *   messages a rule left for the guest.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('automation_rules')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('location_id', 'integer', (col) => col.notNull().references('locations.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('enabled', 'boolean', (col) => col.notNull())
    .addColumn('trigger', 'jsonb', (col) => col.notNull())
    .addColumn('conditions', 'jsonb', (col) => col.notNull())
    .addColumn('actions', 'jsonb', (col) => col.notNull())
    .addColumn('secret', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('starts_after_event_id', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('archived_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('automation_rules_location')
    .on('automation_rules')
    .column('location_id')
    .where(sql.ref('archived_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('automation_cursors')
    .addColumn('location_id', 'integer', (col) => col.primaryKey().references('locations.id'))
    .addColumn('last_event_id', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('automation_timers')
    .addColumn('rule_id', 'integer', (col) =>
      col.notNull().references('automation_rules.id').onDelete('cascade'),
    )
    .addColumn('event_id', 'integer', (col) => col.notNull())
    .addColumn('order_id', 'uuid', (col) => col.notNull().references('orders.id'))
    .addColumn('stage', 'text', (col) => col.notNull())
    /** When the ticket entered the stage: still equal when due means no bump came. */
    .addColumn('stage_entered_at', 'timestamptz', (col) => col.notNull())
    .addColumn('due_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('automation_timers_pkey', ['rule_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('automation_timers_due')
    .on('automation_timers')
    .column('due_at')
    .execute();

  await db.schema
    .createTable('automation_runs')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('rule_id', 'integer', (col) => col.notNull().references('automation_rules.id'))
    .addColumn('location_id', 'integer', (col) => col.notNull().references('locations.id'))
    .addColumn('event_id', 'integer', (col) => col.notNull())
    .addColumn('action_index', 'integer', (col) => col.notNull())
    /** The action as the rule said it when the event matched: a later edit does not change it. */
    .addColumn('action', 'jsonb', (col) => col.notNull())
    .addColumn('order_id', 'uuid', (col) => col.references('orders.id'))
    /** "Order #042 placed": which event, in words, for the run history. */
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull())
    /** While running: until when the claim holds; past it, a crashed worker's run is taken again. */
    .addColumn('lease_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_duration_ms', 'integer')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addUniqueConstraint('automation_runs_once', ['rule_id', 'event_id', 'action_index'])
    .execute();
  await db.schema
    .createIndex('automation_runs_waiting')
    .on('automation_runs')
    .columns(['next_attempt_at'])
    .where(sql.ref('status'), 'in', sql`('pending', 'running')`)
    .execute();
  await db.schema
    .createIndex('automation_runs_rule')
    .on('automation_runs')
    .columns(['rule_id', 'id'])
    .execute();

  await db.schema
    .alterTable('orders')
    .addColumn('rush', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('guest_count', 'integer')
    .addColumn('guest_messages', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('orders')
    .dropColumn('guest_messages')
    .dropColumn('guest_count')
    .dropColumn('rush')
    .execute();
  await db.schema.dropTable('automation_runs').execute();
  await db.schema.dropTable('automation_timers').execute();
  await db.schema.dropTable('automation_cursors').execute();
  await db.schema.dropTable('automation_rules').execute();
}
