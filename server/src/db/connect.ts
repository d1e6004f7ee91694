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

export interface DatabaseOptions {
  /**
   * Told of every error a pooled connection raised outside a query: the
   * server restarting, failing over, or the network dropping. The pool has
   * already thrown that connection away; the next query opens a new one.
   */
  onPoolError?: (error: Error) => void;
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

export async function openDatabase(
  target: DatabaseTarget,
  options: DatabaseOptions = {},
): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.maxConnections ?? 10,
      types: { getTypeParser },
      // While Postgres is away a request fails within seconds, rather than
      // holding its guest's phone and a socket open until the client gives up.
      connectionTimeoutMillis: 5_000,
      // A connection whose peer vanished (a failover, a cut network) is found
      // by TCP keep-alive instead of on the next query that would hang on it.
      keepAlive: true,
    });
    // An 'error' event nobody listens to ends the process. When Postgres
    // restarts (57P01, "terminating connection due to administrator command")
    // every pooled connection raises one: an idle connection on the client
    // and again through the pool, a checked-out one (inside a transaction,
    // between two queries) on the client only, as the pool does not listen
    // while it is lent out. So: report from the client, once per connection,
    // and give the pool's echo a listener. The query in progress, if any,
    // fails on its own; the next one opens a new connection.
    const onPoolError = options.onPoolError ?? (() => {});
    pool.on('error', () => {});
    pool.on('connect', (client) => {
      client.on('error', (error) => onPoolError(error));
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
