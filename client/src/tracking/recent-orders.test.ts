import { describe, expect, it } from 'vitest';
import {
  MAX_RECENT_ORDERS,
  RECENT_ORDERS_KEY,
  recentOrders,
  rememberOrder,
  type RecentOrder,
  type RecentOrdersStorage,
} from './recent-orders';

/** A Map behind the Storage calls; `refuseWrites` acts like a full quota. */
function memoryStorage(initial?: string, refuseWrites = false) {
  const values = new Map<string, string>();
  if (initial !== undefined) values.set(RECENT_ORDERS_KEY, initial);
  const storage: RecentOrdersStorage = {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      if (refuseWrites) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      values.set(key, value);
    },
  };
  return { storage, values };
}

const NOW = new Date('2026-11-24T20:00:00.000Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const order = (n: number, placedHoursAgo = n, extra: Partial<RecentOrder> = {}): RecentOrder => ({
  orderId: id(n),
  token: `token-for-order-${n}-xxxxxxxx`,
  displayNumber: `#${String(n).padStart(3, '0')}`,
  placedAt: hoursAgo(placedHoursAgo),
  ...extra,
});

describe('recent orders', () => {
  it('remembers an order and lists it', () => {
    const { storage } = memoryStorage();
    expect(rememberOrder(order(1, 1, { locationName: 'Harbour Kitchen' }), NOW, storage)).toBe(
      true,
    );
    expect(recentOrders(NOW, storage)).toEqual([order(1, 1, { locationName: 'Harbour Kitchen' })]);
  });

  it('lists the newest first, by when they were placed', () => {
    const { storage } = memoryStorage();
    rememberOrder(order(1, 1), NOW, storage);
    rememberOrder(order(2, 5), NOW, storage);
    rememberOrder(order(3, 3), NOW, storage);
    expect(recentOrders(NOW, storage).map((recent) => recent.orderId)).toEqual([
      id(1),
      id(3),
      id(2),
    ]);
  });

  it('keeps one entry per order, and a location name it learned before', () => {
    const { storage } = memoryStorage();
    rememberOrder(order(1, 1, { locationName: 'Harbour Kitchen' }), NOW, storage);
    rememberOrder(order(1, 1), NOW, storage);
    expect(recentOrders(NOW, storage)).toEqual([order(1, 1, { locationName: 'Harbour Kitchen' })]);
  });

  it(`keeps at most ${MAX_RECENT_ORDERS}, dropping the oldest`, () => {
    const { storage } = memoryStorage();
    for (let n = 1; n <= MAX_RECENT_ORDERS + 3; n += 1) rememberOrder(order(n), NOW, storage);
    const kept = recentOrders(NOW, storage);
    expect(kept).toHaveLength(MAX_RECENT_ORDERS);
    expect(kept.at(-1)!.orderId).toBe(id(MAX_RECENT_ORDERS));
  });

  it('drops orders placed more than two days ago', () => {
    const { storage } = memoryStorage();
    rememberOrder(order(1, 47), NOW, storage);
    expect(rememberOrder(order(2, 49), NOW, storage)).toBe(false);
    expect(recentOrders(NOW, storage).map((recent) => recent.orderId)).toEqual([id(1)]);
    // A day later the first one has aged out as well.
    expect(recentOrders(new Date(NOW.getTime() + 24 * 3_600_000), storage)).toEqual([]);
  });

  it('reads garbage as nothing, and skips only the entries that do not fit', () => {
    for (const garbage of ['not json', '{"a":1}', 'null', '42', '"text"']) {
      expect(recentOrders(NOW, memoryStorage(garbage).storage)).toEqual([]);
    }
    const mixed = JSON.stringify([
      null,
      'x',
      { ...order(1), orderId: '../../etc' },
      { ...order(2), placedAt: 'yesterday' },
      { ...order(3), token: 7 },
      { ...order(4), locationName: 12 },
      order(5),
    ]);
    expect(recentOrders(NOW, memoryStorage(mixed).storage)).toEqual([order(5)]);
  });

  it('writes over garbage rather than failing', () => {
    const { storage, values } = memoryStorage('{broken');
    expect(rememberOrder(order(1), NOW, storage)).toBe(true);
    expect(JSON.parse(values.get(RECENT_ORDERS_KEY)!)).toEqual([order(1)]);
  });

  it('does not remember an entry that does not fit', () => {
    const { storage } = memoryStorage();
    expect(rememberOrder({ ...order(1), token: '' }, NOW, storage)).toBe(false);
    expect(recentOrders(NOW, storage)).toEqual([]);
  });

  it('survives a storage that refuses writes, or no storage at all', () => {
    const { storage } = memoryStorage(undefined, true);
    expect(rememberOrder(order(1), NOW, storage)).toBe(false);
    expect(recentOrders(NOW, storage)).toEqual([]);
    expect(rememberOrder(order(1), NOW, null)).toBe(false);
    expect(recentOrders(NOW, null)).toEqual([]);
  });
});
