/**
 * A manager's team (issue 14): who works at their locations, adding someone,
 * changing their name, role and locations, and taking a deactivated account
 * back. Anyone who works only at other locations is "not found" here: a
 * manager cannot probe other teams.
 */
import type { Kysely, Transaction } from 'kysely';
import type { StaffAddInput, StaffRole, StaffUpdateInput } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { conflict, notFound } from '../errors';
import { assertWorksAt } from './access';
import { assertManagersRemain } from './last-manager';
import { hashPassword } from './passwords';
import type { StaffActor } from './sessions';

export interface TeamMember {
  id: number;
  name: string;
  email: string;
  role: StaffRole;
  active: boolean;
  /** Where they work, among the locations the manager asking works at. */
  locationIds: number[];
  /** The manager asking. */
  you: boolean;
}

type Db = Kysely<Database> | Transaction<Database>;

export const noSuchMember = () => notFound('There is no such member of staff at your locations.');

const actorLocationIds = (actor: StaffActor) => actor.locations.map((location) => location.id);

/** Postgres and PGlite both say 23505 when a unique index refuses a row. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

const emailTaken = () => conflict('There is already an account with that email.');

/** The members with these ids, as the actor sees them, sorted by name. */
async function members(db: Db, actor: StaffActor, ids: readonly number[]): Promise<TeamMember[]> {
  if (ids.length === 0) return [];
  const here = actorLocationIds(actor);
  const [people, places] = await Promise.all([
    db
      .selectFrom('staff')
      .select(['id', 'name', 'email', 'role', 'active'])
      .where('id', 'in', [...ids])
      .execute(),
    db
      .selectFrom('staff_locations')
      .select(['staff_id', 'location_id'])
      .where('staff_id', 'in', [...ids])
      .where('location_id', 'in', here)
      .orderBy('location_id')
      .execute(),
  ]);
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return people
    .map((person) => ({
      ...person,
      locationIds: places.filter((place) => place.staff_id === person.id).map((p) => p.location_id),
      you: person.id === actor.id,
    }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
}

/** One member as the actor sees them; NOT_FOUND if they work only elsewhere. */
export async function member(db: Db, actor: StaffActor, staffId: number): Promise<TeamMember> {
  const [found] = await members(db, actor, [staffId]);
  if (!found || found.locationIds.length === 0) throw noSuchMember();
  return found;
}

/** Everyone who works at the location, deactivated accounts included. */
export async function listStaff(
  db: Kysely<Database>,
  actor: StaffActor,
  locationId: number,
): Promise<TeamMember[]> {
  assertWorksAt(actor, locationId);
  const rows = await db
    .selectFrom('staff_locations')
    .select('staff_id')
    .where('location_id', '=', locationId)
    .execute();
  return members(
    db,
    actor,
    rows.map((row) => row.staff_id),
  );
}

export async function addStaff(
  db: Kysely<Database>,
  actor: StaffActor,
  input: StaffAddInput,
): Promise<TeamMember> {
  assertWorksAt(actor, input.locationId);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('staff')
        .values({
          email: input.email,
          name: input.name,
          role: input.role,
          password_hash: passwordHash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('staff_locations')
        .values({ staff_id: id, location_id: input.locationId })
        .execute();
      return member(trx, actor, id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/**
 * Name, role and (optionally) which of the actor's locations they work at.
 * A new role, or a location taken away, ends their sessions and so their open
 * screens: a screen signed in as a manager must not go on acting as one.
 * `signedOut` says whether that happened, so the caller wakes the watchers.
 */
export async function updateStaff(
  db: Kysely<Database>,
  actor: StaffActor,
  input: StaffUpdateInput,
): Promise<TeamMember & { signedOut: boolean }> {
  for (const locationId of input.locationIds ?? []) assertWorksAt(actor, locationId);
  return db.transaction().execute(async (trx) => {
    const before = await member(trx, actor, input.staffId);
    const current = await trx
      .selectFrom('staff_locations')
      .select('location_id')
      .where('staff_id', '=', input.staffId)
      .execute();
    const wanted = input.locationIds ?? before.locationIds;
    const leaving = before.locationIds.filter((id) => !wanted.includes(id));
    const joining = wanted.filter((id) => !before.locationIds.includes(id));
    const roleChanged = before.role !== input.role;

    if (before.role === 'manager' && before.active) {
      const stopsManaging = roleChanged ? current.map((row) => row.location_id) : leaving;
      await assertManagersRemain(trx, input.staffId, stopsManaging);
    }
    await trx
      .updateTable('staff')
      .set({ name: input.name, role: input.role })
      .where('id', '=', input.staffId)
      .execute();
    if (leaving.length > 0) {
      await trx
        .deleteFrom('staff_locations')
        .where('staff_id', '=', input.staffId)
        .where('location_id', 'in', leaving)
        .execute();
    }
    if (joining.length > 0) {
      await trx
        .insertInto('staff_locations')
        .values(joining.map((locationId) => ({ staff_id: input.staffId, location_id: locationId })))
        .execute();
    }
    const signedOut = roleChanged || leaving.length > 0;
    if (signedOut) {
      await trx.deleteFrom('staff_sessions').where('staff_id', '=', input.staffId).execute();
    }
    return { ...(await member(trx, actor, input.staffId)), signedOut };
  });
}

/** A deactivated account may sign in again, with the password it had. */
export async function reactivateStaff(
  db: Kysely<Database>,
  actor: StaffActor,
  staffId: number,
): Promise<TeamMember> {
  await member(db, actor, staffId);
  await db.updateTable('staff').set({ active: true }).where('id', '=', staffId).execute();
  return member(db, actor, staffId);
}
