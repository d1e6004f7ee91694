/**
 * Opens the database behind the data port: real Postgres through `pg` when a
 * URL is given, otherwise PGlite (files under a data folder, or memory).
 * Both return rows of the same shapes: bigint as number (ids stay far below
 * 2^53) and `date` as its 'YYYY-MM-DD' text, never a Date at local midnight.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  | { kind: 'pglite'; dataDir: string | null };

const INT8_OID = 20;
const DATE_OID = 1082;

const getTypeParser = ((oid: number, format?: 'text' | 'binary') => {
  if (oid === INT8_OID) return (value: string) => Number(value);
  if (oid === DATE_OID) return (value: string) => value;
  return pg.types.getTypeParser(oid, format) as unknown;
}) as typeof pg.types.getTypeParser;

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.maxConnections ?? 10,
      types: { getTypeParser },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }

  const pglite = await PGlite.create(target.dataDir ?? undefined, {
    parsers: { [DATE_OID]: (value: string) => value },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
