/**
 * A Postgres restart, failover or network drop costs a few failed queries,
 * never the process. `pg_terminate_backend` ends a connection exactly as a
 * restarting server does (57P01, "terminating connection due to
 * administrator command"), without touching the shared server.
 *
 * Before the pool had an 'error' listener, the first case below ended the
 * test worker with an unhandled 'error' event; the second, the client's.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { openDatabase, type DatabaseHandle } from './connect';
import { backend } from '../../test/support/database';
import { guest } from '../../test/support/fixture';
import { waitUntil } from '../../test/support/live';
import { freePort } from '../../test/support/redis-server';

const url = process.env.DATABASE_URL;

describe.runIf(backend === 'postgres' && url)('a Postgres connection ended under the pool', () => {
  const application = `ticketrail-faults-${randomBytes(4).toString('hex')}`;
  const errors: Error[] = [];
  let handle: DatabaseHandle;
  let admin: pg.Client;

  beforeAll(async () => {
    const target = new URL(url ?? '');
    target.searchParams.set('application_name', application);
    handle = await openDatabase(
      { kind: 'postgres', url: target.toString(), maxConnections: 2 },
      { onPoolError: (error) => errors.push(error) },
    );
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    await handle?.close();
    await admin?.end();
  });

  /** Ends this pool's connections the way a restarting Postgres does. */
  const terminate = async () => {
    const result = await admin.query<{ ended: boolean }>(
      'select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = $1',
      [application],
    );
    return result.rows.length;
  };

  it('an idle connection: the error is reported and the next query reconnects', async () => {
    errors.length = 0;
    await sql`select 1`.execute(handle.db);
    expect(await terminate()).toBeGreaterThan(0);
    await waitUntil(() => errors.length > 0, 'the pool to report the ended connection');
    expect(errors[0]?.message).toMatch(/terminating connection/);

    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('a connection lent to a transaction: that transaction fails, the process does not', async () => {
    errors.length = 0;
    const failed = handle.db
      .transaction()
      .execute(async (trx) => {
        await sql`select 1`.execute(trx);
        // Between two statements, as a domain function computing a price is.
        await terminate();
        await waitUntil(() => errors.length > 0, 'the lent connection to report its end');
        await sql`select 1`.execute(trx);
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(await failed).toBeInstanceOf(Error);

    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(rows).toEqual([{ one: 1 }]);
  });
});

describe('a database out of reach', () => {
  it('is SERVICE_UNAVAILABLE with a message a person understands, not a 500', async () => {
    // Nothing listens there: every query fails to connect, as while Postgres restarts.
    const port = await freePort();
    const away = await openDatabase({
      kind: 'postgres',
      url: `postgres://postgres@127.0.0.1:${port}/test`,
    });
    try {
      const refusal = await guest(away.db)
        .menu.locations()
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(refusal).toBeInstanceOf(TRPCError);
      expect((refusal as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
      expect((refusal as TRPCError).message).toMatch(/try again in a moment/);
    } finally {
      await away.close();
    }
  });
});
