/**
 * Staff sign-in and sessions. A session token is sent as a bearer token over
 * HTTP and in `connectionParams` over WebSocket; both resolve here.
 */
import type { Kysely } from 'kysely';
import type { StaffRole } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { unauthenticated } from '../errors';
import { DECOY_PASSWORD_HASH, verifyPassword } from './passwords';
import { hashToken, newToken } from '../tokens';

/** Long enough that a kitchen screen stays signed in across a week of services. */
export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export interface StaffActor {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  locations: { id: number; slug: string; name: string }[];
}

export async function login(
  db: Kysely<Database>,
  email: string,
  password: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: string; staff: StaffActor }> {
  const row = await db
    .selectFrom('staff')
    .select(['id', 'password_hash', 'active'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  const passwordOk = await verifyPassword(password, row?.password_hash ?? DECOY_PASSWORD_HASH);
  if (!row || !row.active || !passwordOk) {
    throw unauthenticated('The email or the password is wrong.');
  }

  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db
    .insertInto('staff_sessions')
    .values({ token_hash: hashToken(token), staff_id: row.id, expires_at: expiresAt })
    .execute();
  const staff = await loadActor(db, row.id);
  if (!staff) throw unauthenticated('This account is no longer active.');
  return { token, expiresAt: expiresAt.toISOString(), staff };
}

/** The staff member behind a session token, or null when it is unknown or expired. */
export async function authenticate(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<StaffActor | null> {
  const session = await db
    .selectFrom('staff_sessions')
    .select('staff_id')
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return session ? loadActor(db, session.staff_id) : null;
}

/**
 * Which of these session token hashes still stand (not ended, not expired,
 * the account active): `authenticate`'s rule for many sessions at once.
 */
export async function liveSessionHashes(
  db: Kysely<Database>,
  hashes: readonly string[],
  now: Date,
): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .selectFrom('staff_sessions')
    .innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
    .select('staff_sessions.token_hash')
    .where('staff_sessions.token_hash', 'in', [...hashes])
    .where('staff_sessions.expires_at', '>', now)
    .where('staff.active', '=', true)
    .execute();
  return new Set(rows.map((row) => row.token_hash));
}

export async function logout(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', hashToken(token)).execute();
}

async function loadActor(db: Kysely<Database>, staffId: number): Promise<StaffActor | null> {
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'email', 'name', 'role'])
    .where('id', '=', staffId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!staff) return null;
  const locations = await db
    .selectFrom('staff_locations')
    .innerJoin('locations', 'locations.id', 'staff_locations.location_id')
    .select(['locations.id', 'locations.slug', 'locations.name'])
    .where('staff_locations.staff_id', '=', staffId)
    .orderBy('locations.name')
    .execute();
  return { ...staff, locations };
}
