/**
 * What the kitchen board adds to the order flow: bumps by column, recall
 * within a window, a station's bump, and the board's settings.
 */
import { describe, expect, it } from 'vitest';
import { bumpTarget, rooms, type OrderStatus } from '@ticketrail/shared';
import { createContext } from '../context';
import { createCaller } from '../router';
import { backend } from '../../test/support/database';
import { guest, PASSWORD, pickupOrder, signedIn, testDeps } from '../../test/support/fixture';
import { databaseState, refusal } from '../../test/support/refusals';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();

/** A staff caller whose clock the test sets, for the recall window. */
async function signedInAt(email: string, clock: { now: Date }) {
  const { token } = await guest(t.db).auth.login({ email, password: PASSWORD });
  return createCaller(
    createContext(
      testDeps(t.db, () => clock.now),
      { req: { headers: { authorization: `Bearer ${token}` } } },
    ),
  );
}

/** A burger (grill), fries (fry) and soup (hot) order, placed. */
async function placeMixedOrder() {
  const placed = await guest(t.db).orders.place(
    pickupOrder(t.fixture, {
      items: [
        { itemId: t.fixture.items.burger, quantity: 2, optionIds: [t.fixture.options.single] },
        { itemId: t.fixture.items.fries, quantity: 1, optionIds: [] },
        { itemId: t.fixture.items.soup, quantity: 1, optionIds: [] },
      ],
    }),
  );
  return placed.order;
}

describe(`the kitchen board's moves (${backend})`, () => {
  it('sends each bump into the next column: new → preparing → ready → off the board', async () => {
    const kitchen = await signedIn(t.db, t.fixture.staff.kitchen);
    const order = await placeMixedOrder();
    const seen: OrderStatus[] = [];
    let ticket = { id: order.id, status: order.status, version: order.version };
    for (let to = bumpTarget(ticket.status); to !== null; to = bumpTarget(ticket.status)) {
      ticket = await kitchen.kitchen.transition({
        orderId: ticket.id,
        expectedVersion: ticket.version,
        to,
      });
      seen.push(ticket.status);
    }
    // Accepted goes straight to ready: the crew bumps when the food is up.
    expect(seen).toEqual(['accepted', 'ready', 'completed']);
    const board = await kitchen.kitchen.board({ locationId: t.fixture.main.id });
    expect(board.tickets).toEqual([]);
  });

  it('an accepted ticket bumped to ready has every item done and all stage times', async () => {
    const kitchen = await signedIn(t.db, t.fixture.staff.kitchen);
    const order = await placeMixedOrder();
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });
    const ready = await kitchen.kitchen.transition({
      orderId: order.id,
      expectedVersion: 2,
      to: 'ready',
    });
    expect(ready.items.map((item) => item.status)).toEqual(['done', 'done', 'done']);
    expect(ready.times.preparingAt).not.toBeNull();
    expect(ready.times.readyAt).not.toBeNull();
  });
});

describe(`recall (${backend})`, () => {
  it('brings a bumped-off ticket back as ready, then ready back to preparing', async () => {
    const clock = { now: new Date() };
    const kitchen = await signedInAt(t.fixture.staff.kitchen, clock);
    const order = await placeMixedOrder();
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 2, to: 'ready' });
    const done = await kitchen.kitchen.transition({
      orderId: order.id,
      expectedVersion: 3,
      to: 'completed',
    });
    expect(done.times.completedAt).not.toBeNull();

    clock.now = new Date(clock.now.getTime() + 4 * 60_000);
    const back = await kitchen.kitchen.recall({ orderId: order.id, expectedVersion: 4 });
    expect(back).toMatchObject({ status: 'ready', version: 5 });
    expect(back.times.completedAt).toBeNull();
    const board = await kitchen.kitchen.board({ locationId: t.fixture.main.id });
    expect(board.tickets.map((ticket) => [ticket.id, ticket.status])).toEqual([
      [order.id, 'ready'],
    ]);

    const preparing = await kitchen.kitchen.recall({ orderId: order.id, expectedVersion: 5 });
    expect(preparing).toMatchObject({ status: 'preparing', version: 6 });
    expect(preparing.times.readyAt).toBeNull();
    // Nothing further back to recall to.
    const refused = await refusal(() =>
      kitchen.kitchen.recall({ orderId: order.id, expectedVersion: 6 }),
    );
    expect(refused).toMatchObject({
      code: 'BAD_REQUEST',
      message: `Order ${order.number} is preparing; there is no bump to recall.`,
    });
  });

  it('takes a mis-accepted ticket back to new; front of house may not', async () => {
    const clock = { now: new Date() };
    const kitchen = await signedInAt(t.fixture.staff.kitchen, clock);
    const foh = await signedInAt(t.fixture.staff.foh, clock);
    const order = await placeMixedOrder();
    const accepted = await kitchen.kitchen.transition({
      orderId: order.id,
      expectedVersion: 1,
      to: 'accepted',
    });
    expect(accepted.times.acceptedAt).not.toBeNull();

    const refused = await refusal(() =>
      foh.kitchen.recall({ orderId: order.id, expectedVersion: 2 }),
    );
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      message: 'A front-of-house account cannot take back an accepted order.',
    });
    const back = await kitchen.kitchen.recall({ orderId: order.id, expectedVersion: 2 });
    expect(back).toMatchObject({ status: 'placed', version: 3 });
    expect(back.times.acceptedAt).toBeNull();
    // And it can be accepted again, as if the slip had not happened.
    const again = await kitchen.kitchen.transition({
      orderId: order.id,
      expectedVersion: 3,
      to: 'accepted',
    });
    expect(again.status).toBe('accepted');
  });

  it('refuses once the window has passed, and changes nothing', async () => {
    const clock = { now: new Date() };
    const kitchen = await signedInAt(t.fixture.staff.kitchen, clock);
    const order = await placeMixedOrder();
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 2, to: 'ready' });
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 3, to: 'completed' });
    clock.now = new Date(clock.now.getTime() + 5 * 60_000 + 1000);
    const before = await databaseState(t.db);
    const refused = await refusal(() =>
      kitchen.kitchen.recall({ orderId: order.id, expectedVersion: 4 }),
    );
    expect(refused).toMatchObject({
      code: 'BAD_REQUEST',
      message: `Order ${order.number} was bumped more than 5 minutes ago; it can no longer be recalled.`,
    });
    expect(await databaseState(t.db)).toEqual(before);
  });

  it('is a conflict when another screen moved the order first', async () => {
    const kitchen = await signedIn(t.db, t.fixture.staff.kitchen);
    const order = await placeMixedOrder();
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 2, to: 'ready' });
    const refused = await refusal(() =>
      kitchen.kitchen.recall({ orderId: order.id, expectedVersion: 2 }),
    );
    expect(refused.code).toBe('CONFLICT');
  });

  it('is refused to staff of another location as if the order did not exist there', async () => {
    const kitchen = await signedIn(t.db, t.fixture.staff.kitchen);
    const other = await signedIn(t.db, t.fixture.staff.otherKitchen);
    const order = await placeMixedOrder();
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 2, to: 'ready' });
    const refused = await refusal(() =>
      other.kitchen.recall({ orderId: order.id, expectedVersion: 3 }),
    );
    expect([refused.code, refused.message]).toEqual(['NOT_FOUND', 'Order not found.']);
  });
});

describe(`a station's bump (${backend})`, () => {
  it("marks only that station's items done, and the last station makes the order ready", async () => {
    const kitchen = await signedIn(t.db, t.fixture.staff.kitchen);
    const order = await placeMixedOrder();
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });

    let ticket = await kitchen.kitchen.bumpStation({
      orderId: order.id,
      expectedVersion: 2,
      station: 'grill',
    });
    expect(ticket.items.map((item) => [item.station, item.status])).toEqual([
      ['grill', 'done'],
      ['fry', 'queued'],
      ['hot', 'queued'],
    ]);
    expect(ticket).toMatchObject({ status: 'preparing', version: 3 });

    ticket = await kitchen.kitchen.bumpStation({
      orderId: order.id,
      expectedVersion: 3,
      station: 'fry',
    });
    ticket = await kitchen.kitchen.bumpStation({
      orderId: order.id,
      expectedVersion: 4,
      station: 'hot',
    });
    expect(ticket).toMatchObject({ status: 'ready', version: 5 });
  });

  it('says so when the station has nothing left, or the order is not accepted yet', async () => {
    const kitchen = await signedIn(t.db, t.fixture.staff.kitchen);
    const order = await placeMixedOrder();
    const early = await refusal(() =>
      kitchen.kitchen.bumpStation({ orderId: order.id, expectedVersion: 1, station: 'grill' }),
    );
    expect(early).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Accept the order before working on its items.',
    });
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });
    const none = await refusal(() =>
      kitchen.kitchen.bumpStation({ orderId: order.id, expectedVersion: 2, station: 'bar' }),
    );
    expect(none).toMatchObject({
      code: 'BAD_REQUEST',
      message: `Order ${order.number} has nothing left for the bar station.`,
    });
    const badStation = await refusal(() =>
      kitchen.kitchen.bumpStation({
        orderId: order.id,
        expectedVersion: 2,
        // @ts-expect-error -- not a station: the schema must refuse it
        station: 'dishwasher',
      }),
    );
    expect(badStation.code).toBe('BAD_REQUEST');
    expect(badStation.message).toContain('A station is one of grill, fry, hot, cold, pastry, bar.');
  });

  it('is not for front of house', async () => {
    const kitchen = await signedIn(t.db, t.fixture.staff.kitchen);
    const foh = await signedIn(t.db, t.fixture.staff.foh);
    const order = await placeMixedOrder();
    await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: 1, to: 'accepted' });
    const refused = await refusal(() =>
      foh.kitchen.bumpStation({ orderId: order.id, expectedVersion: 2, station: 'grill' }),
    );
    expect(refused.code).toBe('FORBIDDEN');
  });
});

describe(`the board's settings (${backend})`, () => {
  it('start at 8 and 15 minutes with a 5-minute recall window and a minute on the ready board, and travel with the board', async () => {
    const kitchen = await signedIn(t.db, t.fixture.staff.kitchen);
    const board = await kitchen.kitchen.board({ locationId: t.fixture.main.id });
    expect(board.settings).toEqual({
      warnAfterMinutes: 8,
      lateAfterMinutes: 15,
      recallWindowMinutes: 5,
      readyBoardCollectedSeconds: 60,
    });
  });

  it('a manager changes them; the kitchen, ready board and menu rooms get an event', async () => {
    const manager = await signedIn(t.db, t.fixture.staff.manager);
    const kitchen = await signedIn(t.db, t.fixture.staff.kitchen);
    const settings = {
      warnAfterMinutes: 5,
      lateAfterMinutes: 12,
      recallWindowMinutes: 3,
      readyBoardCollectedSeconds: 0,
    };
    await manager.kitchen.updateSettings({ locationId: t.fixture.main.id, settings });
    const board = await kitchen.kitchen.board({ locationId: t.fixture.main.id });
    expect(board.settings).toEqual(settings);
    const event = await t.db
      .selectFrom('events')
      .select(['type', 'rooms', 'payload'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    // A location override like any other setting: every room that shows settings hears it.
    expect(event).toMatchObject({
      type: 'settings.changed',
      rooms: [
        rooms.menu(t.fixture.main.id),
        rooms.kitchen(t.fixture.main.id),
        rooms.board(t.fixture.main.id),
      ],
      payload: { type: 'settings.changed', settings },
    });
  });

  it('refuses the kitchen, a location the manager is not at, and thresholds in the wrong order', async () => {
    const kitchen = await signedIn(t.db, t.fixture.staff.kitchen);
    const manager = await signedIn(t.db, t.fixture.staff.manager);
    const settings = {
      warnAfterMinutes: 5,
      lateAfterMinutes: 12,
      recallWindowMinutes: 3,
      readyBoardCollectedSeconds: 30,
    };
    const before = await databaseState(t.db);
    expect(
      await refusal(() =>
        kitchen.kitchen.updateSettings({ locationId: t.fixture.main.id, settings }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'Only a manager can do this.' });
    expect(
      await refusal(() => manager.kitchen.updateSettings({ locationId: 999_999, settings })),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'You do not work at this location.' });
    const backwards = await refusal(() =>
      manager.kitchen.updateSettings({
        locationId: t.fixture.main.id,
        settings: { ...settings, warnAfterMinutes: 20 },
      }),
    );
    expect(backwards.code).toBe('BAD_REQUEST');
    expect(backwards.message).toContain('The amber threshold comes before the red one.');
    expect(await databaseState(t.db)).toEqual(before);
  });
});
