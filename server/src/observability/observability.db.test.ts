/**
 * What an operator sees of a running server: /metrics (and who may read it),
 * the numbers a real order and a real live feed leave there, and /healthz.
 * Real servers on port 0, real HTTP requests and WebSocket clients.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect';
import { startServer } from '../http/server';
import { createMetrics, type Metrics } from './metrics';
import { createRealtime } from '../live';
import { MemoryBus } from '../live/memory-bus';
import type { RouterOutputs, Delivered } from '../router';
import { backend } from '../../test/support/database';
import { guest, PASSWORD, pickupOrder } from '../../test/support/fixture';
import {
  busMaker,
  liveClient,
  Recorder,
  startInstance,
  waitUntil,
  type Instance,
  type LiveClient,
} from '../../test/support/live';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();
const TOKEN = 'scrape-token-of-the-test-suite';

type KitchenEvent = Delivered<RouterOutputs['kitchen']['live']>['data'];

/** Samples of the exposition text, keyed as printed: `name{label="value",…}`. */
function samples(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    found.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return found;
}

describe(`observability (${backend})`, () => {
  let instance: Instance;
  let metrics: Metrics;
  const clients: LiveClient[] = [];

  const scrape = async (headers: Record<string, string> = {}) => {
    const response = await fetch(`${instance.url}/metrics`, { headers });
    expect(response.status).toBe(200);
    return samples(await response.text());
  };
  const mutate = (path: string, input: unknown) =>
    fetch(`${instance.url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });

  beforeEach(async () => {
    metrics = createMetrics();
    instance = await startInstance(t.db, busMaker('memory')(), { metrics });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await instance.close();
  });

  it('serves /metrics to a direct loopback scraper, and to nobody through a proxy', async () => {
    const direct = await fetch(`${instance.url}/metrics`);
    expect(direct.status).toBe(200);
    expect(direct.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await direct.text();
    expect(text).toContain('# TYPE ticketrail_procedure_duration_seconds histogram');
    expect(text).toContain('process_resident_memory_bytes');

    for (const header of ['x-forwarded-for', 'forwarded']) {
      const proxied = await fetch(`${instance.url}/metrics`, {
        headers: { [header]: header === 'forwarded' ? 'for=203.0.113.9' : '203.0.113.9' },
      });
      expect(proxied.status).toBe(404);
      expect(await proxied.text()).not.toContain('ticketrail_');
    }
  });

  it('with METRICS_TOKEN, asks every caller for it', async () => {
    const guarded = await startInstance(t.db, busMaker('memory')(), {
      metrics: createMetrics({ processMetrics: false }),
      metricsToken: TOKEN,
    });
    try {
      const get = (headers: Record<string, string>) => fetch(`${guarded.url}/metrics`, { headers });
      const none = await get({});
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toContain('Bearer');
      expect((await get({ authorization: `Bearer ${TOKEN}-wrong` })).status).toBe(401);
      expect((await get({ authorization: 'Bearer short' })).status).toBe(401);
      const right = await get({ authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '1.2.3.4' });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('ticketrail_events_published_total');
    } finally {
      await guarded.close();
    }
  });

  it('counts an order from placement to a live feed, and shows the open feed', async () => {
    const { fixture } = t;
    const { token } = await guest(t.db).auth.login({
      email: fixture.staff.kitchen,
      password: PASSWORD,
    });
    const kitchen = new Recorder<KitchenEvent>();
    const tablet = liveClient(instance.wsUrl, token);
    clients.push(tablet);
    tablet.trpc.kitchen.live.subscribe({ locationId: fixture.main.id }, kitchen.handlers);
    await waitUntil(() => kitchen.started, 'the kitchen feed to start');
    await waitUntil(() => instance.realtime.hub.roomCount === 1, 'the room to go live');

    const placed = await mutate('orders.place', pickupOrder(fixture));
    expect(placed.status).toBe(200);
    await waitUntil(() => kitchen.data.length === 1, 'the order on the kitchen feed');

    const seen = await scrape();
    expect(seen.get('ticketrail_events_published_total{ok="true"}')).toBeGreaterThan(0);
    expect(seen.get('ticketrail_events_published_total{ok="false"}')).toBe(0);
    expect(seen.get('ticketrail_events_delivered_total')).toBeGreaterThan(0);
    expect(seen.get('ticketrail_event_deliveries_total')).toBeGreaterThan(0);
    expect(seen.get('ticketrail_delivery_lag_seconds_count')).toBeGreaterThan(0);
    expect(
      seen.get('ticketrail_procedure_duration_seconds_count{path="orders.place",type="mutation"}'),
    ).toBe(1);
    expect(seen.get('ticketrail_subscriptions_started_total{path="kitchen.live"}')).toBe(1);
    expect(seen.get('ticketrail_websocket_sockets')).toBe(1);
    expect(seen.get('ticketrail_live_subscriptions')).toBe(1);
    expect(seen.get('ticketrail_live_rooms')).toBe(1);
    expect(seen.get('ticketrail_bus_up')).toBe(1);

    await tablet.close();
    await waitUntil(() => instance.server.clients().size === 0, 'the socket to close');
    const after = await scrape();
    expect(after.get('ticketrail_websocket_sockets')).toBe(0);
    expect(after.get('ticketrail_live_subscriptions')).toBe(0);
  });

  it('counts refused calls by procedure and the code the caller got', async () => {
    const { fixture } = t;
    const invalid = await mutate('orders.place', { ...pickupOrder(fixture), items: [] });
    expect(invalid.status).toBe(400);
    // A domain error: counted under the code it became, not as an internal error.
    const soldOut = await mutate(
      'orders.place',
      pickupOrder(fixture, {
        items: [{ itemId: fixture.items.salad, quantity: 1, optionIds: [] }],
      }),
    );
    expect(soldOut.status).toBe(422);

    const seen = await scrape();
    const errors = (code: string) =>
      seen.get(`ticketrail_procedure_errors_total{path="orders.place",code="${code}"}`);
    expect(errors('BAD_REQUEST')).toBe(1);
    expect(errors('UNPROCESSABLE_CONTENT')).toBe(1);
    expect(errors('INTERNAL_SERVER_ERROR')).toBeUndefined();
    expect(
      seen.get('ticketrail_procedure_duration_seconds_count{path="orders.place",type="mutation"}'),
    ).toBe(2);
  });

  it('reports the database and the bus at /healthz', async () => {
    const response = await fetch(`${instance.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ ok: true, database: 'up', bus: 'up' });
  });
});

describe('/healthz without a database', () => {
  it('is 503 with the database down, and still says how the bus is', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    const realtime = createRealtime(database.db, new MemoryBus(), { sweepMs: 0, log: () => {} });
    const server = await startServer({
      deps: { db: database.db, realtime },
      port: 0,
      clientDist: '/nonexistent',
      log: () => {},
    });
    try {
      await database.close();
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ok: false, database: 'down', bus: 'up' });
      // No metrics were given to this server: there is nothing at /metrics.
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    } finally {
      await server.close();
      await realtime.close();
    }
  });
});
