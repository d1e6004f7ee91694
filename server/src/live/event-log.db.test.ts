/**
 * The event log is the outbox: a row for every change, written in the change's
 * transaction, and none for a change that rolled back.
 */
import { describe, expect, it } from 'vitest';
import { appendEvent, eventsAfter, onEventsCommitted, transact } from './event-log';
import { rooms } from '@ticketrail/shared';
import { backend } from '../../test/support/database';
import { guest, pickupOrder, signedIn, tableCounts, testDeps } from '../../test/support/fixture';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();

describe(`event log (${backend})`, () => {
  it('writes one event per change, with the rooms of who may watch it', async () => {
    const { db, fixture } = t;
    const { order } = await guest(db).orders.place(pickupOrder(fixture));
    const kitchen = await signedIn(db, fixture.staff.kitchen);
    const foh = await signedIn(db, fixture.staff.foh);
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });
    await kitchen.menu.setAvailability({ itemId: fixture.items.fries, available: false });
    // Setting the value it already has changes nothing, so it writes nothing.
    await kitchen.menu.setAvailability({ itemId: fixture.items.fries, available: false });
    await foh.kitchen.transition({
      orderId: order.id,
      expectedVersion: 2,
      to: 'cancelled',
      reason: 'Guest left',
    });

    const events = await db.selectFrom('events').selectAll().orderBy('id').execute();
    expect(events.map((event) => event.type)).toEqual([
      'order.changed',
      'order.changed',
      'menu.availability',
      'order.changed',
    ]);
    expect(events.map((event) => event.payload)).toMatchObject([
      { change: { kind: 'placed' }, ticket: { status: 'placed', version: 1 } },
      { change: { kind: 'status', from: 'placed', to: 'accepted' }, ticket: { version: 2 } },
      { itemId: fixture.items.fries, name: 'Fries', available: false, soldOut: false },
      {
        change: { kind: 'status', from: 'accepted', to: 'cancelled' },
        ticket: { status: 'cancelled', version: 3, cancelReason: 'Guest left' },
      },
    ]);
    expect(events[2]?.rooms).toEqual([rooms.menu(fixture.main.id), rooms.kitchen(fixture.main.id)]);
    // Ids only grow: a reader resuming after an id sees every later event.
    const ids = events.map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    const forGuest = await eventsAfter(db, rooms.order(order.id), 0);
    expect(forGuest.map((event) => event.event.type)).toEqual([
      'order.changed',
      'order.changed',
      'order.changed',
    ]);
    const missed = await eventsAfter(db, rooms.kitchen(fixture.main.id), ids[1] ?? 0);
    expect(missed.map((event) => event.id)).toEqual(ids.slice(2));
  });

  it('writes no event for a change that rolled back', async () => {
    const { db, fixture } = t;
    const before = await tableCounts(db);
    // Two Specials in stock; one goes, then a cart for two is refused: no order,
    // no order number taken, no stock taken and no event.
    await db
      .updateTable('menu_items')
      .set({ stock: 2 })
      .where('id', '=', fixture.items.special)
      .execute();
    const cart = pickupOrder(fixture, {
      items: [{ itemId: fixture.items.special, quantity: 2, optionIds: [] }],
    });
    const racer = pickupOrder(fixture, {
      items: [{ itemId: fixture.items.special, quantity: 1, optionIds: [] }],
    });
    await guest(db).orders.place(racer);
    const afterFirst = await tableCounts(db);
    await expect(guest(db).orders.place(cart)).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
    });
    expect(await tableCounts(db)).toEqual(afterFirst);
    expect(afterFirst.events).toBe(before.events + 1);

    const kitchen = await signedIn(db, fixture.staff.kitchen);
    const { order } = await guest(db).orders.place(pickupOrder(fixture));
    const beforeIllegal = await tableCounts(db);
    await expect(
      kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'ready' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await tableCounts(db)).toEqual(beforeIllegal);
  });

  it('a failure after the writes rolls the whole change back, event included', async () => {
    const { db, fixture } = t;
    const { order } = await guest(db).orders.place(pickupOrder(fixture));
    const before = await tableCounts(db);
    const committed: unknown[] = [];
    const stop = onEventsCommitted(db, (events) => committed.push(...events));
    await expect(
      transact(db, async (trx) => {
        await trx
          .updateTable('orders')
          .set({ status: 'accepted' })
          .where('id', '=', order.id)
          .execute();
        await appendEvent(trx, fixture.main.id, [rooms.order(order.id)], {
          type: 'menu.availability',
          itemId: 1,
          name: 'x',
          available: true,
          soldOut: false,
        });
        throw new Error('the power went out');
      }),
    ).rejects.toThrow('the power went out');
    stop();
    expect(committed).toEqual([]);
    expect(await tableCounts(db)).toEqual(before);
    const row = await db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('placed');
  });

  it('says so, loudly, when events commit with no live layer to publish them', async () => {
    const { db, fixture } = t;
    testDeps(db); // the in-process live layer listens on `db`
    // The same database through another Kysely object: nothing listens on it,
    // as in an entry point that forgot createRealtime.
    const unheard = db.withoutPlugins();
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const availability = {
        type: 'menu.availability' as const,
        itemId: fixture.items.fries,
        name: 'Fries',
        available: true,
        soldOut: false,
      };
      for (let round = 0; round < 2; round += 1) {
        await transact(unheard, (trx) =>
          appendEvent(trx, fixture.main.id, [rooms.menu(fixture.main.id)], availability),
        );
      }
      // A listener attached: heard, no warning.
      await transact(db, (trx) =>
        appendEvent(trx, fixture.main.id, [rooms.menu(fixture.main.id)], availability),
      );
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    const ours = warnings.filter(
      (warning) => (warning as Error & { code?: string }).code === 'TICKETRAIL_UNHEARD_EVENTS',
    );
    // Once per database, not once per change.
    expect(ours).toHaveLength(1);
    expect(ours[0]?.message).toContain('createRealtime');
  });
});
