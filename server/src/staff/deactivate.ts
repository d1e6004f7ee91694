import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { invalid, notFound } from '../errors';
import type { StaffActor } from './sessions';

/**
 * Takes an account off the team: it can no longer sign in, its sessions end,
 * and its open live feeds close on every instance (live/sessions.ts reads
 * `active`). A manager may deactivate anyone who works at one of their
 * locations, except themselves: so there is always an active manager left.
 */
export async function deactivateStaff(
  db: Kysely<Database>,
  actor: StaffActor,
  staffId: number,
): Promise<{ id: number; active: false }> {
  if (staffId === actor.id) throw invalid('You cannot deactivate your own account.');
  const notHere = notFound('There is no such member of staff at your locations.');
  if (actor.locations.length === 0) throw notHere;
  return db.transaction().execute(async (trx) => {
    const shared = await trx
      .selectFrom('staff_locations')
      .select('staff_id')
      .where('staff_id', '=', staffId)
      .where(
        'location_id',
        'in',
        actor.locations.map((location) => location.id),
      )
      .executeTakeFirst();
    // Someone who works elsewhere is "not found": a manager cannot probe other teams.
    if (!shared) throw notHere;
    await trx.updateTable('staff').set({ active: false }).where('id', '=', staffId).execute();
    await trx.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
    return { id: staffId, active: false as const };
  });
}
