/**
 * Secrets handed to people (session tokens, tracking tokens) are random and
 * long; the database keeps only their SHA-256, so a leaked backup opens nothing.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';

export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenMatches(token: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashToken(token), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const secrets = new WeakMap<Kysely<Database>, Promise<Buffer>>();

/**
 * The installation's own secret, made on first use and kept in the database so
 * that every server instance sharing it derives the same tracking tokens.
 */
export function installationSecret(db: Kysely<Database>): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = loadOrCreateSecret(db);
    secret.catch(() => secrets.delete(db));
    secrets.set(db, secret);
  }
  return secret;
}

async function loadOrCreateSecret(db: Kysely<Database>): Promise<Buffer> {
  await db
    .insertInto('server_secrets')
    .values({ name: 'installation', value: randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_secrets')
    .select('value')
    .where('name', '=', 'installation')
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}

/**
 * An order's tracking token is derived, not stored: a retried placement (same
 * idempotency key) can hand the guest the same link again, while the database
 * holds only its hash.
 */
export async function trackingTokenFor(db: Kysely<Database>, orderId: string): Promise<string> {
  const secret = await installationSecret(db);
  return createHmac('sha256', secret).update(`track:${orderId}`).digest('base64url');
}
