/**
 * A private database per test file, on the backend the Vitest project names:
 * an in-memory PGlite, or a fresh database on the Postgres at DATABASE_URL
 * (dropped afterwards), so files run in parallel without seeing each other.
 */
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';

export type TestBackend = 'pglite' | 'postgres';

export const backend: TestBackend =
  process.env.TICKETRAIL_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export interface TestDatabase extends DatabaseHandle {
  /** Drops the database (Postgres) or discards it (PGlite). */
  destroy(): Promise<void>;
  /**
   * Another connection pool to the same database, as a second server process
   * would have. Postgres only: PGlite is one connection inside one process.
   */
  openAnother: (() => Promise<DatabaseHandle>) | null;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const handle = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrateToLatest(handle.db);
    return { ...handle, destroy: () => handle.close(), openAnother: null };
  }

  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('The Postgres test project needs DATABASE_URL');
  const name = `ticketrail_test_${randomBytes(6).toString('hex')}`;
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
  await sql`create database ${sql.id(name)}`.execute(admin);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  // More connections than a pool needs in service, so races really run in parallel.
  const handle = await openDatabase({
    kind: 'postgres',
    url: testUrl.toString(),
    maxConnections: 20,
  });
  await migrateToLatest(handle.db);
  const others: DatabaseHandle[] = [];
  return {
    ...handle,
    openAnother: async () => {
      const other = await openDatabase({ kind: 'postgres', url: testUrl.toString() });
      others.push(other);
      return other;
    },
    destroy: async () => {
      await Promise.all(others.map((other) => other.close()));
      await handle.close();
      // Not WITH (FORCE): killing the pool's closing connections makes them throw.
      // A backend can outlive its client by a moment, so wait for it instead.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await sql`drop database if exists ${sql.id(name)}`.execute(admin);
          break;
        } catch (error) {
          if (attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await admin.destroy();
    },
  };
}
