/**
 * The ready board's snapshot: numbers from received (placed) to ready, a collected
 * number kept (with when it was collected) for the location's collected time
 * and no longer, the setting itself and how it is refused, and nothing a
 * guest in the dining room should not see.
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../context';
import { createCaller } from '../router';
import { backend } from '../../test/support/database';
import { guest, PASSWORD, pickupOrder, signedIn, testDeps } from '../../test/support/fixture';
import { refusal } from '../../test/support/refusals';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();

/** A fixed moment (midday in Dublin), so no test straddles a business day's end. */
const NOON = '2026-11-24T12:00:00.000Z';

/** Callers whose clock the test moves: a guest's screen, and a manager (who may also cancel). */
async function at(clock: { now: Date }) {
  const deps = testDeps(t.db, () => clock.now);
  const { token } = await guest(t.db).auth.login({
    email: t.fixture.staff.manager,
    password: PASSWORD,
  });
  return {
    screen: createCaller(createContext(deps)),
    kitchen: createCaller(
      createContext(deps, { req: { headers: { authorization: `Bearer ${token}` } } }),
    ),
  };
}

/** Places a pickup order and moves it on to `stage` through the kitchen's own moves. */
async function orderAt(
  kitchen: Awaited<ReturnType<typeof at>>['kitchen'],
  stage: 'placed' | 'accepted' | 'ready' | 'completed' | 'rejected' | 'cancelled',
) {
  // Placed on the test's clock too: orders are numbered per business day.
  const { order } = await kitchen.orders.place(pickupOrder(t.fixture));
  const path = {
    placed: [],
    accepted: ['accepted'],
    ready: ['accepted', 'ready'],
    completed: ['accepted', 'ready', 'completed'],
    rejected: ['rejected'],
    cancelled: ['accepted', 'ready', 'cancelled'],
  } as const;
  let version = order.version;
  for (const to of path[stage]) {
    version = (
      await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: version, to })
    ).version;
  }
  return order.number;
}

const shown = (board: { entries: { number: number; status: string }[] }) =>
  board.entries.map((entry) => `${entry.number}:${entry.status}`);

async function setCollectedSeconds(seconds: number) {
  const manager = await signedIn(t.db, t.fixture.staff.manager);
  const { settings } = await manager.kitchen.board({ locationId: t.fixture.main.id });
  return manager.kitchen.updateSettings({
    locationId: t.fixture.main.id,
    settings: { ...settings, readyBoardCollectedSeconds: seconds },
  });
}

describe(`the ready board (${backend})`, () => {
  it('shows received (placed) to ready by number, and says whose board it is and what time the server has', async () => {
    const clock = { now: new Date(NOON) };
    const { screen, kitchen } = await at(clock);
    await orderAt(kitchen, 'ready'); // 1
    await orderAt(kitchen, 'placed'); // 2: received: its guest looks for it straight away
    await orderAt(kitchen, 'accepted'); // 3
    await orderAt(kitchen, 'rejected'); // 4
    await orderAt(kitchen, 'cancelled'); // 5

    const board = await screen.board.get({ locationSlug: t.fixture.main.slug });
    expect(shown(board)).toEqual(['1:ready', '2:placed', '3:accepted']);
    expect(board.location).toEqual({
      slug: 'testa',
      name: 'Test Kitchen A',
      timezone: 'Europe/Dublin',
    });
    expect(board.collectedSeconds).toBe(60);
    expect(board.serverTime).toBe(clock.now.toISOString());
    expect(board.lastEventId).toBeGreaterThan(0);
    // Order numbers and stages only: no names, items, tables or ids.
    expect(Object.keys(board.entries[0]!).sort()).toEqual([
      'businessDate',
      'completedAt',
      'displayNumber',
      'number',
      'readyAt',
      'status',
      'version',
    ]);
  });

  it('keeps a collected number, with when it was collected, for the collected time and no longer', async () => {
    const clock = { now: new Date(NOON) };
    const { screen, kitchen } = await at(clock);
    const collectedAt = clock.now.toISOString();
    const number = await orderAt(kitchen, 'completed');
    await orderAt(kitchen, 'accepted');
    const read = () => screen.board.get({ locationSlug: t.fixture.main.slug });

    // A screen reloaded mid-way shows the number as the open screens do: collected.
    clock.now = new Date(clock.now.getTime() + 59_000);
    const during = await read();
    expect(shown(during)).toEqual([`${number}:completed`, '2:accepted']);
    expect(during.entries[0]?.completedAt).toBe(collectedAt);
    expect(during.entries[1]?.completedAt).toBeNull();

    clock.now = new Date(clock.now.getTime() + 1_000);
    expect(shown(await read())).toEqual(['2:accepted']);
  });

  it('follows a change of the collected time, down to 0: off the board at once', async () => {
    const clock = { now: new Date(NOON) };
    const { screen, kitchen } = await at(clock);
    const number = await orderAt(kitchen, 'completed');
    const read = () => screen.board.get({ locationSlug: t.fixture.main.slug });
    clock.now = new Date(clock.now.getTime() + 90_000);
    expect(shown(await read())).toEqual([]);

    await setCollectedSeconds(120);
    const longer = await read();
    expect(longer.collectedSeconds).toBe(120);
    expect(shown(longer)).toEqual([`${number}:completed`]);

    await setCollectedSeconds(0);
    clock.now = new Date(clock.now.getTime() - 90_000);
    const none = await read();
    expect(none.collectedSeconds).toBe(0);
    expect(shown(none)).toEqual([]);
  });

  it('takes a recalled number back to ready, without its collected time', async () => {
    const clock = { now: new Date(NOON) };
    const { screen, kitchen } = await at(clock);
    const { order } = await screen.orders.place(pickupOrder(t.fixture));
    let version = order.version;
    for (const to of ['accepted', 'ready', 'completed'] as const) {
      version = (
        await kitchen.kitchen.transition({ orderId: order.id, expectedVersion: version, to })
      ).version;
    }
    await kitchen.kitchen.recall({ orderId: order.id, expectedVersion: version });
    const board = await screen.board.get({ locationSlug: t.fixture.main.slug });
    expect(board.entries).toEqual([
      expect.objectContaining({ number: order.number, status: 'ready', completedAt: null }),
    ]);
  });

  it('is for one location: the other location’s numbers never show', async () => {
    const clock = { now: new Date(NOON) };
    const { screen, kitchen } = await at(clock);
    await orderAt(kitchen, 'accepted');
    const other = await screen.board.get({ locationSlug: t.fixture.other.slug });
    expect(other.entries).toEqual([]);
    expect(other.location.name).toBe('Test Kitchen B');
  });

  it('says plainly when there is no such restaurant', async () => {
    const refused = await refusal(() => guest(t.db).board.get({ locationSlug: 'nowhere' }));
    expect(refused).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no restaurant at “nowhere”.',
    });
    const bad = await refusal(() => guest(t.db).board.get({ locationSlug: 'Not A Slug!' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('locationSlug');
  });
});

describe(`the ready board's collected time (${backend})`, () => {
  it.each([
    [-1, 'The ready board time is at least 0 seconds (0 takes a number off at once).'],
    [601, 'The ready board time is at most 600 seconds.'],
    [1.5, 'The ready board time is a whole number of seconds.'],
    ['60', 'The ready board time is a number of seconds.'],
    [undefined, 'The ready board time is a number of seconds.'],
  ])('refuses %s with a clear message and changes nothing', async (seconds, message) => {
    const manager = await signedIn(t.db, t.fixture.staff.manager);
    const { settings } = await manager.kitchen.board({ locationId: t.fixture.main.id });
    const refused = await refusal(() =>
      manager.kitchen.updateSettings({
        locationId: t.fixture.main.id,
        // @ts-expect-error -- not a whole number of seconds in range: the schema must refuse it
        settings: { ...settings, readyBoardCollectedSeconds: seconds },
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain(`settings.readyBoardCollectedSeconds: ${message}`);
    const after = await manager.kitchen.board({ locationId: t.fixture.main.id });
    expect(after.settings.readyBoardCollectedSeconds).toBe(60);
  });

  it('takes 0 and 600, the ends of the range', async () => {
    expect((await setCollectedSeconds(0)).readyBoardCollectedSeconds).toBe(0);
    expect((await setCollectedSeconds(600)).readyBoardCollectedSeconds).toBe(600);
  });
});
