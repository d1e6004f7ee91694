import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { invalid } from '../errors';
import { assertManagersRemain } from './last-manager';
import type { StaffActor } from './sessions';
import { member } from './team';

/**
 * Takes an account off the team: it can no longer sign in, its sessions end,
 * and its open live feeds close on every instance (live/sessions.ts reads
 * `active`). A manager may deactivate anyone who works at one of their
 * locations, except themselves, and except a location's last active manager.
 */
export async function deactivateStaff(
  db: Kysely<Database>,
  actor: StaffActor,
  staffId: number,
): Promise<{ id: number; active: false }> {
  if (staffId === actor.id) throw invalid('You cannot deactivate your own account.');
  return db.transaction().execute(async (trx) => {
    // Someone who works elsewhere is "not found": a manager cannot probe other teams.
    const before = await member(trx, actor, staffId);
    if (before.role === 'manager' && before.active) {
      const everywhere = await trx
        .selectFrom('staff_locations')
        .select('location_id')
        .where('staff_id', '=', staffId)
        .execute();
      await assertManagersRemain(
        trx,
        staffId,
        everywhere.map((row) => row.location_id),
      );
    }
    await trx.updateTable('staff').set({ active: false }).where('id', '=', staffId).execute();
    await trx.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
    return { id: staffId, active: false as const };
  });
}
