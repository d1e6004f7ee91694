/**
 * The audit, against the record: the event log in Postgres. Each screen must
 * hold exactly its room's events after its start point, once each, in order,
 * with the payloads its audience may see; what it shows must be what the
 * database holds; and every acknowledged order must exist exactly once.
 */
import { isDeepStrictEqual } from 'node:util';
import type pg from 'pg';
import type { DomainEvent } from '../../server/src/live/event-log';
// The same cut the server makes for each room (its audience's view).
import { feedEvent } from '../../server/src/live/feeds';
import type { Order } from './load';
import type { Screen } from './screens';

export interface LogEvent {
  id: number;
  /** The room's cut of the event: what its subscribers must receive. */
  data: unknown;
}

/** A room's events after `afterId`, as its feed must deliver them. */
export async function roomLog(
  db: pg.Pool,
  screen: Pick<Screen, 'room' | 'startId'>,
): Promise<LogEvent[]> {
  const { rows } = await db.query<{ id: string; payload: DomainEvent }>(
    `select e.id, e.payload
       from event_rooms r join events e on e.id = r.event_id
      where r.room = $1 and r.event_id > $2
      order by r.event_id`,
    [screen.room, screen.startId],
  );
  return rows.flatMap((row) => {
    const data = feedEvent(screen.room, row.payload);
    return data === null ? [] : [{ id: Number(row.id), data }];
  });
}

export interface ScreenAudit {
  screen: string;
  expected: number;
  received: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  /** Received but not the room's after the start point. */
  foreign: number;
  wrongPayload: number;
  /** Orders it shows differently from the database (a few, in words). */
  wrongState: string[];
  errors: number;
  resubscribes: number;
  /** Examples, for the failure message. */
  examples: string[];
}

export function auditFeed(
  screen: Pick<Screen, 'name' | 'received' | 'errors' | 'resubscribes'>,
  log: LogEvent[],
): ScreenAudit {
  const expected = new Map(log.map((event) => [event.id, event.data]));
  const ids = screen.received.map((item) => item.id);
  const seen = new Set<number>();
  let duplicated = 0;
  let outOfOrder = 0;
  let foreign = 0;
  let wrongPayload = 0;
  const examples: string[] = [];
  screen.received.forEach((item, index) => {
    if (seen.has(item.id)) duplicated += 1;
    else if (!expected.has(item.id)) foreign += 1;
    else if (!isDeepStrictEqual(item.data, expected.get(item.id))) {
      wrongPayload += 1;
      if (examples.length < 3) examples.push(`event ${item.id}'s payload differs from the log's`);
    }
    const previous = ids[index - 1];
    if (previous !== undefined && item.id < previous) outOfOrder += 1;
    seen.add(item.id);
  });
  const lost = log.filter((event) => !seen.has(event.id)).map((event) => event.id);
  if (lost.length > 0) examples.unshift(`lost ${lost.slice(0, 5).join(', ')}…`);
  return {
    screen: screen.name,
    expected: log.length,
    received: ids.length,
    lost: lost.length,
    duplicated,
    outOfOrder,
    foreign,
    wrongPayload,
    wrongState: [],
    errors: screen.errors.length,
    resubscribes: screen.resubscribes,
    examples,
  };
}

export interface OrderRow {
  id: string;
  business_date: string;
  number: number;
  status: string;
  version: number;
}

export async function ordersAt(db: pg.Pool, locationId: number): Promise<OrderRow[]> {
  const { rows } = await db.query<OrderRow>(
    `select id::text, business_date::text, number, status, version
       from orders where location_id = $1`,
    [locationId],
  );
  return rows;
}

const COOKING = new Set(['accepted', 'preparing', 'ready']);
const OPEN = new Set(['placed', ...COOKING]);

/** Where what the screen shows differs from the database (empty: it matches). */
export function auditState(screen: Pick<Screen, 'kind' | 'shown'>, orders: OrderRow[]): string[] {
  const keyOf = (row: OrderRow) =>
    screen.kind === 'board' ? `${row.business_date}/${row.number}` : row.id;
  const byKey = new Map(orders.map((row) => [keyOf(row), row]));
  const wrong: string[] = [];
  for (const [key, shown] of screen.shown) {
    const row = byKey.get(key);
    if (!row) wrong.push(`shows ${key}, which the database does not have`);
    else if (row.status !== shown.status || row.version !== shown.version) {
      wrong.push(
        `shows #${row.number} ${shown.status} v${shown.version}; database: ${row.status} v${row.version}`,
      );
    }
  }
  // What must be on the screen: open tickets (kitchen), numbers being cooked (board).
  const mustShow = screen.kind === 'kitchen' ? OPEN : screen.kind === 'board' ? COOKING : null;
  if (mustShow) {
    for (const row of orders) {
      if (mustShow.has(row.status) && !screen.shown.has(keyOf(row))) {
        wrong.push(`does not show #${row.number} (${row.status} v${row.version})`);
      }
    }
  }
  return wrong;
}

export interface OrdersAudit {
  acknowledged: number;
  /** Acknowledged, but no order with that key. */
  missing: string[];
  /** More than one order for one key. */
  duplicated: string[];
  /** The key's order is not the one the guest was told about. */
  mismatched: string[];
  /** Orders with our keys that nobody acknowledged (a placement that never got an answer). */
  unacknowledged: number;
}

export async function auditOrders(db: pg.Pool, acknowledged: Order[]): Promise<OrdersAudit> {
  const { rows } = await db.query<{ key: string; ids: string[] }>(
    `select idempotency_key as key, array_agg(id::text) as ids
       from orders where idempotency_key like 'chaos-%' group by idempotency_key`,
  );
  const byKey = new Map(rows.map((row) => [row.key, row.ids]));
  const audit: OrdersAudit = {
    acknowledged: acknowledged.length,
    missing: [],
    duplicated: [],
    mismatched: [],
    unacknowledged: 0,
  };
  const ours = new Set<string>();
  for (const order of acknowledged) {
    ours.add(order.key);
    const ids = byKey.get(order.key) ?? [];
    if (ids.length === 0) audit.missing.push(`#${order.number} (${order.key})`);
    else if (ids.length > 1) audit.duplicated.push(`${order.key}: ${ids.length} orders`);
    else if (ids[0] !== order.id) audit.mismatched.push(`${order.key}: ${ids[0]} ≠ ${order.id}`);
  }
  audit.unacknowledged = rows.filter((row) => !ours.has(row.key)).length;
  return audit;
}
