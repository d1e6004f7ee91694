/**
 * Nothing acknowledged is lost: across two instances, a bus that drops or
 * reorders messages, a Redis subscriber connection cut mid-service, a server
 * restart, and a client too slow to read.
 */
import { Redis } from 'ioredis';
import { rooms } from '@ticketrail/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { appendEvent, eventsAfter, transact } from './event-log';
import type { BusHandlers, RoomBus } from './bus';
import type { RedisBus } from './redis-bus';
import type { Delivered, RouterOutputs } from '../router';
import { backend } from '../../test/support/database';
import { guest, PASSWORD, pickupOrder, signedIn } from '../../test/support/fixture';
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

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function instance(...args: Parameters<typeof startInstance>): Promise<Instance> {
  const started = await startInstance(...args);
  cleanups.push(() => started.close());
  return started;
}

function client(wsUrl: string, token: string | null = null): LiveClient {
  const created = liveClient(wsUrl, token);
  cleanups.push(() => created.close());
  return created;
}

const kitchenToken = async () =>
  (await guest(t.db).auth.login({ email: t.fixture.staff.kitchen, password: PASSWORD })).token;

/** The kitchen room's event ids in the log: what every kitchen screen must end up with. */
async function kitchenLog(): Promise<number[]> {
  return (await eventsAfter(t.db, rooms.kitchen(t.fixture.main.id), 0, 10_000)).map((e) => e.id);
}

/** A bus that loses some messages and delays others, as a bad network would. */
class UnreliableBus implements RoomBus {
  readonly kind: 'memory' | 'redis';
  #count = 0;
  constructor(
    private readonly inner: RoomBus,
    private readonly fate: (n: number) => 'deliver' | 'lose' | 'fail' | 'delay',
  ) {
    this.kind = inner.kind;
  }
  get state() {
    return this.inner.state;
  }
  attach(handlers: BusHandlers) {
    this.inner.attach(handlers);
  }
  subscribe(channel: string) {
    return this.inner.subscribe(channel);
  }
  unsubscribe(channel: string) {
    return this.inner.unsubscribe(channel);
  }
  async publish(channel: string, payload: string) {
    this.#count += 1;
    switch (this.fate(this.#count)) {
      case 'lose':
        return;
      case 'fail':
        throw new Error('publish failed (test)');
      case 'delay':
        setTimeout(() => void this.inner.publish(channel, payload), 40);
        return;
      case 'deliver':
        return this.inner.publish(channel, payload);
    }
  }
  close() {
    return this.inner.close();
  }
}

describe.each(busKinds)(`resilience on the %s bus (${backend})`, (busKind) => {
  it.runIf(backend === 'postgres')(
    'a subscriber on instance B sees an order placed on instance A',
    async () => {
      const makeBus = busMaker(busKind);
      const other = await t.database.openAnother?.();
      if (!other) throw new Error('needs a second pool');
      const a = await instance(t.db, makeBus());
      const b = await instance(other.db, makeBus());
      const token = await kitchenToken();

      const onB = new Recorder<KitchenEvent>();
      client(b.wsUrl, token).trpc.kitchen.live.subscribe(
        { locationId: t.fixture.main.id },
        onB.handlers,
      );
      await waitUntil(() => b.realtime.hub.roomCount === 1, 'B to go live');

      const placedOnA = await client(a.wsUrl).trpc.orders.place.mutate(pickupOrder(t.fixture));
      await waitUntil(() => onB.data.length === 1, 'the order on B');
      expect(onB.data[0]?.data).toMatchObject({
        type: 'order.changed',
        ticket: { id: placedOnA.order.id },
      });
    },
  );

  it('a bus that loses, fails and reorders messages still yields every event once, in order', async () => {
    const fates = ['deliver', 'lose', 'delay', 'fail', 'deliver', 'delay'] as const;
    const bus = new UnreliableBus(busMaker(busKind)(), (n) => fates[n % fates.length] ?? 'deliver');
    const live = await instance(t.db, bus, { sweepMs: 150 });
    const token = await kitchenToken();
    const screens = [new Recorder<KitchenEvent>(), new Recorder<KitchenEvent>()];
    for (const screen of screens) {
      client(live.wsUrl, token).trpc.kitchen.live.subscribe(
        { locationId: t.fixture.main.id },
        screen.handlers,
      );
    }
    await waitUntil(
      () => live.realtime.hub.roomCount === 1 && screens.every((s) => s.started),
      'screens',
    );

    const kitchen = await signedIn(t.db, t.fixture.staff.kitchen);
    for (let index = 0; index < 12; index += 1) {
      const { order } = await guest(t.db).orders.place(pickupOrder(t.fixture));
      if (index % 3 === 0)
        await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });
    }
    const expected = await kitchenLog();
    expect(expected).toHaveLength(16);
    for (const screen of screens) {
      await waitUntil(() => screen.ids.length >= expected.length, 'every event on every screen');
      await sleep(200);
      expect(screen.ids).toEqual(expected);
    }
  });

  it.runIf(busKind === 'redis')(
    'the Redis subscriber connection cut while orders flow loses nothing',
    async () => {
      const bus = busMaker(busKind)() as RedisBus;
      const live = await instance(t.db, bus);
      const token = await kitchenToken();
      const screen = new Recorder<KitchenEvent>();
      client(live.wsUrl, token).trpc.kitchen.live.subscribe(
        { locationId: t.fixture.main.id },
        screen.handlers,
      );
      await waitUntil(() => live.realtime.hub.roomCount === 1 && screen.started, 'the screen');

      const admin = new Redis(process.env.REDIS_URL ?? '');
      cleanups.push(async () => void admin.disconnect());
      const placing = (async () => {
        for (let index = 0; index < 20; index += 1) {
          await guest(t.db).orders.place(pickupOrder(t.fixture));
          await sleep(5);
        }
      })();
      const cut = async () => {
        // The same as Redis cutting a subscriber whose output buffer overflowed.
        // (Each time, wait for ioredis to have reconnected first.)
        let id: string | undefined;
        for (let tries = 0; tries < 200 && !id; tries += 1) {
          const list = String(await admin.client('LIST'));
          const line = list
            .split('\n')
            .find((entry) => entry.includes(`name=${bus.connectionName} `));
          id = line ? /\bid=(\d+)/.exec(line)?.[1] : undefined;
          if (!id) await sleep(20);
        }
        if (!id) throw new Error(`no subscriber connection named ${bus.connectionName}`);
        await admin.client('KILL', 'ID', id);
      };
      try {
        for (let round = 0; round < 3; round += 1) {
          await sleep(25);
          await cut();
        }
      } finally {
        await placing;
      }
      // The last orders go out while the subscriber is down and nothing follows
      // them: only the catch-up after reconnecting can bring them.
      await cut();
      for (let index = 0; index < 3; index += 1)
        await guest(t.db).orders.place(pickupOrder(t.fixture));
      const expected = await kitchenLog();
      await waitUntil(
        () => screen.ids.length >= expected.length,
        'every order after the cuts',
        15_000,
      );
      await sleep(200);
      expect(screen.ids).toEqual(expected);
    },
  );

  it('a restarted server: clients are told to reconnect, come back and catch up', async () => {
    const makeBus = busMaker(busKind);
    const first = await startInstance(t.db, makeBus());
    const port = first.port;
    const token = await kitchenToken();
    const screen = new Recorder<KitchenEvent>();
    const tablet = liveClient(first.wsUrl, token);
    cleanups.push(() => tablet.close());
    tablet.trpc.kitchen.live.subscribe(
      { locationId: t.fixture.main.id, lastEventId: '0' },
      screen.handlers,
    );
    await guest(t.db).orders.place(pickupOrder(t.fixture));
    await waitUntil(() => screen.data.length === 1, 'the first ticket');

    await first.close();
    // Orders keep coming in while the server is down (another instance takes them).
    await guest(t.db).orders.place(pickupOrder(t.fixture));
    await guest(t.db).orders.place(pickupOrder(t.fixture));
    await sleep(100);
    await instance(t.db, makeBus(), { port });
    await waitUntil(() => screen.data.length === 3, 'the tickets placed while it was down');
    await guest(t.db).orders.place(pickupOrder(t.fixture));
    await waitUntil(() => screen.data.length === 4, 'live again');
    expect(screen.ids).toEqual(await kitchenLog());
  });

  // The watchdog does not depend on the bus; on Redis the tens of MB this pushes
  // would test Redis's own pub/sub buffer limits instead.
  it.runIf(busKind === 'memory')(
    'a client that stops reading is cut off instead of growing server memory',
    async () => {
      const live = await instance(t.db, busMaker(busKind)(), {
        websocket: { maxBufferedBytes: 64 * 1024 },
      });
      const socket = new WebSocket(live.wsUrl);
      cleanups.push(async () => socket.terminate());
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise((resolve) => socket.once('close', resolve));
      socket.send(
        JSON.stringify({
          id: 1,
          method: 'subscription',
          params: { path: 'menu.live', input: { locationSlug: t.fixture.main.slug } },
        }),
      );
      await waitUntil(() => live.realtime.hub.roomCount === 1, 'the menu room');
      // A phone in a pocket: the socket is open but nothing is read from it.
      (socket as unknown as { _socket: { pause(): void } })._socket.pause();

      // Enough to overflow the kernel's socket buffers on both ends (several MB on
      // loopback), so the server's own buffer must grow; it stops as soon as the
      // server cuts the client.
      const big = 'x'.repeat(64 * 1024);
      for (let index = 0; index < 1000 && live.server.clients().size > 0; index += 1) {
        await transact(t.db, (trx) =>
          appendEvent(trx, t.fixture.main.id, [rooms.menu(t.fixture.main.id)], {
            type: 'menu.availability',
            itemId: t.fixture.items.fries,
            name: big,
            available: index % 2 === 0,
            soldOut: false,
          }),
        );
      }
      await waitUntil(
        () => live.server.clients().size === 0,
        'the server to drop the stalled client',
      );
      (socket as unknown as { _socket: { resume(): void } })._socket.resume();
      await closed;
    },
  );
});
