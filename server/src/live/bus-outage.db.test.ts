/**
 * A Redis outage while Postgres is fine: screens keep moving from the log.
 * Two instances on their own Redis, which the test kills and starts again.
 * Before the fix, a screen that (re)subscribed while Redis was down waited
 * for Redis and showed nothing, and live screens froze until it came back.
 */
import { rooms } from '@ticketrail/shared';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { eventsAfter } from './event-log';
import { createRealtime } from '.';
import { RedisBus } from './redis-bus';
import type { Delivered, RouterOutputs } from '../router';
import { guest, PASSWORD, pickupOrder } from '../../test/support/fixture';
import {
  liveClient,
  Recorder,
  startInstance,
  waitUntil,
  type Instance,
  type LiveClient,
} from '../../test/support/live';
import { hasRedisServer, startOwnRedis, type OwnRedis } from '../../test/support/redis-server';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();
type KitchenEvent = Delivered<RouterOutputs['kitchen']['live']>['data'];
type LiveStatus = Delivered<RouterOutputs['live']['status']>;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.runIf(hasRedisServer)('a Redis outage', () => {
  let redis: OwnRedis;
  beforeAll(async () => {
    redis = await startOwnRedis();
  });
  afterAll(async () => {
    await redis?.kill();
  });

  /**
   * An instance as a process of its own: its own Kysely object, so it hears
   * only its own commits (events.ts keys commit listeners by the object).
   * Orders are placed on `t.db`, whose publisher is another instance's.
   */
  async function instance(): Promise<Instance> {
    const bus = new RedisBus(redis.url, { prefix: 'outage-test:', log: () => {} });
    const started = await startInstance(t.db.withoutPlugins(), bus);
    cleanups.push(() => started.close());
    await waitUntil(() => bus.state === 'up', 'the bus to connect');
    return started;
  }
  function client(wsUrl: string, token: string): LiveClient {
    const created = liveClient(wsUrl, token);
    cleanups.push(() => created.close());
    return created;
  }
  const kitchenLog = async () =>
    (await eventsAfter(t.db, rooms.kitchen(t.fixture.main.id), 0, 10_000)).map((e) => e.id);
  const place = () => guest(t.db).orders.place(pickupOrder(t.fixture));

  it('screens keep moving from the log, say so, and go back to the bus', async () => {
    const a = await instance();
    const b = await instance();
    // The instance where guests place orders: its failed publishes sweep only its own rooms.
    const placing = createRealtime(
      t.db,
      new RedisBus(redis.url, { prefix: 'outage-test:', log: () => {} }),
      { log: () => {} },
    );
    cleanups.push(() => placing.close());
    const { token } = await guest(t.db).auth.login({
      email: t.fixture.staff.kitchen,
      password: PASSWORD,
    });
    const locationId = t.fixture.main.id;
    const onB = new Recorder<KitchenEvent>();
    const tablet = client(b.wsUrl, token);
    tablet.trpc.kitchen.live.subscribe({ locationId, lastEventId: '0' }, onB.handlers);
    const status: LiveStatus[] = [];
    tablet.trpc.live.status.subscribe(undefined, { onData: (value) => status.push(value) });
    await waitUntil(() => onB.started && status.length === 1, 'the screen');
    expect(status).toEqual([{ bus: 'up' }]);
    await place();
    await waitUntil(() => onB.data.length === 1, 'the first ticket, through the bus');

    await redis.kill();
    await waitUntil(() => b.realtime.hub.busState === 'down', 'B to see the bus down');
    await waitUntil(() => status.length === 2, 'the screen to be told');
    expect(status[1]).toEqual({ bus: 'down' });

    // A live screen keeps moving.
    await place();
    await waitUntil(() => onB.data.length === 2, 'a ticket placed while Redis is down');

    // A screen that (re)connects now gets its backlog and then live tickets.
    const onA = new Recorder<KitchenEvent>();
    client(a.wsUrl, token).trpc.kitchen.live.subscribe(
      { locationId, lastEventId: '0' },
      onA.handlers,
    );
    await waitUntil(() => onA.data.length === 2, 'the backlog on a screen joining meanwhile');
    await place();
    await waitUntil(
      () => onA.data.length === 3 && onB.data.length === 3,
      'the next ticket on both screens',
    );

    await redis.start();
    await waitUntil(
      () => a.realtime.hub.busState === 'up' && b.realtime.hub.busState === 'up',
      'the bus to come back',
      10_000,
    );
    await waitUntil(() => status.length === 3, 'the screen to be told');
    expect(status[2]).toEqual({ bus: 'up' });
    await place();
    await waitUntil(
      () => onA.data.length === 4 && onB.data.length === 4,
      'a ticket through the bus again',
    );
    const expected = await kitchenLog();
    expect(onA.ids).toEqual(expected);
    expect(onB.ids).toEqual(expected);
  });
});
