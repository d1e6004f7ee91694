/**
 * Guest checkout benchmark: guests order from the demo restaurant through a
 * real Ticketrail server (its own process, a loopback port, Postgres and the
 * Redis bus), the way a phone does: `menu.get`, `orders.quote`, then
 * `orders.place` with a fresh idempotency key. Each tier runs that many guests
 * at once, flat out (no think time), so it measures what placement costs when
 * orders queue on the per-day counter row that numbers them.
 *
 * Then a retry storm: one request sent by many clients at once with the same
 * key, as after a lost answer on a bad network. Exactly one order may come of
 * it, and every client must be told about that one.
 *
 * Afterwards the database must hold exactly the acknowledged orders, numbered
 * 1..N per business day without a gap, each with its `placed` event.
 *
 * It creates its own database (ticketrail_bench_checkout) and drops it when
 * done. Any failed check or error makes the exit code 1.
 *
 *   pnpm bench checkout [--tiers 1,8,32] [--seconds 5] [--storm 20] [--storm-rounds 5] [--warmup 1]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { minimumChoices } from '@ticketrail/shared';
import type { RouterInputs, RouterOutputs } from '@ticketrail/server';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/connect';
import { migrateToLatest } from '../../server/src/db/migrate';
import { DEMO_LOCATIONS } from '../../server/src/demo/data';
import { seedDemo } from '../../server/src/demo/seed';
import type { BenchReply, BenchRequest } from './ipc';

const USAGE =
  'pnpm bench checkout [--tiers 1,8,32] [--seconds 5] [--storm 20] [--storm-rounds 5] [--warmup 1]';

function positiveIntegers(name: string, text: string): number[] {
  const numbers = text.split(',').map(Number);
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(`--${name} takes whole numbers of at least 1 (got "${text}").\n${USAGE}`);
    process.exit(2);
  }
  return numbers;
}

function positiveInteger(name: string, text: string): number {
  const [number, ...more] = positiveIntegers(name, text);
  if (number === undefined || more.length > 0) {
    console.error(`--${name} takes one whole number (got "${text}").\n${USAGE}`);
    process.exit(2);
  }
  return number;
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        tiers: { type: 'string', default: '1,8,32' },
        seconds: { type: 'string', default: '5' },
        storm: { type: 'string', default: '20' },
        'storm-rounds': { type: 'string', default: '5' },
        // Seconds of untimed checkouts first, so the first tier's figures are
        // not the cost of a cold JIT and of opening the server's pool connections.
        warmup: { type: 'string', default: '1' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const args = readArgs();
const TIERS = positiveIntegers('tiers', args.tiers);
const SECONDS = positiveInteger('seconds', args.seconds);
const STORM_CLIENTS = positiveInteger('storm', args.storm);
const STORM_ROUNDS = positiveInteger('storm-rounds', args['storm-rounds']);
const WARMUP_SECONDS = Number(args.warmup);
if (!(WARMUP_SECONDS >= 0)) {
  console.error(`--warmup takes a number of seconds, 0 for none.\n${USAGE}`);
  process.exit(2);
}

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BENCH_DB = 'ticketrail_bench_checkout';
const SLUG = 'harbour-kitchen';
const here = fileURLToPath(new URL('.', import.meta.url));

const say = (message: string) =>
  console.log(`${new Date().toISOString().slice(11, 19)}  ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

// Ctrl-C ends the current phase; the database is still dropped and the server stopped.
let interrupted = false;
process.on('SIGINT', () => {
  if (!interrupted) say('interrupted: finishing the current requests, then cleaning up');
  interrupted = true;
});

// ---------------------------------------------------------------- the guest's API

type Menu = RouterOutputs['menu']['get'];
type MenuItem = Menu['categories'][number]['items'][number];
type Quote = RouterOutputs['orders']['quote'];
type Placed = RouterOutputs['orders']['place'];
type PlaceInput = RouterInputs['orders']['place'];
type CartLine = PlaceInput['items'][number];

interface Procedures {
  'menu.get': { input: RouterInputs['menu']['get']; output: Menu; method: 'GET' };
  'orders.quote': { input: RouterInputs['orders']['quote']; output: Quote; method: 'GET' };
  'orders.place': { input: PlaceInput; output: Placed; method: 'POST' };
}

const METHOD: { [P in keyof Procedures]: Procedures[P]['method'] } = {
  'menu.get': 'GET',
  'orders.quote': 'GET',
  'orders.place': 'POST',
};

/** tRPC's HTTP answer without a transformer: the data, or the formatted error. */
type Envelope<Output> =
  | { result: { data: Output } }
  | { error: { message: string; data?: { code?: string; httpStatus?: number } } };

class CallError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

let baseUrl = '';

/**
 * One tRPC call as the app's httpLink makes it, with plain fetch: the driver
 * shares two cores with the server and Postgres, so it should spend as
 * little as it can on its own side.
 */
async function call<P extends keyof Procedures>(
  path: P,
  input: Procedures[P]['input'],
): Promise<Procedures[P]['output']> {
  const body = JSON.stringify(input);
  const response =
    METHOD[path] === 'GET'
      ? await fetch(`${baseUrl}/trpc/${path}?input=${encodeURIComponent(body)}`)
      : await fetch(`${baseUrl}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
  const text = await response.text();
  let envelope: Envelope<Procedures[P]['output']>;
  try {
    envelope = JSON.parse(text) as Envelope<Procedures[P]['output']>;
  } catch {
    throw new CallError(path, `HTTP ${response.status}, not JSON: ${text.slice(0, 120)}`);
  }
  if ('error' in envelope) {
    const code = envelope.error.data?.code ?? `HTTP ${response.status}`;
    throw new CallError(path, `${code} ${envelope.error.message}`);
  }
  if (!response.ok) throw new CallError(path, `HTTP ${response.status} with a result`);
  return envelope.result.data;
}

// ---------------------------------------------------------------- carts

const demo = DEMO_LOCATIONS.find((location) => location.slug === SLUG);
if (!demo) throw new Error(`The demo data has no ${SLUG}`);
const TABLES = demo.tables;
/**
 * Counted items (a few portions a night) would sell out within a second and
 * turn the run into a test of refusals; the e2e support's `demoOrder` avoids
 * them the same way.
 */
const COUNTED = new Set(
  demo.menu.flatMap((category) =>
    [category, ...(category.children ?? [])].flatMap((section) =>
      section.items.filter((item) => item.stock !== undefined).map((item) => item.name),
    ),
  ),
);
const NAMES = ['Aoife', 'Ciarán', 'Maeve', 'Tomás', 'Niamh', 'Oisín', 'Saoirse', 'Darragh'];
const NOTES = [undefined, 'no onions', undefined, 'extra crispy', undefined, 'sauce on the side'];

function orderableItems(menu: Menu): MenuItem[] {
  return menu.categories
    .flatMap((category) => [category.items, ...category.children.map((child) => child.items)])
    .flat()
    .filter((item) => item.available && !item.soldOut && !COUNTED.has(item.name));
}

/** A line with the options its required groups need, varied by `seed`. */
function lineFor(item: MenuItem, quantity: number, seed: number, notes?: string): CartLine {
  const optionIds = item.optionGroups.flatMap((group) => {
    const need = minimumChoices(group);
    const open = group.options.filter((option) => option.available);
    const start = need > 0 ? seed % Math.max(1, open.length - need + 1) : 0;
    return open.slice(start, start + need).map((option) => option.id);
  });
  return notes
    ? { itemId: item.id, quantity, optionIds, notes }
    : { itemId: item.id, quantity, optionIds };
}

/** The n-th guest's order: 1–4 lines, dine-in, pickup or delivery, and a fresh key. */
function guestOrder(menu: Menu, n: number): PlaceInput {
  const items = orderableItems(menu);
  if (items.length === 0) throw new Error('The demo menu has nothing orderable');
  const cart: CartLine[] = [];
  for (let line = 0; line < 1 + (n % 4); line += 1) {
    const item = items[(n * 7 + line * 11) % items.length];
    if (!item || cart.some((existing) => existing.itemId === item.id)) continue;
    cart.push(lineFor(item, (n + line) % 3 === 0 ? 2 : 1, n + line, NOTES[(n + line) % 6]));
  }
  const table = TABLES[n % TABLES.length];
  const kind = n % 3;
  return {
    locationSlug: SLUG,
    idempotencyKey: randomUUID(),
    guest: { name: NAMES[n % NAMES.length] ?? 'Guest' },
    fulfilment:
      kind === 0 && table
        ? { type: 'dine_in', tableSecret: table.secret }
        : kind === 1
          ? { type: 'pickup' }
          : { type: 'delivery', address: `${10 + (n % 90)} Quay Street, Galway` },
    items: cart,
  };
}

// ---------------------------------------------------------------- database

const benchUrl = (() => {
  const url = new URL(DATABASE_URL);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
})();

async function adminQuery(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function prepareDatabase(): Promise<DatabaseHandle> {
  await adminQuery(`drop database if exists ${BENCH_DB} with (force)`);
  await adminQuery(`create database ${BENCH_DB}`);
  const database = await openDatabase({ kind: 'postgres', url: benchUrl, maxConnections: 2 });
  await migrateToLatest(database.db);
  await seedDemo(database.db);
  return database;
}

// ---------------------------------------------------------------- the server

interface Instance {
  child: ChildProcess;
  port: number;
  cpuMicros(): Promise<number>;
}

/**
 * The fan-out benchmark's server process: a separate process, so that the
 * server's CPU time can be read apart from the driver's.
 */
async function startInstance(): Promise<Instance> {
  const child = fork(`${here}ticketrail-instance.ts`, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      DATABASE_URL: benchUrl,
      REDIS_URL,
      // A prefix of its own, so nothing else on this Redis hears the run's events.
      REDIS_PREFIX: `bench-checkout-${randomBytes(3).toString('hex')}:`,
      // Port 0: whatever is free on loopback; the instance reports it.
      PORT: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: BenchReply) =>
      message.type === 'ready' ? resolve(message.port) : reject(new Error(message.type)),
    );
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  return {
    child,
    port,
    cpuMicros: () =>
      new Promise((resolve) => {
        const onMessage = (message: BenchReply) => {
          if (message.type !== 'cpu') return;
          child.off('message', onMessage);
          resolve(message.user + message.system);
        };
        child.on('message', onMessage);
        child.send({ type: 'cpu' } satisfies BenchRequest);
      }),
  };
}

async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  if (instance.child.connected) instance.child.send({ type: 'stop' } satisfies BenchRequest);
  await Promise.race([exited, sleep(5000)]);
  instance.child.kill('SIGKILL');
}

// ---------------------------------------------------------------- measuring

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

function summarise(samples: readonly number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    count: sorted.length,
  };
}

/** What the guests were told: every order a placement acknowledged, by id. */
const acknowledged = new Map<string, { number: number; businessDate: string }>();
const errors = new Map<string, number>();
let errorCount = 0;

function recordError(message: string): void {
  errorCount += 1;
  const seen = errors.get(message) ?? 0;
  errors.set(message, seen + 1);
  // The first of each kind is shown as it happens; the rest are only counted.
  if (seen === 0) say(`ERROR ${message}`);
}

function acknowledge(placed: Placed): void {
  const { id, number, businessDate } = placed.order;
  const earlier = acknowledged.get(id);
  if (earlier && earlier.number !== number) {
    recordError(`order ${id} was acknowledged as #${earlier.number} and as #${number}`);
  }
  acknowledged.set(id, { number, businessDate });
}

interface TierResult {
  guests: number;
  checkouts: number;
  seconds: number;
  menu: Latencies;
  quote: Latencies;
  place: Latencies;
  serverCpuMsPerOrder: number;
  errors: number;
}

let guestNumber = 0;

/** One guest's checkout; its failures are counted, never thrown. */
async function checkout(samples: { menu: number[]; quote: number[]; place: number[] }) {
  const n = guestNumber++;
  try {
    let started = now();
    const menu = await call('menu.get', { locationSlug: SLUG });
    samples.menu.push(now() - started);

    const order = guestOrder(menu, n);
    started = now();
    const quote = await call('orders.quote', { locationSlug: SLUG, items: order.items });
    samples.quote.push(now() - started);

    started = now();
    const placed = await call('orders.place', order);
    samples.place.push(now() - started);

    acknowledge(placed);
    if (placed.replayed) recordError('a fresh key was answered as a replay');
    // Same menu, same cart: the price the guest was quoted is the price charged.
    if (placed.order.totalCents !== quote.totalCents) {
      recordError(`quoted ${quote.totalCents} but charged ${placed.order.totalCents}`);
    }
    return true;
  } catch (error) {
    recordError(error instanceof Error ? error.message : String(error));
    return false;
  }
}

async function runTier(
  server: Instance,
  guests: number,
  seconds: number,
  label: string,
): Promise<TierResult> {
  const samples = { menu: [] as number[], quote: [] as number[], place: [] as number[] };
  const errorsBefore = errorCount;
  let checkouts = 0;
  const cpuBefore = await server.cpuMicros();
  const started = now();
  const deadline = started + seconds * 1000;
  const progress = setInterval(() => {
    const elapsed = (now() - started) / 1000;
    say(
      `${label}: ${elapsed.toFixed(0)}s, ${checkouts} orders (${(checkouts / elapsed).toFixed(0)}/s), ` +
        `errors ${errorCount - errorsBefore}`,
    );
  }, 1000);
  try {
    await Promise.all(
      Array.from({ length: guests }, async () => {
        // A guest starts no new checkout after the deadline but finishes the one under way.
        while (now() < deadline && !interrupted) {
          if (await checkout(samples)) checkouts += 1;
        }
      }),
    );
  } finally {
    clearInterval(progress);
  }
  const elapsed = (now() - started) / 1000;
  const cpu = (await server.cpuMicros()) - cpuBefore;
  return {
    guests,
    checkouts,
    seconds: elapsed,
    menu: summarise(samples.menu),
    quote: summarise(samples.quote),
    place: summarise(samples.place),
    serverCpuMsPerOrder: cpu / 1000 / Math.max(1, checkouts),
    errors: errorCount - errorsBefore,
  };
}

interface StormResult {
  clients: number;
  rounds: number;
  /** Rounds in which every client got the same order and exactly one was not a replay. */
  agreed: number;
  first: Latencies;
  replays: Latencies;
  errors: number;
  keys: string[];
}

/**
 * The same request, same key, from many clients at once: the first to take
 * the day's counter row places the order, and the others wait on that row,
 * lose on the key and answer with the winner's order.
 */
async function retryStorm(clients: number, rounds: number): Promise<StormResult> {
  const errorsBefore = errorCount;
  const menu = await call('menu.get', { locationSlug: SLUG });
  const first: number[] = [];
  const replays: number[] = [];
  const keys: string[] = [];
  let agreed = 0;
  for (let round = 1; round <= rounds && !interrupted; round += 1) {
    const order = guestOrder(menu, guestNumber++);
    keys.push(order.idempotencyKey);
    const answers = await Promise.all(
      Array.from({ length: clients }, async () => {
        const started = now();
        try {
          const placed = await call('orders.place', order);
          return { placed, ms: now() - started };
        } catch (error) {
          recordError(`retry storm: ${error instanceof Error ? error.message : String(error)}`);
          return null;
        }
      }),
    );
    const answered = answers.filter((answer) => answer !== null);
    const ids = new Set(answered.map((answer) => answer.placed.order.id));
    const tokens = new Set(answered.map((answer) => answer.placed.trackingToken));
    const originals = answered.filter((answer) => !answer.placed.replayed);
    for (const answer of answered) (answer.placed.replayed ? replays : first).push(answer.ms);
    const [winner] = answered;
    if (winner) acknowledge(winner.placed);
    if (
      answered.length === clients &&
      ids.size === 1 &&
      originals.length === 1 &&
      tokens.size === 1
    )
      agreed += 1;
    else
      recordError(
        `retry storm round ${round}: ${answered.length}/${clients} answered, ${ids.size} order ids, ` +
          `${originals.length} not replayed, ${tokens.size} tracking tokens`,
      );
    say(
      `retry storm ${round}/${rounds}: ${clients} clients -> ${ids.size} order, ` +
        `${originals.length} placement + ${answered.length - originals.length} replays`,
    );
  }
  return {
    clients,
    rounds,
    agreed,
    first: summarise(first),
    replays: summarise(replays),
    errors: errorCount - errorsBefore,
    keys,
  };
}

// ---------------------------------------------------------------- checking the database

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

async function verify(database: DatabaseHandle, stormKeys: readonly string[]): Promise<Check[]> {
  const { db } = database;
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  const rows = await db
    .selectFrom('orders')
    .select(['id', 'location_id', 'business_date', 'number', 'idempotency_key'])
    .execute();
  check(
    'orders in the database = acknowledged placements',
    rows.length === acknowledged.size,
    `${rows.length} rows, ${acknowledged.size} acknowledged`,
  );
  const mismatched = rows.filter((row) => {
    const told = acknowledged.get(row.id);
    return !told || told.number !== row.number || told.businessDate !== row.business_date;
  });
  check(
    'every order is the one its guest was told (id, number, day)',
    mismatched.length === 0,
    mismatched.length === 0
      ? 'all match'
      : `${mismatched.length} differ, e.g. ${mismatched[0]?.id}`,
  );

  const days = new Map<string, number[]>();
  for (const row of rows) {
    const day = `${row.location_id}/${row.business_date}`;
    days.set(day, [...(days.get(day) ?? []), row.number]);
  }
  const counters = await db
    .selectFrom('order_counters')
    .select(['location_id', 'business_date', 'last_number'])
    .execute();
  for (const [day, numbers] of days) {
    const sorted = [...new Set(numbers)].sort((a, b) => a - b);
    const gapless = sorted.length === numbers.length && sorted.every((n, index) => n === index + 1);
    const counter = counters.find((row) => `${row.location_id}/${row.business_date}` === day);
    check(
      `order numbers of ${day} are unique and 1..N`,
      gapless && counter?.last_number === numbers.length,
      `${numbers.length} orders, numbers ${sorted[0]}..${sorted.at(-1)}, ` +
        `${sorted.length} distinct, counter at ${counter?.last_number ?? 'none'}`,
    );
  }

  // The event log is the outbox: an order exists if and only if its `placed` event does.
  const placedEvents = await db
    .selectFrom('events')
    .select([
      sql<number>`count(*)::int`.as('events'),
      sql<number>`count(distinct payload->'ticket'->>'id')::int`.as('orders'),
    ])
    .where('type', '=', 'order.changed')
    .where(sql<string>`payload->'change'->>'kind'`, '=', 'placed')
    .executeTakeFirstOrThrow();
  check(
    'one `placed` event per order',
    placedEvents.events === rows.length && placedEvents.orders === rows.length,
    `${placedEvents.events} events for ${placedEvents.orders} orders`,
  );

  const perKey = stormKeys.map((key) => rows.filter((row) => row.idempotency_key === key).length);
  check(
    'retry storm: exactly one order per key',
    perKey.every((count) => count === 1),
    `${perKey.filter((count) => count === 1).length} of ${stormKeys.length} keys have one order`,
  );
  return checks;
}

// ---------------------------------------------------------------- report

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');
const spread = (l: Latencies) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;

function tierTable(results: readonly TierResult[]): string {
  const rows = [
    '| guests | orders | orders/s | menu.get p50/p95/p99 ms | quote p50/p95/p99 ms | place p50/p95/p99 ms | server CPU ms/order | errors |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    rows.push(
      `| ${r.guests} | ${r.checkouts} | ${(r.checkouts / r.seconds).toFixed(0)} | ${spread(r.menu)} | ${spread(r.quote)} | ${spread(r.place)} | ${r.serverCpuMsPerOrder.toFixed(2)} | ${r.errors} |`,
    );
  }
  return rows.join('\n');
}

function stormTable(storm: StormResult): string {
  return [
    '| clients × rounds | rounds with one order, one id | placement p50/max ms | replays | replay p50/p95/p99/max ms | errors |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${storm.clients} × ${storm.rounds} | ${storm.agreed} | ${ms(storm.first.p50)} / ${ms(storm.first.max)} | ${storm.replays.count} | ${spread(storm.replays)} / ${ms(storm.replays.max)} | ${storm.errors} |`,
  ].join('\n');
}

// ---------------------------------------------------------------- the run

say(
  `checkout benchmark: tiers ${TIERS.join(', ')} guests, ${SECONDS}s each; ` +
    `retry storm ${STORM_CLIENTS} clients × ${STORM_ROUNDS}`,
);
say(`creating ${BENCH_DB}, migrating and seeding the demo restaurant`);
const database = await prepareDatabase();
const results: TierResult[] = [];
let storm: StormResult | null = null;
let checks: Check[] = [];
let server: Instance | undefined;
try {
  server = await startInstance();
  baseUrl = `http://127.0.0.1:${server.port}`;
  say(`server on ${baseUrl} (Postgres ${BENCH_DB}, Redis bus)`);
  if (WARMUP_SECONDS > 0) {
    const warm = await runTier(server, 4, WARMUP_SECONDS, 'warm-up');
    say(`warm-up: ${warm.checkouts} orders, not in the table`);
  }
  for (const guests of TIERS) {
    if (interrupted) break;
    const label = guests === 1 ? '1 guest' : `${guests} guests`;
    const result = await runTier(server, guests, SECONDS, label);
    results.push(result);
    say(
      `${label}: ${(result.checkouts / result.seconds).toFixed(0)} orders/s, ` +
        `quote p99 ${ms(result.quote.p99)} ms, place p99 ${ms(result.place.p99)} ms, errors ${result.errors}`,
    );
  }
  if (!interrupted) storm = await retryStorm(STORM_CLIENTS, STORM_ROUNDS);
  // Let the last commits' publishing finish before reading the database behind the server.
  await sleep(200);
  say('checking the database against what the guests were told');
  checks = await verify(database, storm?.keys ?? []);
} finally {
  if (server) await stopInstance(server);
  await database.close();
  await adminQuery(`drop database if exists ${BENCH_DB} with (force)`);
}

console.log(`\n${tierTable(results)}\n`);
if (storm) console.log(`Retry storm (same request, same key):\n\n${stormTable(storm)}\n`);
checks.unshift({
  name: 'no errors',
  ok: errorCount === 0,
  detail: errorCount === 0 ? 'none' : [...errors].map(([m, c]) => `${c}× ${m}`).join('; '),
});
if (interrupted) checks.push({ name: 'ran to the end', ok: false, detail: 'interrupted' });
for (const { name, ok, detail } of checks) console.log(`${ok ? '✓' : '✗'} ${name}: ${detail}`);
const failed = checks.filter((check) => !check.ok).length;
console.log(failed === 0 ? '\nAll checks passed.' : `\n${failed} check(s) FAILED.`);
// Explicit: an idle keep-alive socket must not hold the benchmark open.
process.exit(failed === 0 ? 0 : 1);
