/**
 * A live feed opened with a staff session ends when the session does: signed
 * out (on this or another instance), deactivated or given a new role by a
 * manager (a rename is not), or expired.
 * The tablet is told UNAUTHORIZED, so it shows the sign-in screen instead of
 * a board that silently stopped; a guest's feed on a tracking token goes on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivered, RouterOutputs } from '../router';
import { backend } from '../../test/support/database';
import { guest, pickupOrder, PASSWORD } from '../../test/support/fixture';
import { createCaller } from '../router';
import { createContext } from '../context';
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

const t = useTestDatabase();

type KitchenEvent = Delivered<RouterOutputs['kitchen']['live']>['data'];
type GuestEvent = Delivered<RouterOutputs['orders']['live']>['data'];

const ENDED = { code: 'UNAUTHORIZED', message: 'Your session has ended. Please sign in again.' };
const DAY_MS = 24 * 60 * 60 * 1000;

const idOf = async (email: string) =>
  (await t.db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirstOrThrow())
    .id;

describe(`a staff session's end closes its live feeds (${backend})`, () => {
  let clock: Date;
  let instances: Instance[] = [];
  const clients: LiveClient[] = [];

  beforeEach(async () => {
    clock = new Date();
    const bus = busMaker('memory');
    // Two instances on one database: the sign-out may happen on either.
    instances = await Promise.all(
      [1, 2].map(() => startInstance(t.db, bus(), { now: () => clock })),
    );
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await Promise.all(instances.map((instance) => instance.close()));
  });

  const login = async (email: string) =>
    (await guest(t.db).auth.login({ email, password: PASSWORD })).token;

  /** A kitchen screen on instance `on`, its feed started. */
  async function kitchenScreen(token: string, on: number) {
    const client = liveClient(instances[on]!.wsUrl, token);
    clients.push(client);
    const feed = new Recorder<KitchenEvent>();
    client.trpc.kitchen.live.subscribe(
      { locationId: t.fixture.main.id, lastEventId: '0' },
      feed.handlers,
    );
    await waitUntil(() => feed.started, 'the kitchen feed to start');
    return feed;
  }

  /** A caller holding the session, as another screen's HTTP calls would. */
  const sessionCaller = (token: string) =>
    createCaller(
      createContext(
        { db: t.db, realtime: instances[0]!.realtime, now: () => clock },
        { req: { headers: { authorization: `Bearer ${token}` } } },
      ),
    );

  it('signing out on one instance ends the feed open on the other', async () => {
    const token = await login(t.fixture.staff.kitchen);
    const other = await login(t.fixture.staff.kitchen);
    const feed = await kitchenScreen(token, 1);
    const stays = await kitchenScreen(other, 1);

    const signedOutAt = Date.now();
    await sessionCaller(token).auth.logout();
    await waitUntil(() => feed.errors.length > 0, 'the feed to end');
    console.log(`[sessions] feed ended ${Date.now() - signedOutAt} ms after the sign-out`);
    expect(feed.errors).toEqual([ENDED]);

    // Another session of the same person is untouched and still live.
    await guest(t.db).orders.place(pickupOrder(t.fixture));
    await waitUntil(() => stays.data.length > 0, 'the other screen to get the order');
    expect(stays.errors).toEqual([]);
  });

  for (const change of ['a new role', 'deactivation'] as const) {
    it(`${change} ends the cook's open board and sessions at once`, async () => {
      const f = t.fixture;
      const token = await login(f.staff.kitchen);
      const feed = await kitchenScreen(token, 1);
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
        expect(await manager.staff.deactivate({ staffId: id })).toEqual({ id, active: false });
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
    const feed = await kitchenScreen(await login(f.staff.kitchen), 1);
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

  it('a session that expires ends its feed', async () => {
    const token = await login(t.fixture.staff.kitchen);
    const feed = await kitchenScreen(token, 1);
    clock = new Date(clock.getTime() + 15 * DAY_MS);
    await waitUntil(() => feed.errors.length > 0, 'the feed to end');
    expect(feed.errors).toEqual([ENDED]);
  });

  it('a guest following an order by its token is not affected by staff signing out', async () => {
    const placed = await guest(t.db).orders.place(pickupOrder(t.fixture));
    const token = await login(t.fixture.staff.kitchen);
    const staffFeed = await kitchenScreen(token, 0);
    const phone = liveClient(instances[0]!.wsUrl, null, placed.trackingToken);
    clients.push(phone);
    const order = new Recorder<GuestEvent>();
    phone.trpc.orders.live.subscribe(
      { orderId: placed.order.id, lastEventId: '0' },
      order.handlers,
    );
    await waitUntil(() => order.started, 'the guest feed to start');

    await sessionCaller(token).auth.logout();
    await waitUntil(() => staffFeed.errors.length > 0, 'the staff feed to end');
    const manager = sessionCaller(await login(t.fixture.staff.manager));
    await manager.kitchen.transition({
      orderId: placed.order.id,
      expectedVersion: 1,
      to: 'accepted',
    });
    await waitUntil(() => order.data.length > 0, 'the guest to see the order accepted');
    expect(order.errors).toEqual([]);
  });

  it('staff may not deactivate themselves, nor anyone outside their locations', async () => {
    const manager = sessionCaller(await login(t.fixture.staff.manager));
    const kitchen = sessionCaller(await login(t.fixture.staff.kitchen));
    const managerId = await idOf(t.fixture.staff.manager);
    await expect(manager.staff.deactivate({ staffId: managerId })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'You cannot deactivate your own account.',
    });
    await expect(manager.staff.deactivate({ staffId: 999_999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(kitchen.staff.deactivate({ staffId: managerId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const active = await t.db.selectFrom('staff').select('active').execute();
    expect(active.every((row) => row.active)).toBe(true);
  });
});
