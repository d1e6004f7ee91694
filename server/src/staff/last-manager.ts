/**
 * Every location keeps an active manager: someone who can open the back
 * office, add staff and reset passwords. Without one, nobody but a developer
 * could run the restaurant again, so a change that would leave a location
 * without its last manager is refused, in words naming the location.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { conflict } from '../errors';

/**
 * Refuses when `staffId`, an active manager, stops managing `locationIds`
 * (demoted, deactivated or taken off them) and would leave one of them with
 * no active manager. Call it inside the transaction that makes the change.
 *
 * Two managers demoting each other at once must not both pass: each reads
 * "there is another manager" before the other commits. So the location's
 * active manager rows are locked first (FOR UPDATE, in id order so two such
 * changes queue rather than deadlock), and the managers are counted in a
 * second statement, which under READ COMMITTED sees what the transaction it
 * waited for committed.
 */
export async function assertManagersRemain(
  trx: Transaction<Database>,
  staffId: number,
  locationIds: readonly number[],
): Promise<void> {
  if (locationIds.length === 0) return;
  const managersThere = trx
    .selectFrom('staff_locations')
    .select('staff_locations.staff_id')
    .where('staff_locations.location_id', 'in', [...locationIds]);
  await trx
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'manager')
    .where('active', '=', true)
    .where('id', 'in', managersThere)
    .orderBy('id')
    .forUpdate()
    .execute();

  const rows = await trx
    .selectFrom('locations')
    .leftJoin('staff_locations', 'staff_locations.location_id', 'locations.id')
    .leftJoin('staff', (join) =>
      join
        .onRef('staff.id', '=', 'staff_locations.staff_id')
        .on('staff.role', '=', 'manager')
        .on('staff.active', '=', true)
        .on('staff.id', '<>', staffId),
    )
    .select(['locations.id', 'locations.name', 'staff.id as managerId'])
    .where('locations.id', 'in', [...locationIds])
    .orderBy('locations.name')
    .execute();
  const orphaned = rows.find(
    (row) => !rows.some((other) => other.id === row.id && other.managerId !== null),
  );
  if (!orphaned) return;
  const person = await trx
    .selectFrom('staff')
    .select('name')
    .where('id', '=', staffId)
    .executeTakeFirstOrThrow();
  throw lastManager(person.name, orphaned.name);
}

export const lastManager = (name: string, location: string) =>
  conflict(`${name} is the last active manager at ${location}; make someone else a manager first.`);
