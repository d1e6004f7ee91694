/**
 * What a manager's change does to someone's screens, and the rule that keeps
 * every location managed: a new role or a deactivation ends the person's
 * sessions and open live feeds at once, on every instance; the last active
 * manager of a location cannot be demoted or deactivated, not even by two
 * demotions racing each other.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivered, RouterOutputs } from '../router';
import { createCaller } from '../router';
import { createContext } from '../context';
import { backend } from '../../test/support/database';
import { guest, PASSWORD, signedIn } from '../../test/support/fixture';
import {
  busMaker,
  liveClient,
  Recorder,
  startInstance,
  waitUntil,
  type Instance,
  type LiveClient,
} from '../../test/support/live';
import { refusal } from '../../test/support/refusals';
import { useTestDatabase } from '../../test/support/setup';
import { hashPassword } from './passwords';

const t = useTestDatabase();

type KitchenEvent = Delivered<RouterOutputs['kitchen']['live']>['data'];
const ENDED = { code: 'UNAUTHORIZED', message: 'Your session has ended. Please sign in again.' };

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

describe(`a role change or deactivation signs the person out everywhere (${backend})`, () => {
  let instances: Instance[] = [];
  const clients: LiveClient[] = [];

  beforeEach(async () => {
    const bus = busMaker('memory');
    // The manager acts on one instance; the cook's board is open on the other.
    instances = await Promise.all([1, 2].map(() => startInstance(t.db, bus())));
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await Promise.all(instances.map((instance) => instance.close()));
  });

  const login = async (email: string) =>
    (await guest(t.db).auth.login({ email, password: PASSWORD })).token;

  async function kitchenScreen(token: string) {
    const client = liveClient(instances[1]!.wsUrl, token);
    clients.push(client);
    const feed = new Recorder<KitchenEvent>();
    client.trpc.kitchen.live.subscribe(
      { locationId: t.fixture.main.id, lastEventId: '0' },
      feed.handlers,
    );
    await waitUntil(() => feed.started, 'the kitchen feed to start');
    return feed;
  }

  const sessionCaller = (token: string) =>
    createCaller(
      createContext(
        { db: t.db, realtime: instances[0]!.realtime },
        { req: { headers: { authorization: `Bearer ${token}` } } },
      ),
    );

  for (const change of ['a new role', 'deactivation'] as const) {
    it(`${change} ends the cook's open board and sessions at once`, async () => {
      const f = t.fixture;
      const token = await login(f.staff.kitchen);
      const feed = await kitchenScreen(token);
      const manager = sessionCaller(await login(f.staff.manager));
      const id = await idOf(f.staff.kitchen);

      if (change === 'a new role') {
        const updated = await manager.staff.update({
          staffId: id,
          name: 'kitchen',
          role: 'front_of_house',
        });
        expect(updated).toMatchObject({ role: 'front_of_house', signedOut: true });
      } else {
        await manager.staff.deactivate({ staffId: id });
      }
      await waitUntil(() => feed.errors.length > 0, 'the board’s feed to end');
      expect(feed.errors).toEqual([ENDED]);
      expect(await refusal(() => sessionCaller(token).auth.me())).toMatchObject({
        code: 'UNAUTHORIZED',
      });
      // A new role signs in again and gets the new role's rights; a deactivated account cannot.
      const again = await guest(t.db)
        .auth.login({ email: f.staff.kitchen, password: PASSWORD })
        .then(
          (session) => session.staff.role,
          () => 'refused',
        );
      expect(again).toBe(change === 'a new role' ? 'front_of_house' : 'refused');
    });
  }

  it('a renamed cook keeps the board open', async () => {
    const f = t.fixture;
    const feed = await kitchenScreen(await login(f.staff.kitchen));
    const manager = sessionCaller(await login(f.staff.manager));
    await manager.staff.update({
      staffId: await idOf(f.staff.kitchen),
      name: 'Ann',
      role: 'kitchen',
    });
    await guest(t.db).orders.place({
      locationSlug: f.main.slug,
      idempotencyKey: crypto.randomUUID(),
      guest: { name: 'Aoife' },
      fulfilment: { type: 'pickup' },
      items: [{ itemId: f.items.fries, quantity: 1, optionIds: [] }],
    });
    await waitUntil(() => feed.data.length > 0, 'the board to get the order');
    expect(feed.errors).toEqual([]);
  });
});

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
