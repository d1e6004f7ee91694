import { describe, expect, it } from 'vitest';
import { createContext } from '../context';
import { createCaller } from '../router';
import { backend } from '../../test/support/database';
import { guest, pickupOrder, signedIn, testDeps } from '../../test/support/fixture';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();

describe(`guest order → kitchen → completed (${backend})`, () => {
  it('prices on the server, numbers the order and follows it to completion', async () => {
    const { db, fixture } = t;
    const placed = await guest(db).orders.place(
      pickupOrder(fixture, {
        items: [
          {
            itemId: fixture.items.burger,
            quantity: 2,
            optionIds: [fixture.options.double, fixture.options.bacon],
            notes: '  no pickles ',
          },
          { itemId: fixture.items.fries, quantity: 1, optionIds: [] },
        ],
      }),
    );
    expect(placed.replayed).toBe(false);
    expect(placed.trackingToken.length).toBeGreaterThanOrEqual(40);
    const order = placed.order;
    expect(order).toMatchObject({
      number: 1,
      displayNumber: '#001',
      status: 'placed',
      version: 1,
      type: 'pickup',
      currency: 'EUR',
      // (1200 + 350 + 200) × 2 + 450
      subtotalCents: 3950,
      totalCents: 3950,
    });
    expect(order.items.map((item) => [item.name, item.quantity, item.unitPriceCents])).toEqual([
      ['Burger', 2, 1750],
      ['Fries', 1, 450],
    ]);
    expect(order.items[0]?.notes).toBe('no pickles');
    expect(order.items[0]?.options.map((option) => option.name)).toEqual(['Double', 'Bacon']);
    expect(order).not.toHaveProperty('guestPhone');

    const kitchen = await signedIn(db, fixture.staff.kitchen);
    const foh = await signedIn(db, fixture.staff.foh);
    const board = await kitchen.kitchen.board({ locationId: fixture.main.id });
    expect(board.tickets.map((ticket) => ticket.id)).toEqual([order.id]);
    expect(board.tickets[0]?.items[0]?.station).toBe('grill');
    expect(board.lastEventId).toBeGreaterThan(0);

    let ticket = await kitchen.kitchen.transition({
      orderId: order.id,
      expectedVersion: 1,
      to: 'accepted',
    });
    expect(ticket).toMatchObject({ status: 'accepted', version: 2 });
    expect(ticket.times.acceptedAt).not.toBeNull();

    // Working an item rolls the order forward: one item cooking → preparing.
    const [burgerLine, friesLine] = ticket.items;
    if (!burgerLine || !friesLine) throw new Error('ticket lost its items');
    ticket = await kitchen.kitchen.setItemStatus({
      orderId: order.id,
      orderItemId: burgerLine.id,
      expectedVersion: 2,
      status: 'cooking',
    });
    expect(ticket).toMatchObject({ status: 'preparing', version: 3 });
    ticket = await kitchen.kitchen.setItemStatus({
      orderId: order.id,
      orderItemId: burgerLine.id,
      expectedVersion: 3,
      status: 'done',
    });
    expect(ticket.status).toBe('preparing');
    // The last item done makes the order ready by itself.
    ticket = await kitchen.kitchen.setItemStatus({
      orderId: order.id,
      orderItemId: friesLine.id,
      expectedVersion: 4,
      status: 'done',
    });
    expect(ticket).toMatchObject({ status: 'ready', version: 5 });
    expect(ticket.times.readyAt).not.toBeNull();

    const { order: tracked, lastEventId } = await guest(db).orders.track({
      orderId: order.id,
      token: placed.trackingToken,
    });
    expect(tracked.status).toBe('ready');
    expect(lastEventId).toBeGreaterThan(0);
    expect(tracked.items.every((item) => item.status === 'done')).toBe(true);

    // Front of house hands it over.
    ticket = await foh.kitchen.transition({
      orderId: order.id,
      expectedVersion: 5,
      to: 'completed',
    });
    expect(ticket).toMatchObject({ status: 'completed', version: 6 });
    expect((await kitchen.kitchen.board({ locationId: fixture.main.id })).tickets).toEqual([]);

    const events = await db.selectFrom('events').selectAll().orderBy('id').execute();
    expect(events.map((event) => event.type)).toEqual(Array(6).fill('order.changed'));
    expect(
      events.map((event) => (event.payload as { ticket: { version: number } }).ticket.version),
    ).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events[0]?.rooms).toEqual([
      `kitchen:${fixture.main.id}`,
      `order:${order.id}`,
      `board:${fixture.main.id}`,
    ]);
  });

  it('bumping a ticket to ready marks every item done', async () => {
    const { db, fixture } = t;
    const { order } = await guest(db).orders.place(pickupOrder(fixture));
    const kitchen = await signedIn(db, fixture.staff.kitchen);
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 2, to: 'preparing' });
    const ready = await kitchen.kitchen.transition({
      orderId: order.id,
      expectedVersion: 3,
      to: 'ready',
    });
    expect(ready.status).toBe('ready');
    expect(ready.items.map((item) => item.status)).toEqual(['done']);
  });

  it('dine-in orders carry their table; delivery orders their address', async () => {
    const { db, fixture } = t;
    const dineIn = await guest(db).orders.place(
      pickupOrder(fixture, { fulfilment: { type: 'dine_in', tableSecret: fixture.table.secret } }),
    );
    expect(dineIn.order.tableLabel).toBe('Table 1');
    const delivery = await guest(db).orders.place(
      pickupOrder(fixture, {
        fulfilment: { type: 'delivery', address: '12 Quay Street, Galway' },
        guest: { name: 'Niamh', phone: '+353 87 123 4567' },
      }),
    );
    const kitchen = await signedIn(db, fixture.staff.kitchen);
    const board = await kitchen.kitchen.board({ locationId: fixture.main.id });
    expect(board.tickets.map((ticket) => [ticket.displayNumber, ticket.type])).toEqual([
      ['#001', 'dine_in'],
      ['#002', 'delivery'],
    ]);
    expect(board.tickets[1]).toMatchObject({
      deliveryAddress: '12 Quay Street, Galway',
      guestPhone: '+353 87 123 4567',
    });
    // The guest's own view leaves the address out, in case the link is shared.
    expect(delivery.order).not.toHaveProperty('deliveryAddress');
  });

  it('numbers restart each day in the location’s time zone', async () => {
    const { db, fixture } = t;
    const callerAt = (iso: string) =>
      createCaller(createContext(testDeps(db, () => new Date(iso))));
    // 23:30 UTC on 30 June is 00:30 on 1 July in Dublin (summer time).
    const first = await callerAt('2026-06-30T22:30:00Z').orders.place(pickupOrder(fixture));
    const second = await callerAt('2026-06-30T22:45:00Z').orders.place(pickupOrder(fixture));
    const nextDay = await callerAt('2026-06-30T23:30:00Z').orders.place(pickupOrder(fixture));
    expect([first.order.number, second.order.number, nextDay.order.number]).toEqual([1, 2, 1]);
    expect([first.order.businessDate, nextDay.order.businessDate]).toEqual([
      '2026-06-30',
      '2026-07-01',
    ]);
  });
});
