/**
 * The settings migration moves what the location columns held into location
 * overrides: time zone and currency always, the rest only where they differ
 * from the built-in default (so a later installation default reaches them).
 * Run on an embedded database of its own, migrated step by step (once, in the
 * PGlite project: the SQL is the same on Postgres, which runs the migration
 * itself in every other suite).
 */
import { Migrator, sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { backend } from '../../test/support/database';
import { openDatabase } from '../db/connect';
import { migrations } from '../db/migrations';
import type { Database } from '../db/schema';
import { readLocationScope } from './stored';

const BEFORE = '2026-11-30T0900-table-codes';
const SETTINGS = '2026-11-30T1000-settings';

function migrator(db: Kysely<Database>) {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

describe.skipIf(backend === 'postgres')('the settings migration', () => {
  // A fresh database migrated three times: slow on a busy machine.
  it('moves the columns into overrides, and back down', { timeout: 120_000 }, async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    const { db } = database;
    try {
      expect((await migrator(db).migrateTo(BEFORE)).error).toBeUndefined();
      await sql`insert into locations (slug, name, timezone, currency) values ('plain', 'Plain', 'Europe/Dublin', 'EUR')`.execute(
        db,
      );
      await sql`insert into locations (slug, name, timezone, currency, accepting_orders, ticket_warn_minutes, ready_board_collected_seconds)
                values ('tuned', 'Tuned', 'Europe/London', 'GBP', false, 10, 0)`.execute(db);

      expect((await migrator(db).migrateTo(SETTINGS)).error).toBeUndefined();
      const plain = await readLocationScope(db, 1);
      const tuned = await readLocationScope(db, 2);
      expect(plain).toEqual({
        overrides: { timezone: 'Europe/Dublin', currency: 'EUR' },
        version: 1,
      });
      expect(tuned.overrides).toEqual({
        timezone: 'Europe/London',
        currency: 'GBP',
        acceptingOrders: false,
        warnAfterMinutes: 10,
        readyBoardCollectedSeconds: 0,
      });
      const columns = await sql<{ column_name: string }>`
        select column_name from information_schema.columns where table_name = 'locations'`.execute(
        db,
      );
      expect(columns.rows.map((row) => row.column_name)).not.toContain('accepting_orders');

      expect((await migrator(db).migrateTo(BEFORE)).error).toBeUndefined();
      const back = await sql<Record<string, unknown>>`
        select slug, timezone, currency, accepting_orders, ticket_warn_minutes, ticket_late_minutes,
               ready_board_collected_seconds from locations order by id`.execute(db);
      expect(back.rows).toEqual([
        {
          slug: 'plain',
          timezone: 'Europe/Dublin',
          currency: 'EUR',
          accepting_orders: true,
          ticket_warn_minutes: 8,
          ticket_late_minutes: 15,
          ready_board_collected_seconds: 60,
        },
        {
          slug: 'tuned',
          timezone: 'Europe/London',
          currency: 'GBP',
          accepting_orders: false,
          ticket_warn_minutes: 10,
          ticket_late_minutes: 15,
          ready_board_collected_seconds: 0,
        },
      ]);
    } finally {
      await database.close();
    }
  });
});
