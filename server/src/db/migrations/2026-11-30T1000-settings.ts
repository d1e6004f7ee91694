/**
 * Settings resolved from several sources (issue 14). An installation-wide row
 * and one row per location hold partial overrides as JSON, each with a
 * version so two managers saving at once get a CONFLICT, not a lost write.
 *
 * The location columns that held settings move into the location's overrides
 * and are dropped, so there is one place to read a setting from:
 * - `timezone` and `currency` always move: they had no column default, so
 *   every value was chosen for that location on purpose.
 * - the others (accepting orders, the kitchen's timers, the recall window,
 *   the ready board's time) move only where they differ from the built-in
 *   default: an untouched column meant "the default", and as an override it
 *   would hide every later installation-wide default from that location.
 */
import { sql, type Kysely } from 'kysely';

/** The built-in defaults as they were when this migration was written (never import live ones here). */
const COLUMN_DEFAULTS = {
  accepting_orders: true,
  ticket_warn_minutes: 8,
  ticket_late_minutes: 15,
  recall_window_minutes: 5,
  ready_board_collected_seconds: 60,
};

interface OldLocation {
  id: number;
  timezone: string;
  currency: string;
  accepting_orders: boolean;
  ticket_warn_minutes: number;
  ticket_late_minutes: number;
  recall_window_minutes: number;
  ready_board_collected_seconds: number;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('installation_settings')
    // One row: the check keeps a second from ever appearing.
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('overrides', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into installation_settings (id) values (1)`.execute(db);

  await db.schema
    .createTable('location_settings')
    .addColumn('location_id', 'integer', (col) =>
      col.primaryKey().references('locations.id').onDelete('cascade'),
    )
    .addColumn('overrides', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  const { rows } = await sql<OldLocation>`
    select id, timezone, currency, accepting_orders, ticket_warn_minutes, ticket_late_minutes,
           recall_window_minutes, ready_board_collected_seconds
    from locations`.execute(db);
  for (const row of rows) {
    const overrides: Record<string, unknown> = { timezone: row.timezone, currency: row.currency };
    const differs = <K extends keyof typeof COLUMN_DEFAULTS>(column: K) =>
      row[column] !== COLUMN_DEFAULTS[column];
    if (differs('accepting_orders')) overrides['acceptingOrders'] = row.accepting_orders;
    if (differs('ticket_warn_minutes')) overrides['warnAfterMinutes'] = row.ticket_warn_minutes;
    if (differs('ticket_late_minutes')) overrides['lateAfterMinutes'] = row.ticket_late_minutes;
    if (differs('recall_window_minutes')) {
      overrides['recallWindowMinutes'] = row.recall_window_minutes;
    }
    if (differs('ready_board_collected_seconds')) {
      overrides['readyBoardCollectedSeconds'] = row.ready_board_collected_seconds;
    }
    await sql`insert into location_settings (location_id, overrides)
              values (${row.id}, ${JSON.stringify(overrides)}::jsonb)`.execute(db);
  }

  await db.schema
    .alterTable('locations')
    .dropColumn('timezone')
    .dropColumn('currency')
    .dropColumn('accepting_orders')
    .dropColumn('ticket_warn_minutes')
    .dropColumn('ticket_late_minutes')
    .dropColumn('recall_window_minutes')
    .dropColumn('ready_board_collected_seconds')
    .execute();
}

/** Puts the columns back, filled from the location's overrides or the old defaults. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('locations')
    .addColumn('timezone', 'text', (col) => col.notNull().defaultTo('UTC'))
    .addColumn('currency', 'text', (col) => col.notNull().defaultTo('EUR'))
    .addColumn('accepting_orders', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('ticket_warn_minutes', 'integer', (col) => col.notNull().defaultTo(8))
    .addColumn('ticket_late_minutes', 'integer', (col) => col.notNull().defaultTo(15))
    .addColumn('recall_window_minutes', 'integer', (col) => col.notNull().defaultTo(5))
    .addColumn('ready_board_collected_seconds', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(60)
        .check(sql`ready_board_collected_seconds between 0 and 600`),
    )
    .execute();
  await sql`
    update locations l set
      timezone = coalesce(s.overrides->>'timezone', l.timezone),
      currency = coalesce(s.overrides->>'currency', l.currency),
      accepting_orders = coalesce((s.overrides->>'acceptingOrders')::boolean, l.accepting_orders),
      ticket_warn_minutes = coalesce((s.overrides->>'warnAfterMinutes')::integer, l.ticket_warn_minutes),
      ticket_late_minutes = coalesce((s.overrides->>'lateAfterMinutes')::integer, l.ticket_late_minutes),
      recall_window_minutes =
        coalesce((s.overrides->>'recallWindowMinutes')::integer, l.recall_window_minutes),
      ready_board_collected_seconds =
        coalesce((s.overrides->>'readyBoardCollectedSeconds')::integer, l.ready_board_collected_seconds)
    from location_settings s
    where s.location_id = l.id`.execute(db);
  await db.schema.dropTable('location_settings').execute();
  await db.schema.dropTable('installation_settings').execute();
}
