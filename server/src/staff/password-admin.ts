/**
 * Passwords after the first: a manager resets someone's (they sign in again
 * with the new one), and anyone changes their own, knowing the current one.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { invalid } from '../errors';
import { hashToken } from '../tokens';
import { hashPassword, verifyPassword } from './passwords';
import type { StaffActor } from './sessions';
import { member } from './team';

/** Ends every session of theirs: whoever knew the old password is signed out. */
export async function setStaffPassword(
  db: Kysely<Database>,
  actor: StaffActor,
  staffId: number,
  password: string,
): Promise<{ id: number }> {
  if (staffId === actor.id) {
    throw invalid('To change your own password, use “Change my password”.');
  }
  await member(db, actor, staffId);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ password_hash: passwordHash })
      .where('id', '=', staffId)
      .execute();
    await trx.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
  });
  return { id: staffId };
}

export const WRONG_CURRENT_PASSWORD = 'That is not your current password.';

/**
 * Keeps the session it was asked from and ends the others: a phone someone
 * else picked up is signed out, the screen in hand is not.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  actor: StaffActor,
  sessionToken: string,
  currentPassword: string,
  newPassword: string,
): Promise<{ otherSessionsEnded: number }> {
  const row = await db
    .selectFrom('staff')
    .select('password_hash')
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(currentPassword, row.password_hash))) {
    throw invalid(WRONG_CURRENT_PASSWORD);
  }
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ password_hash: passwordHash })
      .where('id', '=', actor.id)
      .execute();
    const ended = await trx
      .deleteFrom('staff_sessions')
      .where('staff_id', '=', actor.id)
      .where('token_hash', '<>', hashToken(sessionToken))
      .executeTakeFirst();
    return { otherSessionsEnded: Number(ended.numDeletedRows) };
  });
}
