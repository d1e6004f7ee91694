/**
 * The chaos scenario: a private Postgres and Redis, two Ticketrail instances
 * under `scripts/cluster.mjs`, screens on both, orders flowing — then Redis
 * killed twice, an instance killed, Postgres restarted, each under load and
 * each followed by a probe, and at the end an audit against the event log.
 *
 * Used by chaos.test.ts (sized for CI) and by `pnpm chaos` (bigger, by env).
 */
import { mkdir, copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { httpApi } from './api';
import { auditFeed, auditOrders, auditState, ordersAt, roomLog } from './audit';
import { findPostgresBin, findRedisServer } from './binaries.mjs';
import { Cluster, ROOT } from './cluster';
import { baseline, instanceKill, postgresRestart, type Rig, type Settings } from './faults';
import { Load, type CartLine, type Order } from './load';
import { redisOutage } from './redis-outage';
import { buildReport, type ChaosReport } from './report';
import { guestScreen, kitchenScreen, readyBoardScreen, type Screen } from './screens';
import {
  freePortRange,
  makeWorkDir,
  removeWorkDir,
  startPostgres,
  startRedis,
  type PrivatePostgres,
  type PrivateRedis,
} from './services';
import { waitFor } from './wait';

export interface ChaosOptions extends Settings {
  /** Background orders per second, across both instances. */
  ordersPerSecond: number;
  /** At least this many orders in all before the audit. */
  minOrders: number;
  /** Guests tracking their order live (split across the instances). */
  guests: number;
  kitchenScreensPerInstance: number;
  redisOutages: number;
  /** Where the logs of the run go (the cluster's, Postgres's, Redis's). */
  artifactsDir: string;
  say: (line: string) => void;
}

export function chaosOptions(env: NodeJS.ProcessEnv = process.env): ChaosOptions {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`);
    return value;
  };
  return {
    ordersPerSecond: number('CHAOS_RATE', 5),
    minOrders: number('CHAOS_ORDERS', 200),
    guests: number('CHAOS_GUESTS', 24),
    kitchenScreensPerInstance: number('CHAOS_KITCHEN_SCREENS', 1),
    redisOutages: number('CHAOS_REDIS_OUTAGES', 2),
    outageDeliveryMs: number('CHAOS_OUTAGE_DELIVERY_MS', 10_000),
    minOutageMs: number('CHAOS_MIN_OUTAGE_MS', 2_000),
    healDeadlineMs: number('CHAOS_HEAL_DEADLINE_MS', 30_000),
    recoveryMs: number('CHAOS_RECOVERY_MS', 1_500),
    artifactsDir: join(ROOT, 'test-artifacts', 'chaos'),
    say: (line) => console.log(line),
  };
}

const SLUG = 'harbour-kitchen';
const KITCHEN = { email: 'kitchen@harbour.example', password: 'demo-kitchen' };
const INSTANCES = 2;

/** Runs the whole scenario and tears everything down, whatever happens. */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const postgresBin = findPostgresBin();
  const redisServer = findRedisServer();
  if (!postgresBin || !redisServer) {
    throw new Error('The chaos suite needs initdb/pg_ctl and redis-server (see binaries.mjs).');
  }
  const { say } = options;
  const started = Date.now();
  const teardown: (() => Promise<unknown>)[] = [];
  let workDir: string | null = null;
  let postgres: PrivatePostgres | null = null;
  let cluster: Cluster | null = null;
  const screens: Screen[] = [];
  try {
    workDir = await makeWorkDir();
    const dir = workDir;
    teardown.push(() => removeWorkDir(dir));
    say(`chaos: private Postgres and Redis in ${workDir}`);
    postgres = await startPostgres(postgresBin, workDir);
    teardown.push(postgres.stop);
    const redis: PrivateRedis = await startRedis(redisServer, workDir);
    teardown.push(redis.stop);
    const db = new pg.Pool({ connectionString: postgres.url, max: 4 });
    // The audit's own pool lives through the Postgres restart too.
    db.on('error', () => {});
    teardown.push(() => db.end());

    const basePort = await freePortRange(INSTANCES);
    say(`chaos: ${INSTANCES} instances from :${basePort} under scripts/cluster.mjs`);
    const running = Cluster.start({
      count: INSTANCES,
      basePort,
      env: {
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        REDIS_PREFIX: 'chaos:',
        HOST: '127.0.0.1',
        // No periodic sweep: a room that went deaf stays deaf, and the audit sees it.
        SWEEP_MS: '0',
        SEED_DEMO: 'true',
        CLIENT_DIST: join(workDir, 'no-client'),
        // Every guest here shares loopback; the budgets stay on (counted in Redis) but wide.
        LIMIT_ORDERS_PER_MINUTE: '1000000',
        LIMIT_QUOTES_PER_MINUTE: '1000000',
        LIMIT_SOCKETS_PER_ADDRESS: '0',
      },
    });
    cluster = running;
    teardown.push(() => running.stop());
    await running.waitAllReady(120_000);
    const urls = running.ports.map((port) => `http://127.0.0.1:${port}`);
    const wsUrls = running.ports.map((port) => `ws://127.0.0.1:${port}/trpc`);

    const guests = urls.map((url) => httpApi(url));
    const { token } = await guests[0]!.auth.login.mutate(KITCHEN);
    const kitchens = urls.map((url) => httpApi(url, token));
    const menu = await guests[0]!.menu.get.query({ locationSlug: SLUG });
    const locationId = menu.location.id;
    const items = await plainItems(db, locationId);
    const load = new Load({
      guests,
      kitchens,
      locationSlug: SLUG,
      cart: [{ itemId: items[0]!, quantity: 1, optionIds: [] }],
    });
    // Two lines: the first toggles between queued and cooking, so the order never finishes.
    const trackedCart: CartLine[] = items
      .slice(0, 2)
      .map((itemId) => ({ itemId, quantity: 1, optionIds: [] }));
    const tracked = await Promise.all(
      Array.from({ length: options.guests }, (_, index) =>
        load.place(index % INSTANCES, trackedCart),
      ),
    );

    /** A kitchen board and a ready board on each instance, as a screen opening or reconnecting now. */
    const openRoomScreens = async (label: string, kitchensEach: number): Promise<Screen[]> => {
      const opened: Screen[] = [];
      for (let instance = 0; instance < INSTANCES; instance += 1) {
        const at = `@:${running.ports[instance]}`;
        const common = { instance, api: guests[instance]!, wsUrl: wsUrls[instance]!, locationId };
        for (let n = 1; n <= kitchensEach; n += 1) {
          const name = `kitchen${kitchensEach > 1 ? n : ''}${at}${label}`;
          opened.push(await kitchenScreen({ ...common, name, api: kitchens[instance]!, token }));
        }
        const name = `board${at}${label}`;
        opened.push(await readyBoardScreen({ ...common, name, locationSlug: SLUG }));
      }
      return opened;
    };
    screens.push(...(await openRoomScreens('', options.kitchenScreensPerInstance)));
    const openGuestScreen = (order: Order, instance: number, label = '') =>
      guestScreen({
        name: `guest#${order.number}@:${running.ports[instance]}${label}`,
        instance,
        api: guests[instance]!,
        wsUrl: wsUrls[instance]!,
        orderId: order.id,
        token: order.token,
      });
    for (const [index, order] of tracked.entries()) {
      screens.push(await openGuestScreen(order, index % INSTANCES));
    }
    for (const screen of screens) screen.subscribe();
    await waitFor('every screen to subscribe', () => screens.every((s) => s.started), 30_000);
    say(`chaos: ${screens.length} screens live; orders flowing at ${options.ordersPerSecond}/s`);

    const rig: Rig = {
      cluster: running,
      postgres,
      redis,
      db,
      load,
      screens,
      tracked,
      settings: options,
      say,
      openScreens: async (label) => {
        const opened = await openRoomScreens(label, 1);
        screens.push(...opened);
        for (const screen of opened) screen.subscribe();
        return opened;
      },
      openGuestScreens: async (order, label, instances = [0, 1]) => {
        const opened: Screen[] = [];
        for (const instance of instances) {
          opened.push(await openGuestScreen(order, instance, label));
        }
        screens.push(...opened);
        for (const screen of opened) screen.subscribe();
        return opened;
      },
    };
    load.start(options.ordersPerSecond);
    const faults = [await baseline(rig)];
    for (let round = 1; round <= options.redisOutages; round += 1) {
      faults.push(await redisOutage(rig, round));
    }
    faults.push(await instanceKill(rig, 1));
    faults.push(await postgresRestart(rig));
    await waitFor(
      `${options.minOrders} orders`,
      () => load.placedCount >= options.minOrders,
      Math.max(30_000, (options.minOrders / Math.max(options.ordersPerSecond, 0.1)) * 2_000),
      200,
    );
    await load.stop();
    say(`chaos: load stopped after ${load.placedCount} orders; waiting for every screen to settle`);

    // Nothing changes any more: each screen must come to its room's last event.
    const logs = new Map<Screen, Awaited<ReturnType<typeof roomLog>>>();
    for (const screen of screens) logs.set(screen, await roomLog(db, screen));
    const settled = await waitFor(
      'every screen to reach its room’s last event',
      () =>
        screens.every((screen) => {
          const last = logs.get(screen)?.at(-1);
          return !last || screen.has(last.id);
        }),
      options.healDeadlineMs,
    ).then(
      () => true,
      () => false,
    );
    const orders = await ordersAt(db, locationId);
    const feeds = screens.map((screen) => {
      const audit = auditFeed(screen, logs.get(screen) ?? []);
      audit.wrongState = auditState(screen, orders);
      return audit;
    });
    const acknowledged = await auditOrders(db, load.acknowledged);
    // Ctrl+C's path, checked too: every instance stops when asked, and nothing else.
    await Promise.all(screens.map((screen) => screen.close()));
    const stoppedCleanly = await running.stop();
    return buildReport({
      faults,
      feeds,
      settled,
      stoppedCleanly,
      orders: acknowledged,
      load,
      cluster: running,
      killedPort: running.ports[1]!,
      durationMs: Date.now() - started,
    });
  } finally {
    await Promise.all(screens.map((screen) => screen.close().catch(() => {})));
    if (cluster) await cluster.stop().catch(() => {});
    await saveArtifacts(options.artifactsDir, cluster, postgres, workDir);
    for (const step of teardown.reverse()) await step().catch(() => {});
  }
}

/** Items anyone can order with no options and no counted stock (none runs out mid-test). */
async function plainItems(db: pg.Pool, locationId: number): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    `select i.id from menu_items i
      where i.location_id = $1 and i.available and i.stock is null
        and not exists (select 1 from option_groups g
                         where g.item_id = i.id and (g.required or g.min_select > 0))
      order by i.id limit 2`,
    [locationId],
  );
  if (rows.length < 2) throw new Error('The demo menu has fewer than two plain items');
  return rows.map((row) => row.id);
}

async function saveArtifacts(
  dir: string,
  cluster: Cluster | null,
  postgres: PrivatePostgres | null,
  workDir: string | null,
): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    if (cluster) await writeFile(join(dir, 'cluster.log'), cluster.lines.join('\n') + '\n');
    if (postgres) await copyFile(postgres.logFile, join(dir, 'postgres.log')).catch(() => {});
    if (workDir) {
      for (let n = 1; n <= 5; n += 1) {
        await copyFile(join(workDir, `redis-${n}.log`), join(dir, `redis-${n}.log`)).catch(
          () => {},
        );
      }
    }
  } catch {
    // Logs are a convenience; the report stands without them.
  }
}
