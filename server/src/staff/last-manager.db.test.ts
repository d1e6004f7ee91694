/**
 * The rule that keeps every location managed: the last active manager of a
 * location cannot be demoted, deactivated or taken off it, not even by two
 * demotions racing each other. (What such changes do to open screens is in
 * session-end.db.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { backend } from '../../test/support/database';
import { PASSWORD, signedIn } from '../../test/support/fixture';
import { refusal } from '../../test/support/refusals';
import { useTestDatabase } from '../../test/support/setup';
import { hashPassword } from './passwords';

const t = useTestDatabase();

const idOf = async (email: string) =>
  (await t.db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirstOrThrow())
    .id;

/** Another manager, working at the given locations. */
async function addManager(email: string, name: string, locationIds: number[]) {
  const { id } = await t.db
    .insertInto('staff')
    .values({ email, name, role: 'manager', password_hash: await hashPassword(PASSWORD) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('staff_locations')
    .values(locationIds.map((locationId) => ({ staff_id: id, location_id: locationId })))
    .execute();
  return id;
}

const activeManagers = async (locationId: number) =>
  (
    await t.db
      .selectFrom('staff')
      .innerJoin('staff_locations', 'staff_locations.staff_id', 'staff.id')
      .select('staff.name')
      .where('staff_locations.location_id', '=', locationId)
      .where('staff.role', '=', 'manager')
      .where('staff.active', '=', true)
      .orderBy('staff.name')
      .execute()
  ).map((row) => row.name);

describe(`the last active manager of a location (${backend})`, () => {
  it('cannot demote themselves, nor be deactivated, while no one else manages there', async () => {
    const f = t.fixture;
    const manager = await signedIn(t.db, f.staff.manager);
    const managerId = await idOf(f.staff.manager);
    const demoteSelf = await refusal(() =>
      manager.staff.update({ staffId: managerId, name: 'manager', role: 'kitchen' }),
    );
    expect(demoteSelf).toMatchObject({
      code: 'CONFLICT',
      message:
        'manager is the last active manager at Test Kitchen A; make someone else a manager first.',
    });

    // A second manager at A only: A is covered, B still is not.
    await addManager('deputy@test.example', 'Deputy', [f.main.id]);
    const deputy = await signedIn(t.db, 'deputy@test.example');
    for (const call of [
      () => manager.staff.update({ staffId: managerId, name: 'manager', role: 'kitchen' }),
      () => deputy.staff.deactivate({ staffId: managerId }),
      () => deputy.staff.update({ staffId: managerId, name: 'manager', role: 'front_of_house' }),
    ]) {
      expect(await refusal(call)).toMatchObject({
        code: 'CONFLICT',
        message:
          'manager is the last active manager at Test Kitchen B; make someone else a manager first.',
      });
    }
    // Taken off A, where the deputy remains, is fine; off B is not.
    const offB = await refusal(() =>
      manager.staff.update({
        staffId: managerId,
        name: 'manager',
        role: 'manager',
        locationIds: [f.main.id],
      }),
    );
    expect(offB).toMatchObject({ code: 'CONFLICT' });
    expect(await activeManagers(f.main.id)).toEqual(['Deputy', 'manager']);
    expect(await activeManagers(f.other.id)).toEqual(['manager']);

    // With a manager at B too, demoting oneself is allowed (and signs one out).
    await addManager('b-lead@test.example', 'B Lead', [f.other.id]);
    expect(
      await manager.staff.update({ staffId: managerId, name: 'manager', role: 'kitchen' }),
    ).toMatchObject({ role: 'kitchen', signedOut: true });
    expect(await refusal(() => manager.auth.me())).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a deactivated manager does not count, and another manager may be deactivated', async () => {
    const f = t.fixture;
    const manager = await signedIn(t.db, f.staff.manager);
    const deputyId = await addManager('deputy@test.example', 'Deputy', [f.main.id, f.other.id]);
    const deputy = await signedIn(t.db, 'deputy@test.example');
    await manager.staff.deactivate({ staffId: deputyId });
    expect(await refusal(() => deputy.auth.me())).toMatchObject({ code: 'UNAUTHORIZED' });
    const managerId = await idOf(f.staff.manager);
    expect(
      await refusal(() =>
        manager.staff.update({ staffId: managerId, name: 'manager', role: 'kitchen' }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    await manager.staff.reactivate({ staffId: deputyId });
    expect(await activeManagers(f.other.id)).toEqual(['Deputy', 'manager']);
  });

  it('two demotions racing each other cannot both pass', async () => {
    const f = t.fixture;
    // Two managers at B; a third at A demotes both at once (A keeps her).
    const first = await addManager('first@test.example', 'First', [f.main.id, f.other.id]);
    const second = await addManager('second@test.example', 'Second', [f.main.id, f.other.id]);
    await t.db
      .deleteFrom('staff_locations')
      .where('staff_id', '=', await idOf(f.staff.manager))
      .where('location_id', '=', f.other.id)
      .execute();
    for (let round = 0; round < 3; round += 1) {
      const lead = await signedIn(t.db, f.staff.manager);
      const demote = (staffId: number, name: string) =>
        lead.staff.update({ staffId, name, role: 'kitchen' });
      const outcomes = await Promise.allSettled([demote(first, 'First'), demote(second, 'Second')]);
      const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({
        reason: {
          code: 'CONFLICT',
          message: expect.stringMatching(
            /^(First|Second) is the last active manager at Test Kitchen B; make someone else a manager first\.$/,
          ) as unknown,
        },
      });
      expect(await activeManagers(f.other.id)).toHaveLength(1);
      // Both managers again, for the next round.
      await t.db
        .updateTable('staff')
        .set({ role: 'manager' })
        .where('id', 'in', [first, second])
        .execute();
    }
  });
});
