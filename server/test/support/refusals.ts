/**
 * How a refused call looks to a client, and proof that it changed nothing.
 */
import { inspect } from 'node:util';
import { getTRPCErrorShape, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { appRouter } from '../../src/router';
import { tableCounts } from './fixture';

/** Row counts plus every row a refused call could have touched. */
export async function databaseState(db: Kysely<Database>) {
  return {
    counts: await tableCounts(db),
    items: await db
      .selectFrom('menu_items')
      .select(['id', 'available', 'stock'])
      .orderBy('id')
      .execute(),
    orders: await db
      .selectFrom('orders')
      .select(['id', 'status', 'version'])
      .orderBy('id')
      .execute(),
    orderItems: await db.selectFrom('order_items').select(['id', 'status']).orderBy('id').execute(),
    settings: await db
      .selectFrom('location_settings')
      .select(['location_id', 'overrides', 'version'])
      .orderBy('location_id')
      .execute(),
  };
}

/** Runs a call that must fail; returns the error as a client sees it (code, HTTP status, body). */
export async function refusal(run: () => Promise<unknown>) {
  let caught: unknown = undefined;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof TRPCError)) {
    throw new Error(
      `expected a TRPCError, got ${caught === undefined ? 'success' : inspect(caught)}`,
    );
  }
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error: caught,
    type: 'unknown',
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  return {
    code: caught.code,
    status: getHTTPStatusCodeFromError(caught),
    message: shape.message,
    data: shape.data,
    issues: shape.data.issues,
    problems: shape.data.problems,
    cause: caught.cause?.message,
  };
}
