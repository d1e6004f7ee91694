/**
 * Subscriptions over a real WebSocket: each feed carries what its audience may
 * see, nobody else receives anything, and a reconnecting client gets exactly
 * what it missed, in order, then live events.
 */
import type { Delivered, RouterOutputs } from '../router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rooms } from '@ticketrail/shared';
import { appendEvent, transact } from './event-log';
import { backend } from '../../test/support/database';
import { guest, pickupOrder, signedIn, PASSWORD } from '../../test/support/fixture';
import {
  busKinds,
  busMaker,
  liveClient,
  Recorder,
  sleep,
  startInstance,
  waitUntil,
  type Instance,
  type LiveClient,
} from '../../test/support/live';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();

type KitchenEvent = Delivered<RouterOutputs['kitchen']['live']>['data'];
type GuestEvent = Delivered<RouterOutputs['orders']['live']>['data'];
type BoardEvent = Delivered<RouterOutputs['board']['live']>['data'];
type MenuEvent = Delivered<RouterOutputs['menu']['live']>['data'];

describe.each(busKinds)(`live feeds on the %s bus (${backend})`, (busKind) => {
  let instance: Instance;
  const clients: LiveClient[] = [];
  const connect = (token: string | null = null, trackingToken: string | null = null) => {
    const client = liveClient(instance.wsUrl, token, trackingToken);
    clients.push(client);
    return client;
  };
  const login = async (email: string) =>
    (await guest(t.db).auth.login({ email, password: PASSWORD })).token;

  beforeEach(async () => {
    instance = await startInstance(t.db, busMaker(busKind)());
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await instance.close();
  });

  it('each audience gets its own cut of one change', async () => {
    const { fixture } = t;
    const placed = await guest(t.db).orders.place(
      pickupOrder(fixture, { guest: { name: 'Ola', phone: '+353 1 234 5678' } }),
    );
    const kitchenToken = await login(fixture.staff.kitchen);

    const kitchen = new Recorder<KitchenEvent>();
    const tracker = new Recorder<GuestEvent>();
    const board = new Recorder<BoardEvent>();
    const menu = new Recorder<MenuEvent>();
    const staffClient = connect(kitchenToken);
    const guestClient = connect();
    staffClient.trpc.kitchen.live.subscribe({ locationId: fixture.main.id }, kitchen.handlers);
    guestClient.trpc.orders.live.subscribe(
      { orderId: placed.order.id, token: placed.trackingToken },
      tracker.handlers,
    );
    guestClient.trpc.board.live.subscribe({ locationSlug: fixture.main.slug }, board.handlers);
    guestClient.trpc.menu.live.subscribe({ locationSlug: fixture.main.slug }, menu.handlers);
    await waitUntil(
      () => kitchen.started && tracker.started && board.started && menu.started,
      'subscriptions to start',
    );
    await waitUntil(() => instance.realtime.hub.roomCount === 4, 'rooms to go live');

    const kitchenCaller = await signedIn(t.db, fixture.staff.kitchen);
    await kitchenCaller.kitchen.transition({
      orderId: placed.order.id,
      expectedVersion: 1,
      to: 'accepted',
    });
    await kitchenCaller.menu.setAvailability({ itemId: fixture.items.fries, available: false });

    await waitUntil(
      () =>
        kitchen.data.length === 2 &&
        tracker.data.length === 1 &&
        board.data.length === 1 &&
        menu.data.length === 1,
      'all feeds',
    );
    const [accepted, eightySixed] = kitchen.data.map((item) => item.data);
    expect(accepted).toMatchObject({
      type: 'order.changed',
      ticket: { status: 'accepted', guestPhone: '+353 1 234 5678' },
    });
    expect(eightySixed).toMatchObject({
      type: 'menu.availability',
      itemId: fixture.items.fries,
      available: false,
    });

    const guestView = tracker.data[0]?.data;
    expect(guestView).toMatchObject({
      type: 'order.changed',
      order: { status: 'accepted', version: 2 },
    });
    expect(JSON.stringify(guestView)).not.toContain('+353');
    expect(JSON.stringify(guestView)).not.toContain('station');

    expect(board.data[0]?.data).toEqual({
      type: 'board.changed',
      entry: {
        businessDate: placed.order.businessDate,
        number: 1,
        displayNumber: '#001',
        status: 'accepted',
        version: 2,
        readyAt: null,
        completedAt: null,
      },
    });
    expect(menu.data[0]?.data).toMatchObject({ itemId: fixture.items.fries, available: false });
    // The same event has the same id in every feed it reaches.
    expect(tracker.data[0]?.id).toBe(kitchen.data[0]?.id);
    expect(board.data[0]?.id).toBe(kitchen.data[0]?.id);
  });

  it('the ready board hears a new collected time, and nothing else of the settings', async () => {
    const { fixture } = t;
    const kitchen = new Recorder<KitchenEvent>();
    const board = new Recorder<BoardEvent>();
    connect(await login(fixture.staff.kitchen)).trpc.kitchen.live.subscribe(
      { locationId: fixture.main.id },
      kitchen.handlers,
    );
    connect().trpc.board.live.subscribe({ locationSlug: fixture.main.slug }, board.handlers);
    await waitUntil(() => kitchen.started && board.started, 'subscriptions to start');
    await waitUntil(() => instance.realtime.hub.roomCount === 2, 'rooms to go live');

    const manager = await signedIn(t.db, fixture.staff.manager);
    const settings = {
      warnAfterMinutes: 6,
      lateAfterMinutes: 11,
      recallWindowMinutes: 4,
      readyBoardCollectedSeconds: 15,
    };
    await manager.kitchen.updateSettings({ locationId: fixture.main.id, settings });
    await waitUntil(() => kitchen.data.length === 1 && board.data.length === 1, 'both feeds');
    expect(kitchen.data[0]?.data).toMatchObject({ type: 'settings.changed', settings });
    expect(board.data[0]?.data).toEqual({ type: 'board.settings', collectedSeconds: 15 });
    expect(board.data[0]?.id).toBe(kitchen.data[0]?.id);
  });

  it('refuses whoever may not watch a room, and sends them nothing', async () => {
    const { fixture } = t;
    const mine = await guest(t.db).orders.place(pickupOrder(fixture));
    const theirs = await guest(t.db).orders.place(pickupOrder(fixture));
    const otherKitchen = await login(fixture.staff.otherKitchen);

    const cases: [
      string,
      LiveClient,
      (client: LiveClient, recorder: Recorder<unknown>) => void,
      string,
    ][] = [
      [
        'anonymous on the kitchen feed',
        connect(),
        (c, r) => c.trpc.kitchen.live.subscribe({ locationId: fixture.main.id }, r.handlers),
        'UNAUTHORIZED',
      ],
      [
        'a tracking token as a staff session',
        connect(mine.trackingToken),
        (c, r) => c.trpc.kitchen.live.subscribe({ locationId: fixture.main.id }, r.handlers),
        'UNAUTHORIZED',
      ],
      [
        'staff of another location',
        connect(otherKitchen),
        (c, r) => c.trpc.kitchen.live.subscribe({ locationId: fixture.main.id }, r.handlers),
        'FORBIDDEN',
      ],
      [
        'a guest with another order’s token',
        connect(),
        (c, r) =>
          c.trpc.orders.live.subscribe(
            { orderId: theirs.order.id, token: mine.trackingToken },
            r.handlers,
          ),
        'NOT_FOUND',
      ],
      [
        'a guest with no token',
        connect(),
        (c, r) => c.trpc.orders.live.subscribe({ orderId: theirs.order.id }, r.handlers),
        'NOT_FOUND',
      ],
      [
        'staff of another location on an order',
        connect(otherKitchen),
        (c, r) => c.trpc.orders.live.subscribe({ orderId: theirs.order.id }, r.handlers),
        'NOT_FOUND',
      ],
      [
        'a made-up event id',
        connect(),
        (c, r) =>
          c.trpc.board.live.subscribe(
            { locationSlug: fixture.main.slug, lastEventId: 'abc' },
            r.handlers,
          ),
        'BAD_REQUEST',
      ],
    ];
    const recorders = cases.map(([, client, subscribe]) => {
      const recorder = new Recorder<unknown>();
      subscribe(client, recorder);
      return recorder;
    });
    await waitUntil(
      () => recorders.every((recorder) => recorder.errors.length > 0),
      'every refusal',
    );
    expect(recorders.map((recorder) => recorder.errors[0]?.code)).toEqual(
      cases.map(([, , , code]) => code),
    );

    const kitchen = await signedIn(t.db, fixture.staff.kitchen);
    await kitchen.kitchen.transition({
      orderId: theirs.order.id,
      expectedVersion: 1,
      to: 'accepted',
    });
    await sleep(150);
    expect(recorders.map((recorder) => recorder.data.length)).toEqual(cases.map(() => 0));
  });

  it('a guest socket may carry its tracking token in connectionParams', async () => {
    const { fixture } = t;
    const mine = await guest(t.db).orders.place(pickupOrder(fixture));
    const theirs = await guest(t.db).orders.place(pickupOrder(fixture));
    const phone = connect(null, mine.trackingToken);
    const tracker = new Recorder<GuestEvent>();
    const snoop = new Recorder<GuestEvent>();
    phone.trpc.orders.live.subscribe(
      { orderId: mine.order.id, lastEventId: '0' },
      tracker.handlers,
    );
    phone.trpc.orders.live.subscribe({ orderId: theirs.order.id }, snoop.handlers);
    await waitUntil(() => tracker.data.length === 1 && snoop.errors.length === 1, 'both answers');
    expect(tracker.data[0]?.data.order.id).toBe(mine.order.id);
    expect(snoop.errors[0]?.code).toBe('NOT_FOUND');
  });

  it('a change that rolls back publishes nothing', async () => {
    const { fixture } = t;
    const { order } = await guest(t.db).orders.place(pickupOrder(fixture));
    const screen = new Recorder<KitchenEvent>();
    connect(await login(fixture.staff.kitchen)).trpc.kitchen.live.subscribe(
      { locationId: fixture.main.id },
      screen.handlers,
    );
    await waitUntil(() => instance.realtime.hub.roomCount === 1, 'the kitchen room');

    const kitchen = await signedIn(t.db, fixture.staff.kitchen);
    await expect(
      kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'ready' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      transact(t.db, async (trx) => {
        await appendEvent(trx, fixture.main.id, [rooms.kitchen(fixture.main.id)], {
          type: 'menu.availability',
          itemId: fixture.items.fries,
          name: 'Fries',
          available: false,
          soldOut: false,
        });
        throw new Error('rolled back after writing its event');
      }),
    ).rejects.toThrow('rolled back');
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });

    await waitUntil(() => screen.data.length >= 1, 'the one real change');
    await sleep(150);
    expect(
      screen.data.map(({ data }) => data.type === 'order.changed' && data.ticket.status),
    ).toEqual(['accepted']);
  });

  it('a client that reconnects with its last id gets exactly what it missed, then live events', async () => {
    const { fixture } = t;
    const token = await login(fixture.staff.kitchen);
    const kitchen = await signedIn(t.db, fixture.staff.kitchen);
    const board = await kitchen.kitchen.board({ locationId: fixture.main.id });

    const first = new Recorder<KitchenEvent>();
    const tablet = connect(token);
    const subscription = tablet.trpc.kitchen.live.subscribe(
      { locationId: fixture.main.id, lastEventId: String(board.lastEventId) },
      first.handlers,
    );
    await waitUntil(() => first.started, 'the first subscription');
    const a = await guest(t.db).orders.place(pickupOrder(fixture));
    await waitUntil(() => first.data.length === 1, 'the first order live');
    subscription.unsubscribe();
    await tablet.close();

    // While the tablet is away: two orders and a bump.
    const b = await guest(t.db).orders.place(pickupOrder(fixture));
    const c = await guest(t.db).orders.place(pickupOrder(fixture));
    await kitchen.kitchen.transition({ orderId: a.order.id, expectedVersion: 1, to: 'accepted' });

    const second = new Recorder<KitchenEvent>();
    connect(token).trpc.kitchen.live.subscribe(
      { locationId: fixture.main.id, lastEventId: first.data[0]?.id ?? null },
      second.handlers,
    );
    await waitUntil(() => second.data.length === 3, 'the missed events');
    const d = await guest(t.db).orders.place(pickupOrder(fixture));
    await waitUntil(() => second.data.length === 4, 'a live event after the replay');

    const described = second.data.map(({ data }) =>
      data.type === 'order.changed'
        ? `${data.ticket.displayNumber} ${data.ticket.status}`
        : data.type,
    );
    expect(described).toEqual(['#002 placed', '#003 placed', '#001 accepted', '#004 placed']);
    expect(second.ids).toEqual([...second.ids].sort((x, y) => x - y));
    expect(new Set(second.ids).size).toBe(4);
    expect([b, c, d].map((placed) => placed.order.number)).toEqual([2, 3, 4]);
  });

  it('resumes by itself when the server drops the connection', async () => {
    const { fixture } = t;
    const placed = await guest(t.db).orders.place(pickupOrder(fixture));
    const tracker = new Recorder<GuestEvent>();
    connect().trpc.orders.live.subscribe(
      { orderId: placed.order.id, token: placed.trackingToken, lastEventId: '0' },
      tracker.handlers,
    );
    await waitUntil(() => tracker.data.length === 1, 'the placed event from the log');
    const kitchen = await signedIn(t.db, fixture.staff.kitchen);

    let version = 1;
    for (let round = 0; round < 3; round += 1) {
      // The server cuts every socket; wsLink reconnects and sends the last id it saw.
      terminateAll(instance);
      const ticket = await kitchen.kitchen.transition({
        orderId: placed.order.id,
        expectedVersion: version,
        to: (['accepted', 'preparing', 'ready'] as const)[round] ?? 'ready',
      });
      version = ticket.version;
      if (ticket.status === 'ready') break;
    }
    await waitUntil(() => tracker.data.length === 4, 'every stage after the drops');
    expect(tracker.data.map((item) => item.data.order.status)).toEqual([
      'placed',
      'accepted',
      'preparing',
      'ready',
    ]);
    expect(new Set(tracker.ids).size).toBe(4);
  });
});

function terminateAll(instance: Instance): void {
  for (const client of instance.server.clients()) client.terminate();
}
