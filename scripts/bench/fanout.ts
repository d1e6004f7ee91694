/**
 * Fan-out benchmark: order-tracking subscribers spread over two server
 * instances on Redis, plus kitchen boards that receive every event. A steady
 * phase at a set delivery rate, then a flat-out burst. The same scenario runs
 * on Ticketrail and on raw `ws` + `ioredis` (raw-instance.ts), so every figure
 * comes with its ratio to the practical limit.
 *
 * It creates its own database (ticketrail_bench) and drops it when done.
 *
 * The driver plays the part of the app's writers: it commits events to the
 * log (events + event_rooms) and then publishes them on the rooms' channels,
 * exactly as a committed order change is published. What is measured is the
 * servers' side: receiving, routing and writing to sockets.
 *
 *   pnpm bench [--tiers 1000,5000,10000] [--rate 5000] [--seconds 8] [--burst 20000] [--boards 3]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { WebSocket } from 'ws';
import { formatOrderNumber, rooms } from '@ticketrail/shared';
import { openDatabase } from '../../server/src/db/connect';
import { migrateToLatest } from '../../server/src/db/migrate';
import type { DomainEvent } from '../../server/src/live/event-log';
import type { KitchenTicket } from '../../server/src/orders/tickets';
import { login } from '../../server/src/staff/sessions';
import { hashToken } from '../../server/src/tokens';
import { feedEvent } from '../../server/src/live/feeds';
import { encodeEnvelope } from '../../server/src/live/wire';
import { seedDemo } from '../../server/src/demo/seed';
import type { BenchReply, BenchRequest } from './ipc';

const { values: args } = parseArgs({
  options: {
    tiers: { type: 'string', default: '1000,5000,10000' },
    rate: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '8' },
    burst: { type: 'string', default: '20000' },
    boards: { type: 'string', default: '3' },
    stacks: { type: 'string', default: 'ticketrail,raw' },
  },
});
const TIERS = args.tiers.split(',').map(Number);
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const BURST = Number(args.burst);
const BOARDS = Number(args.boards);
const STACKS = args.stacks.split(',') as Stack[];
type Stack = 'ticketrail' | 'raw';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BENCH_DB = 'ticketrail_bench';
const BASE_PORT = 4100;
const INSTANCES = 2;
const here = fileURLToPath(new URL('.', import.meta.url));

const say = (message: string) =>
  console.log(`${new Date().toISOString().slice(11, 19)}  ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

// ---------------------------------------------------------------- database

async function prepareDatabase(maxOrders: number) {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
  await admin.query(`create database ${BENCH_DB}`);
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.pathname = `/${BENCH_DB}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrateToLatest(database.db);
  await seedDemo(database.db);
  const location = await database.db
    .selectFrom('locations')
    .select(['id'])
    .where('slug', '=', 'harbour-kitchen')
    .executeTakeFirstOrThrow();
  const { token: staffToken } = await login(database.db, 'kitchen@harbour.example', 'demo-kitchen');

  say(`creating ${maxOrders} orders to track`);
  const orders: { id: string; token: string; ticket: KitchenTicket }[] = [];
  const today = new Date().toISOString().slice(0, 10);
  for (let start = 0; start < maxOrders; start += 1000) {
    const chunk = Array.from({ length: Math.min(1000, maxOrders - start) }, (_, offset) => {
      const number = start + offset + 1;
      const id = randomUUID();
      const token = randomBytes(32).toString('base64url');
      orders.push({ id, token, ticket: ticketFor(id, number, location.id, today) });
      return {
        id,
        location_id: location.id,
        business_date: today,
        number,
        type: 'pickup' as const,
        guest_name: `Guest ${number}`,
        status: 'accepted' as const,
        subtotal_cents: 2350,
        total_cents: 2350,
        currency: 'EUR',
        idempotency_key: `bench-${id}`,
        request_hash: 'bench',
        tracking_token_hash: hashToken(token),
      };
    });
    await database.db.insertInto('orders').values(chunk).execute();
  }
  return { database, url: url.toString(), locationId: location.id, staffToken, orders };
}

function ticketFor(id: string, number: number, locationId: number, day: string): KitchenTicket {
  const placedAt = new Date().toISOString();
  return {
    id,
    locationId,
    number,
    displayNumber: formatOrderNumber(number),
    businessDate: day,
    type: 'pickup',
    tableLabel: null,
    deliveryAddress: null,
    guestName: `Guest ${number}`,
    guestPhone: '+353 87 000 0000',
    notes: null,
    status: 'preparing',
    version: 2,
    subtotalCents: 2350,
    totalCents: 2350,
    currency: 'EUR',
    times: {
      placedAt,
      acceptedAt: placedAt,
      preparingAt: placedAt,
      readyAt: null,
      completedAt: null,
      rejectedAt: null,
      cancelledAt: null,
    },
    cancelReason: null,
    rush: false,
    guestCount: null,
    guestMessages: [],
    items: [
      {
        id: number * 2,
        menuItemId: 1,
        name: 'Smash Burger',
        quantity: 1,
        unitPriceCents: 1650,
        lineTotalCents: 1650,
        options: [{ optionId: 1, group: 'Size', name: 'Double', priceDeltaCents: 200 }],
        notes: 'no pickles',
        station: 'grill',
        allergens: ['gluten', 'milk', 'sesame'],
        status: 'cooking',
      },
      {
        id: number * 2 + 1,
        menuItemId: 2,
        name: 'Skinny fries',
        quantity: 1,
        unitPriceCents: 450,
        lineTotalCents: 450,
        options: [],
        notes: null,
        station: 'fry',
        allergens: [],
        status: 'queued',
      },
    ],
  };
}

// ---------------------------------------------------------------- events

type Orders = Awaited<ReturnType<typeof prepareDatabase>>['orders'];

/**
 * Commits events to the log and then publishes them, as the app's publisher
 * does: one envelope per room, naming the room's previous event.
 */
class Producer {
  readonly sentAt = new Map<number, number>();
  readonly published = new Map<string, number>();
  readonly #heads = new Map<string, number>();
  #cursor = 0;
  #version = 2;

  constructor(
    private readonly pool: pg.Pool,
    private readonly redis: Redis,
    private readonly orders: Orders,
    private readonly locationId: number,
    public prefix: string,
    /** How many of the orders have a tracker: events go round-robin over those. */
    public tracked: number,
  ) {}

  /** Commits `count` events (round-robin over the tracked orders) and publishes them. */
  async produce(count: number): Promise<void> {
    const kitchen = rooms.kitchen(this.locationId);
    const batch: { order: Orders[number]; event: DomainEvent }[] = [];
    for (let index = 0; index < count; index += 1) {
      const order = this.orders[this.#cursor % this.tracked];
      if (!order) throw new Error('no order to change');
      this.#cursor += 1;
      this.#version += 1;
      const ticket = { ...order.ticket, version: this.#version };
      batch.push({ order, event: { type: 'order.changed', change: { kind: 'placed' }, ticket } });
    }
    const inserted = await this.pool.query<{ id: string; room: string }>(
      `insert into events (location_id, rooms, type, payload)
       select $1, array[$2::text, o], 'order.changed', p::jsonb
       from unnest($3::text[], $4::text[]) with ordinality as t(o, p, n) order by n
       returning id, rooms[2] as room`,
      [
        this.locationId,
        kitchen,
        batch.map(({ order }) => rooms.order(order.id)),
        batch.map(({ event }) => JSON.stringify(event)),
      ],
    );
    const ids = inserted.rows.map((row) => Number(row.id));
    await this.pool.query(
      `insert into event_rooms (room, event_id) select * from unnest($1::text[], $2::bigint[])`,
      [
        [...inserted.rows.map((row) => row.room), ...inserted.rows.map(() => kitchen)],
        [...ids, ...ids],
      ],
    );
    const committedAt = now();
    const pipeline = this.redis.pipeline();
    inserted.rows.forEach((row, index) => {
      const id = ids[index] ?? 0;
      const event = batch[index]?.event;
      if (!event) return;
      this.sentAt.set(id, committedAt);
      for (const room of [row.room as `order:${string}`, kitchen]) {
        const envelope = { id, prev: this.#heads.get(room) ?? 0, event: feedEvent(room, event) };
        this.#heads.set(room, id);
        this.published.set(room, (this.published.get(room) ?? 0) + 1);
        pipeline.publish(this.prefix + room, encodeEnvelope(envelope));
      }
    });
    await pipeline.exec();
  }
}

// ---------------------------------------------------------------- servers

interface Instance {
  child: ChildProcess;
  port: number;
  ask<T extends BenchReply['type']>(
    type: BenchRequest['type'] & T,
  ): Promise<Extract<BenchReply, { type: T }>>;
}

async function startInstance(
  stack: Stack,
  port: number,
  env: Record<string, string>,
): Promise<Instance> {
  const file = stack === 'ticketrail' ? 'ticketrail-instance.ts' : 'raw-instance.ts';
  const child = fork(`${here}${file}`, [], {
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      // BENCH_PROFILE=dir writes a CPU profile per server process there.
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
        : []),
    ],
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', (message: BenchReply) =>
      message.type === 'ready' ? resolve() : reject(new Error(`unexpected ${message.type}`)),
    );
    child.once('exit', (code) => reject(new Error(`${stack} instance exited (${code})`)));
  });
  return {
    child,
    port,
    ask: (type) =>
      new Promise((resolve) => {
        const onMessage = (message: BenchReply) => {
          if (message.type !== type) return;
          child.off('message', onMessage);
          resolve(message as never);
        };
        child.on('message', onMessage);
        child.send({ type });
      }),
  };
}

async function stopInstance(instance: Instance): Promise<void> {
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.send({ type: 'stop' });
  await Promise.race([exited, sleep(5000)]);
  instance.child.kill('SIGKILL');
}

// ---------------------------------------------------------------- clients

interface Subscriber {
  room: string;
  socket: WebSocket;
  ready: boolean;
  ids: Set<number>;
  duplicates: number;
}

class Clients {
  readonly subscribers: Subscriber[] = [];
  readonly latencies: number[] = [];
  recording = false;
  delivered = 0;

  constructor(
    private readonly stack: Stack,
    private readonly sentAt: Map<number, number>,
  ) {}

  connect(port: number, room: string, subscribe: unknown, token: string | null): Promise<void> {
    const raw = this.stack === 'raw';
    const url = `ws://127.0.0.1:${port}${raw ? '' : `/trpc${token ? '?connectionParams=1' : ''}`}`;
    const socket = new WebSocket(url);
    const subscriber: Subscriber = { room, socket, ready: false, ids: new Set(), duplicates: 0 };
    this.subscribers.push(subscriber);
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => {
        if (raw) socket.send(JSON.stringify({ room }));
        else {
          if (token) socket.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
          socket.send(JSON.stringify(subscribe));
        }
      });
      socket.on('message', (data) => {
        const message = JSON.parse((data as Buffer).toString()) as {
          id?: number | string;
          joined?: boolean;
          result?: { type: string; id?: string };
          error?: { message: string };
        };
        if (message.joined || message.result?.type === 'started') {
          subscriber.ready = true;
          resolve();
          return;
        }
        if (message.error) {
          reject(new Error(message.error.message));
          return;
        }
        const id = raw ? Number(message.id) : Number(message.result?.id);
        if (!Number.isFinite(id) || id === 0) return;
        this.delivered += 1;
        if (subscriber.ids.has(id)) subscriber.duplicates += 1;
        subscriber.ids.add(id);
        if (this.recording) {
          const sent = this.sentAt.get(id);
          if (sent !== undefined) this.latencies.push(now() - sent);
        }
      });
    });
  }

  close(): void {
    for (const { socket } of this.subscribers) socket.terminate();
  }
}

// ---------------------------------------------------------------- the run

interface Result {
  stack: Stack;
  subscribers: number;
  deliveriesPerSecond: number;
  p50: number;
  p99: number;
  cpuMicrosPerDelivery: number;
  heapBytesPerSubscription: number;
  burstDeliveries: number;
  burstSeconds: number;
  lost: number;
  duplicates: number;
  redisCuts: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function runScenario(
  stack: Stack,
  trackers: number,
  setup: Awaited<ReturnType<typeof prepareDatabase>>,
  producer: Producer,
): Promise<Result> {
  const prefix = `bench-${stack}-${randomBytes(3).toString('hex')}:`;
  producer.prefix = prefix;
  producer.sentAt.clear();
  producer.published.clear();
  const env = { DATABASE_URL: setup.url, REDIS_URL, REDIS_PREFIX: prefix };
  const instances: Instance[] = [];
  for (let index = 0; index < INSTANCES; index += 1) {
    instances.push(await startInstance(stack, BASE_PORT + index, env));
  }
  const heapBefore = await Promise.all(instances.map((instance) => instance.ask('heap')));

  const clients = new Clients(stack, producer.sentAt);
  say(`${stack}: connecting ${trackers} trackers and ${BOARDS} kitchen boards`);
  const kitchen = rooms.kitchen(setup.locationId);
  const jobs: (() => Promise<void>)[] = [];
  for (let index = 0; index < BOARDS; index += 1) {
    const port = BASE_PORT + (index % INSTANCES);
    jobs.push(() =>
      clients.connect(
        port,
        kitchen,
        {
          id: 1,
          method: 'subscription',
          params: { path: 'kitchen.live', input: { locationId: setup.locationId } },
        },
        setup.staffToken,
      ),
    );
  }
  for (let index = 0; index < trackers; index += 1) {
    const order = setup.orders[index];
    if (!order) throw new Error('not enough orders');
    const port = BASE_PORT + (index % INSTANCES);
    jobs.push(() =>
      clients.connect(
        port,
        rooms.order(order.id),
        {
          id: 1,
          method: 'subscription',
          params: { path: 'orders.live', input: { orderId: order.id, token: order.token } },
        },
        null,
      ),
    );
  }
  for (let start = 0; start < jobs.length; start += 250) {
    await Promise.all(jobs.slice(start, start + 250).map((job) => job()));
  }
  await sleep(1500);
  const heapAfter = await Promise.all(instances.map((instance) => instance.ask('heap')));
  const heapPerSubscription =
    heapAfter.reduce(
      (sum, heap, index) => sum + heap.heapUsed - (heapBefore[index]?.heapUsed ?? 0),
      0,
    ) / clients.subscribers.length;

  // Steady phase: RATE deliveries a second, each event reaching its tracker and every board.
  const eventsPerSecond = RATE / (1 + BOARDS);
  const tickMs = 20;
  const perTick = eventsPerSecond * (tickMs / 1000);
  say(
    `${stack}: steady ${RATE} deliveries/s (${Math.round(eventsPerSecond)} events/s) for ${SECONDS}s`,
  );
  const cpuBefore = await Promise.all(instances.map((instance) => instance.ask('cpu')));
  const deliveredBefore = clients.delivered;
  clients.recording = true;
  const started = now();
  let owed = 0;
  for (let tick = 1; now() - started < SECONDS * 1000; tick += 1) {
    owed += perTick;
    const count = Math.floor(owed);
    owed -= count;
    if (count > 0) await producer.produce(count);
    const wait = started + tick * tickMs - now();
    if (wait > 0) await sleep(wait);
  }
  const elapsed = (now() - started) / 1000;
  // Let the last events of the phase arrive before reading the counters.
  await sleep(500);
  clients.recording = false;
  const cpuAfter = await Promise.all(instances.map((instance) => instance.ask('cpu')));
  const steadyDeliveries = clients.delivered - deliveredBefore;
  const cpuMicros = cpuAfter.reduce(
    (sum, cpu, index) =>
      sum + cpu.user + cpu.system - (cpuBefore[index]?.user ?? 0) - (cpuBefore[index]?.system ?? 0),
    0,
  );
  const sorted = [...clients.latencies].sort((a, b) => a - b);

  // Burst: as fast as the driver can commit and publish.
  say(`${stack}: burst of ${BURST} events`);
  const burstStart = now();
  const deliveredBeforeBurst = clients.delivered;
  for (let sent = 0; sent < BURST; sent += 1000)
    await producer.produce(Math.min(1000, BURST - sent));
  const expected = () =>
    clients.subscribers.reduce(
      (sum, subscriber) => sum + (producer.published.get(subscriber.room) ?? 0),
      0,
    );
  const received = () =>
    clients.subscribers.reduce((sum, subscriber) => sum + subscriber.ids.size, 0);
  const deadline = now() + 60_000;
  let lastReceived = -1;
  let quietSince = now();
  while (received() < expected() && now() < deadline) {
    await sleep(250);
    const current = received();
    if (current !== lastReceived) {
      lastReceived = current;
      quietSince = now();
    } else if (now() - quietSince > 15_000) break;
  }
  const burstSeconds = (now() - burstStart) / 1000;
  const cuts = await Promise.all(instances.map((instance) => instance.ask('cpu')));

  const result: Result = {
    stack,
    subscribers: clients.subscribers.length,
    deliveriesPerSecond: steadyDeliveries / elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuMicrosPerDelivery: cpuMicros / Math.max(1, steadyDeliveries),
    heapBytesPerSubscription: heapPerSubscription,
    burstDeliveries: clients.delivered - deliveredBeforeBurst,
    burstSeconds,
    lost: expected() - received(),
    duplicates: clients.subscribers.reduce((sum, subscriber) => sum + subscriber.duplicates, 0),
    redisCuts: cuts.reduce((sum, cpu) => sum + cpu.resyncs, 0),
  };
  clients.close();
  await Promise.all(instances.map(stopInstance));
  return result;
}

function table(results: Result[]): string {
  const rows = [
    '| subscribers | stack | deliveries/s | p50 ms | p99 ms | CPU µs/delivery | heap KB/sub | burst deliveries (s) | lost | dupes | Redis cuts |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    rows.push(
      `| ${r.subscribers} | ${r.stack} | ${r.deliveriesPerSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.cpuMicrosPerDelivery.toFixed(1)} | ${(r.heapBytesPerSubscription / 1024).toFixed(1)} | ${r.burstDeliveries} (${r.burstSeconds.toFixed(1)}) | ${r.lost} | ${r.duplicates} | ${r.redisCuts} |`,
    );
  }
  const ratios = [
    '',
    '| subscribers | CPU ratio | p99 ratio | heap ratio |',
    '| ---: | ---: | ---: | ---: |',
  ];
  for (const tier of new Set(results.map((r) => r.subscribers))) {
    const ours = results.find((r) => r.subscribers === tier && r.stack === 'ticketrail');
    const raw = results.find((r) => r.subscribers === tier && r.stack === 'raw');
    if (!ours || !raw) continue;
    ratios.push(
      `| ${tier} | ${(ours.cpuMicrosPerDelivery / raw.cpuMicrosPerDelivery).toFixed(2)}× | ${(ours.p99 / raw.p99).toFixed(2)}× | ${(ours.heapBytesPerSubscription / raw.heapBytesPerSubscription).toFixed(2)}× |`,
    );
  }
  return [...rows, ...ratios].join('\n');
}

const maxTrackers = Math.max(...TIERS);
say(
  `fan-out benchmark: tiers ${TIERS.join(', ')}; ${RATE}/s for ${SECONDS}s; burst ${BURST}; ${BOARDS} boards`,
);
const setup = await prepareDatabase(maxTrackers);
const pool = new pg.Pool({ connectionString: setup.url, max: 2 });
const redis = new Redis(REDIS_URL);
const results: Result[] = [];
// One producer for the whole run: it keeps every room's chain of event ids.
const producer = new Producer(pool, redis, setup.orders, setup.locationId, '', 0);
try {
  for (const tier of TIERS) {
    for (const stack of STACKS) {
      producer.tracked = tier;
      const result = await runScenario(stack, tier, setup, producer);
      results.push(result);
      say(
        `${stack} ${tier}: ${result.deliveriesPerSecond.toFixed(0)}/s, p99 ${result.p99.toFixed(1)} ms, ` +
          `${result.cpuMicrosPerDelivery.toFixed(1)} µs/delivery, ${(result.heapBytesPerSubscription / 1024).toFixed(1)} KB/sub, lost ${result.lost}`,
      );
    }
  }
} finally {
  await pool.end();
  redis.disconnect();
  await setup.database.close();
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
  await admin.end();
}
console.log(`\n${table(results)}\n`);
