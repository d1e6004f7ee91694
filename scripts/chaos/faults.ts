/**
 * The faults, one at a time under load, each followed by a probe: a change
 * made after the repair that every screen must receive. The time until the
 * last screen has it is the fault's heal time.
 */
import type pg from 'pg';
import type { Cluster } from './cluster';
import type { Load, Order } from './load';
import type { Screen } from './screens';
import type { PrivatePostgres, PrivateRedis } from './services';
import { becomes, seconds, sleep } from './wait';

export interface Settings {
  /** How long a screen may take to receive an order placed while Redis is down. */
  outageDeliveryMs: number;
  /** Redis stays down at least this long, whatever the screens do. */
  minOutageMs: number;
  /** How long a probe may take to reach every screen before the fault counts as not healed. */
  healDeadlineMs: number;
  /** Load between faults, for the service to settle. */
  recoveryMs: number;
}

export interface Rig {
  cluster: Cluster;
  postgres: PrivatePostgres;
  redis: PrivateRedis;
  db: pg.Pool;
  load: Load;
  screens: Screen[];
  /** The orders the guests' screens track; probes change each of them. */
  tracked: Order[];
  settings: Settings;
  say: (line: string) => void;
  /** Opens (and subscribes) a kitchen board and a ready board on every instance. */
  openScreens: (label: string) => Promise<Screen[]>;
  /** Opens (and subscribes) the order's tracking page on the instances (default: every one). */
  openGuestScreens: (order: Order, label: string, instances?: number[]) => Promise<Screen[]>;
}

export interface FaultResult {
  name: string;
  /** Date.now() when the fault hit, and when it was repaired (for an instance kill, the same). */
  faultAt: number;
  repairedAt: number;
  healFromRepairMs: number | null;
  healFromFaultMs: number | null;
  /** Redis outages: how long the order placed while Redis was down took to reach every screen. */
  outage?: { deliveredMs: number | null; missing: string[] };
  problems: string[];
}

/** The log's id of the event that took an order to `version`. */
export async function eventIdFor(db: pg.Pool, orderId: string, version: number): Promise<number> {
  let id: number | undefined;
  const found = await becomes(
    async () => {
      try {
        const { rows } = await db.query<{ id: string }>(
          `select id from events
          where type = 'order.changed' and payload->'ticket'->>'id' = $1
            and (payload->'ticket'->>'version')::int = $2`,
          [orderId, version],
        );
        id = rows[0] ? Number(rows[0].id) : undefined;
      } catch {
        // Postgres restarting: ask again.
      }
      return id !== undefined;
    },
    30_000,
    100,
  );
  if (!found || id === undefined) throw new Error(`no event for order ${orderId} v${version}`);
  return id;
}

export const isRoomWide = (screen: Screen) => screen.kind !== 'guest';

/** Waits until each screen has its event; answers when the last one arrived, or who lacks it. */
export async function delivered(
  wanted: Map<Screen, number>,
  timeoutMs: number,
): Promise<{ doneAt: number | null; missing: string[] }> {
  const entries = [...wanted];
  const all = await becomes(() => entries.every(([screen, id]) => screen.has(id)), timeoutMs);
  const missing = entries.filter(([screen, id]) => !screen.has(id)).map(([screen]) => screen.name);
  if (!all) return { doneAt: null, missing };
  const arrivals = entries.map(([screen, id]) => screen.arrivalOf(id) ?? Infinity);
  return { doneAt: Math.max(...arrivals), missing: [] };
}

let probes = 0;

/**
 * A new order (every kitchen board and ready board must get it) and one change
 * to each tracked order (its guest's screen must get that).
 */
export async function probe(rig: Rig): Promise<{ doneAt: number | null; missing: string[] }> {
  probes += 1;
  const order = await rig.load.place(probes % 2);
  const placedEvent = await eventIdFor(rig.db, order.id, order.version);
  const wanted = new Map<Screen, number>();
  for (const screen of rig.screens.filter(isRoomWide)) wanted.set(screen, placedEvent);
  await Promise.all(
    rig.tracked.map(async (tracked, index) => {
      const version = await rig.load.nudge(tracked, index % 2);
      const id = await eventIdFor(rig.db, tracked.id, version);
      for (const screen of rig.screens)
        if (screen.room === `order:${tracked.id}`) wanted.set(screen, id);
    }),
  );
  return delivered(wanted, rig.settings.healDeadlineMs);
}

export async function heal(rig: Rig, result: FaultResult): Promise<FaultResult> {
  const { doneAt, missing } = await probe(rig).catch((error: unknown) => {
    result.problems.push(`${result.name}: the probe failed: ${String(error)}`);
    return { doneAt: null, missing: null };
  });
  if (doneAt !== null) {
    result.healFromRepairMs = Math.max(0, doneAt - result.repairedAt);
    result.healFromFaultMs = doneAt - result.faultAt;
  } else if (missing) {
    result.problems.push(
      `${result.name}: not healed — after ${seconds(rig.settings.healDeadlineMs)} ` +
        `${missing.length} screen(s) had not received a change made after the repair: ` +
        `${missing.slice(0, 6).join(', ')}${missing.length > 6 ? ', …' : ''}`,
    );
  }
  // Back to normal service before the next fault: every instance up, load flowing.
  await rig.cluster.waitAllReady(60_000).catch((error: unknown) => {
    result.problems.push(`${result.name}: ${String(error)}`);
  });
  await sleep(rig.settings.recoveryMs);
  return result;
}

export const blank = (name: string, faultAt: number): FaultResult => ({
  name,
  faultAt,
  repairedAt: faultAt,
  healFromRepairMs: null,
  healFromFaultMs: null,
  problems: [],
});

/** Before any fault: how long a change takes to reach every screen when all is well. */
export async function baseline(rig: Rig): Promise<FaultResult> {
  return heal(rig, blank('no fault (baseline)', Date.now()));
}

/**
 * One instance SIGKILLed while orders stream into it: the kill lands once the
 * first has committed, so others are likely committed but unanswered. Their
 * guests retry with the same key (on the other instance) and must each get
 * their one order. The supervisor starts the instance again; its screens
 * reconnect and resume.
 */
export async function instanceKill(rig: Rig, index: number): Promise<FaultResult> {
  const port = rig.cluster.ports[index];
  const burst = Array.from({ length: 20 }, () =>
    rig.load.place(index, undefined, 'chaos-burst-').catch((error: unknown) => {
      rig.load.failures.push(`orders.place: ${String(error)}`);
    }),
  );
  const committed = async () => {
    const { rows } = await rig.db.query<{ n: string }>(
      `select count(*) as n from orders where idempotency_key like 'chaos-burst-%'`,
    );
    return Number(rows[0]?.n) > 0;
  };
  await becomes(committed, 5_000, 2);
  const result = blank(`instance :${port} SIGKILLed`, Date.now());
  const pid = rig.cluster.kill(index, 'SIGKILL');
  rig.say(`  killed instance :${port} (pid ${pid}) with orders in flight`);
  await heal(rig, result);
  await Promise.all(burst);
  return result;
}

/** `pg_ctl restart -m fast`: every connection of every instance is cut. */
export async function postgresRestart(rig: Rig): Promise<FaultResult> {
  const result = blank('Postgres restarted', Date.now());
  await rig.postgres.restart();
  result.repairedAt = Date.now();
  rig.say(`  Postgres back after ${seconds(result.repairedAt - result.faultAt)}`);
  return heal(rig, result);
}
