/**
 * Settings resolved from several sources (issue 14), through the procedures:
 * the order lock > location > installation > built in, per setting; CONFLICT
 * for a stale save; a locked setting refused in words; guests refused in
 * plain words when closed or when their order type is off. (The live side:
 * settings-live.db.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { SettingsPatch, WeeklyHours } from '@ticketrail/shared';
import { createContext } from '../context';
import { createCaller } from '../router';
import { backend } from '../../test/support/database';
import { guest, PASSWORD, pickupOrder, testDeps } from '../../test/support/fixture';
import { databaseState, refusal } from '../../test/support/refusals';
import { useTestDatabase } from '../../test/support/setup';
import { updateInstallationSettings } from './installation';

const t = useTestDatabase();

// 2031-03-04 is a Tuesday; Dublin (the fixture's time zone) is on UTC+0 in March.
const TUESDAY_4PM = new Date('2031-03-04T16:00:00Z');
const TUESDAY_6PM = new Date('2031-03-04T18:00:00Z');
const LUNCH_AND_DINNER = [
  { opens: '12:00', closes: '15:00' },
  { opens: '17:00', closes: '22:00' },
];
const EVERY_DAY = (spells: typeof LUNCH_AND_DINNER): WeeklyHours => ({
  mon: spells,
  tue: spells,
  wed: spells,
  thu: spells,
  fri: spells,
  sat: spells,
  sun: spells,
});

/** A caller with the options a server would give it: its operator's locks, its clock. */
async function as(email: string | null, options: { locks?: SettingsPatch; now?: Date } = {}) {
  const token = email ? (await guest(t.db).auth.login({ email, password: PASSWORD })).token : null;
  const deps = {
    ...testDeps(t.db, options.now ? () => options.now as Date : undefined),
    settingsLocks: options.locks ?? {},
  };
  return createCaller(
    createContext(deps, token ? { req: { headers: { authorization: `Bearer ${token}` } } } : {}),
  );
}

const manager = (options?: Parameters<typeof as>[1]) => as(t.fixture.staff.manager, options);

describe(`settings (${backend})`, () => {
  it('resolves each setting from lock > location > installation > built in, and says which', async () => {
    const f = t.fixture;
    await updateInstallationSettings(
      t.db,
      { version: null, values: { prepMinutes: 30, busyExtraMinutes: 5, currency: 'GBP' } },
      {},
      new Date(),
    );
    const boss = await manager({ locks: { busyExtraMinutes: 10 } });
    const before = await boss.settings.get({ locationId: f.main.id });
    // The fixture's location has its own time zone and currency (as the migration moves them).
    expect(before.settings.currency).toEqual({ value: 'EUR', source: 'location', locked: false });
    expect(before.settings.prepMinutes).toEqual({
      value: 30,
      source: 'installation',
      locked: false,
    });
    expect(before.settings.busyExtraMinutes).toEqual({ value: 10, source: 'locked', locked: true });
    expect(before.settings.recallWindowMinutes).toEqual({
      value: 5,
      source: 'default',
      locked: false,
    });
    expect(before.versions).toEqual({ location: 1, installation: 2 });

    const after = await boss.settings.update({
      locationId: f.main.id,
      version: before.versions.location,
      values: { prepMinutes: 25 },
    });
    expect(after.settings.prepMinutes).toEqual({ value: 25, source: 'location', locked: false });
    expect(after.versions.location).toBe(2);

    const reset = await boss.settings.reset({
      locationId: f.main.id,
      version: 2,
      keys: ['prepMinutes', 'currency'],
    });
    expect(reset.settings.prepMinutes.source).toBe('installation');
    expect(reset.settings.currency).toEqual({
      value: 'GBP',
      source: 'installation',
      locked: false,
    });
    // Another location is untouched by this one's changes.
    const other = await createCaller(createContext(testDeps(t.db))).menu.get({
      locationSlug: f.other.slug,
    });
    expect(other.location).toMatchObject({ currency: 'EUR', prepMinutes: 30 });
  });

  it('a stale version is a CONFLICT, and the first save stands', async () => {
    const f = t.fixture;
    const first = await manager();
    const second = await manager();
    const { versions } = await first.settings.get({ locationId: f.main.id });
    await first.settings.update({
      locationId: f.main.id,
      version: versions.location,
      values: { busyExtraMinutes: 15 },
    });
    const before = await databaseState(t.db);
    const late = await refusal(() =>
      second.settings.update({
        locationId: f.main.id,
        version: versions.location,
        values: { busyExtraMinutes: 0 },
      }),
    );
    expect(late).toMatchObject({
      code: 'CONFLICT',
      message:
        'Another manager saved these settings since you opened them. Reload to see their changes, then save again.',
    });
    expect(await databaseState(t.db)).toEqual(before);
    const now = await second.settings.get({ locationId: f.main.id });
    expect(now.settings.busyExtraMinutes.value).toBe(15);
  });

  it('two saves racing from the same version: one wins, the other is a CONFLICT', async () => {
    const f = t.fixture;
    const [a, b] = [await manager(), await manager()];
    const outcomes = await Promise.allSettled([
      a.settings.update({ locationId: f.main.id, version: 1, values: { prepMinutes: 21 } }),
      b.settings.update({ locationId: f.main.id, version: 1, values: { prepMinutes: 22 } }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const { versions } = await a.settings.get({ locationId: f.main.id });
    expect(versions.location).toBe(2);
  });

  it('a setting the operator locked is refused in words, to save or to reset', async () => {
    const f = t.fixture;
    const boss = await manager({ locks: { acceptingOrders: false, warnAfterMinutes: 8 } });
    const view = await boss.settings.get({ locationId: f.main.id });
    expect(view.settings.acceptingOrders).toEqual({ value: false, source: 'locked', locked: true });
    const before = await databaseState(t.db);
    for (const call of [
      () =>
        boss.settings.update({
          locationId: f.main.id,
          version: 1,
          values: { acceptingOrders: true, busyExtraMinutes: 5 },
        }),
      () => boss.settings.reset({ locationId: f.main.id, version: 1, keys: ['acceptingOrders'] }),
      () =>
        boss.kitchen.updateSettings({
          locationId: f.main.id,
          settings: {
            warnAfterMinutes: 8,
            lateAfterMinutes: 15,
            recallWindowMinutes: 5,
            readyBoardCollectedSeconds: 60,
          },
        }),
    ]) {
      const error = await refusal(call);
      expect(error.code).toBe('BAD_REQUEST');
    }
    expect(
      (
        await refusal(() =>
          boss.settings.update({
            locationId: f.main.id,
            version: 1,
            values: { acceptingOrders: true },
          }),
        )
      ).message,
    ).toBe('acceptingOrders: Set by the operator; it cannot be changed here.');
    expect(await databaseState(t.db)).toEqual(before);
    // And the lock is what guests meet.
    const locked = await as(null, { locks: { acceptingOrders: false } });
    expect(await refusal(() => locked.orders.place(pickupOrder(f)))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Test Kitchen A is not taking orders right now.',
    });
  });

  it('the kitchen board’s old procedure writes a location override the settings page shows', async () => {
    const f = t.fixture;
    const boss = await manager();
    await boss.kitchen.updateSettings({
      locationId: f.main.id,
      settings: {
        warnAfterMinutes: 6,
        lateAfterMinutes: 11,
        recallWindowMinutes: 4,
        readyBoardCollectedSeconds: 15,
      },
    });
    const view = await boss.settings.get({ locationId: f.main.id });
    expect(view.settings.warnAfterMinutes).toEqual({ value: 6, source: 'location', locked: false });
    expect(view.settings.readyBoardCollectedSeconds.value).toBe(15);
    expect(view.versions.location).toBe(2);
  });

  it('refuses a guest in plain words when closed by the hours, and opens on time', async () => {
    const f = t.fixture;
    await (
      await manager()
    ).settings.update({
      locationId: f.main.id,
      version: 1,
      values: { openingHours: EVERY_DAY(LUNCH_AND_DINNER) },
    });
    const closedGuest = await as(null, { now: TUESDAY_4PM });
    const closed = 'Test Kitchen A is closed now. It opens at 17:00.';
    expect(await refusal(() => closedGuest.orders.place(pickupOrder(f)))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: closed,
    });
    expect(
      await refusal(() =>
        closedGuest.orders.quote({
          locationSlug: f.main.slug,
          items: [{ itemId: f.items.fries, quantity: 1, optionIds: [] }],
        }),
      ),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', message: closed });
    // The menu still shows, with what the page needs to say so itself.
    const menu = await closedGuest.menu.get({ locationSlug: f.main.slug });
    expect(menu.location.openingHours.tue).toEqual(LUNCH_AND_DINNER);
    expect(menu.location.timezone).toBe('Europe/Dublin');

    const openGuest = await as(null, { now: TUESDAY_6PM });
    const placed = await openGuest.orders.place(pickupOrder(f));
    expect(placed.order.status).toBe('placed');
  });

  it('a holiday closes a day that is normally open', async () => {
    const f = t.fixture;
    await (
      await manager()
    ).settings.update({
      locationId: f.main.id,
      version: 1,
      values: { hoursExceptions: [{ date: '2031-03-04', hours: [], note: 'Staff party' }] },
    });
    const error = await refusal(async () =>
      (await as(null, { now: TUESDAY_6PM })).orders.place(pickupOrder(f)),
    );
    expect(error.message).toBe('Test Kitchen A is closed now. It opens tomorrow at 00:00.');
  });

  it('refuses an order type that is switched off, and takes the others', async () => {
    const f = t.fixture;
    await (
      await manager()
    ).settings.update({
      locationId: f.main.id,
      version: 1,
      values: { orderTypes: ['pickup', 'dine_in'] },
    });
    const phone = guest(t.db);
    expect(
      await refusal(() =>
        phone.orders.place(
          pickupOrder(f, { fulfilment: { type: 'delivery', address: '1 Quay Street' } }),
        ),
      ),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Test Kitchen A is not taking delivery orders right now.',
    });
    expect((await phone.orders.place(pickupOrder(f))).order.type).toBe('pickup');
    const menu = await phone.menu.get({ locationSlug: f.main.slug });
    expect(menu.location.orderTypes).toEqual(['pickup', 'dine_in']);
  });

  it('quotes the wait with busy mode’s extra minutes on the menu', async () => {
    const f = t.fixture;
    await (
      await manager()
    ).settings.update({
      locationId: f.main.id,
      version: 1,
      values: { prepMinutes: 20, busyExtraMinutes: 15 },
    });
    const menu = await guest(t.db).menu.get({ locationSlug: f.main.slug });
    expect(menu.location).toMatchObject({
      prepMinutes: 20,
      busyExtraMinutes: 15,
      quotedWaitMinutes: 35,
    });
    expect(menu.location).not.toHaveProperty('warnAfterMinutes');
  });

  it('refuses kitchen and front-of-house accounts, and a location the manager does not run', async () => {
    const f = t.fixture;
    for (const email of [f.staff.kitchen, f.staff.foh]) {
      const caller = await as(email);
      expect(await refusal(() => caller.settings.get({ locationId: f.main.id }))).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const boss = await manager();
    expect(await refusal(() => boss.settings.get({ locationId: 999_999 }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You do not work at this location.',
    });
  });

  it('an unknown or invalid stored setting is ignored, not a crash', async () => {
    const f = t.fixture;
    await t.db
      .updateTable('location_settings')
      .set({
        overrides: JSON.stringify({
          timezone: 'Europe/Dublin',
          prepMinutes: 'soon',
          fromTheFuture: true,
        }),
      })
      .where('location_id', '=', f.main.id)
      .execute();
    const view = await (await manager()).settings.get({ locationId: f.main.id });
    expect(view.settings.prepMinutes).toEqual({ value: 20, source: 'default', locked: false });
    expect(view.settings.timezone.source).toBe('location');
    expect((await guest(t.db).menu.get({ locationSlug: f.main.slug })).location.prepMinutes).toBe(
      20,
    );
  });
});
