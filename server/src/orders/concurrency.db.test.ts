/**
 * Races that a busy Friday night produces: retries of one checkout, guests
 * fighting over the last portions, two screens bumping the same ticket.
 * On Postgres these run on a pool of real connections, so they truly overlap.
 */
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { backend } from '../../test/support/database';
import { guest, pickupOrder, signedIn } from '../../test/support/fixture';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();

function settle<T>(promises: Promise<T>[]) {
  return Promise.allSettled(promises).then((results) => ({
    ok: results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
    errors: results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as unknown] : [],
    ),
  }));
}

describe(`concurrency (${backend})`, () => {
  it('50 concurrent placements with one idempotency key make exactly one order', async () => {
    const { db, fixture } = t;
    const input = pickupOrder(fixture, {
      items: [{ itemId: fixture.items.special, quantity: 1, optionIds: [] }],
    });
    const { ok, errors } = await settle(
      Array.from({ length: 50 }, () => guest(db).orders.place(input)),
    );

    expect(errors).toEqual([]);
    expect(new Set(ok.map((placed) => placed.order.id)).size).toBe(1);
    expect(new Set(ok.map((placed) => placed.trackingToken)).size).toBe(1);
    expect(ok.filter((placed) => !placed.replayed)).toHaveLength(1);

    const orders = await db.selectFrom('orders').select('number').execute();
    expect(orders).toEqual([{ number: 1 }]);
    const stock = await db
      .selectFrom('menu_items')
      .select('stock')
      .where('id', '=', fixture.items.special)
      .executeTakeFirstOrThrow();
    expect(stock.stock).toBe(4);
    const events = await db.selectFrom('events').select('type').execute();
    expect(events).toEqual([{ type: 'order.changed' }]);
  });

  it('concurrent orders never oversell counted stock', async () => {
    const { db, fixture } = t;
    // 5 portions, 12 guests wanting 1 each and 4 wanting 2: exactly 5 portions go.
    const wants = [...Array<number>(12).fill(1), ...Array<number>(4).fill(2)];
    const { ok, errors } = await settle(
      wants.map((quantity) =>
        guest(db).orders.place(
          pickupOrder(fixture, {
            items: [{ itemId: fixture.items.special, quantity, optionIds: [] }],
          }),
        ),
      ),
    );

    const sold = ok.reduce((sum, placed) => sum + (placed.order.items[0]?.quantity ?? 0), 0);
    expect(sold).toBeLessThanOrEqual(5);
    // Someone wanting 1 can always get in while any portion is left, so all 5 go.
    expect(sold).toBe(5);
    for (const error of errors) {
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('UNPROCESSABLE_CONTENT');
      expect((error as TRPCError).message).toMatch(/Special is sold out|Only \d Special left/);
    }
    const stock = await db
      .selectFrom('menu_items')
      .select('stock')
      .where('id', '=', fixture.items.special)
      .executeTakeFirstOrThrow();
    expect(stock.stock).toBe(0);

    const lines = await db.selectFrom('order_items').select('quantity').execute();
    expect(lines.reduce((sum, line) => sum + line.quantity, 0)).toBe(5);
    // Order numbers are unique and gapless: failed placements rolled back their number.
    const numbers = (
      await db.selectFrom('orders').select('number').orderBy('number').execute()
    ).map((row) => row.number);
    expect(numbers).toEqual(Array.from({ length: ok.length }, (_, index) => index + 1));
    // One sold-out notice, for the order that took the last portion.
    const soldOut = await db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'menu.availability')
      .execute();
    expect(soldOut.map((row) => row.payload)).toEqual([
      {
        type: 'menu.availability',
        itemId: fixture.items.special,
        name: 'Special',
        available: true,
        soldOut: true,
      },
    ]);
  });

  it('many different orders at once get unique, consecutive numbers', async () => {
    const { db, fixture } = t;
    const { ok, errors } = await settle(
      Array.from({ length: 30 }, () => guest(db).orders.place(pickupOrder(fixture))),
    );
    expect(errors).toEqual([]);
    expect(ok.map((placed) => placed.order.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, index) => index + 1),
    );
  });

  it('two bumps with the same version: one wins, the other gets CONFLICT', async () => {
    const { db, fixture } = t;
    const { order } = await guest(db).orders.place(pickupOrder(fixture));
    const screenA = await signedIn(db, fixture.staff.kitchen);
    const screenB = await signedIn(db, fixture.staff.manager);

    const { ok, errors } = await settle([
      screenA.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' }),
      screenB.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' }),
    ]);
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({ status: 'accepted', version: 2 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(TRPCError);
    expect((errors[0] as TRPCError).code).toBe('CONFLICT');
    expect((errors[0] as TRPCError).message).toContain('changed on another screen');

    const row = await db
      .selectFrom('orders')
      .select(['status', 'version'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'accepted', version: 2 });
    const events = await db.selectFrom('events').select('id').execute();
    expect(events).toHaveLength(2);
  });

  it('a stale version is refused even when the move itself would be legal', async () => {
    const { db, fixture } = t;
    const { order } = await guest(db).orders.place(pickupOrder(fixture));
    const kitchen = await signedIn(db, fixture.staff.kitchen);
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });
    await expect(
      kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'preparing' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
