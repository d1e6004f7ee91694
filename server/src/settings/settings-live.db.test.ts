/**
 * A settings change reaches every open screen that shows a setting (issue
 * 14): one event, in the save's transaction, to the menu room (guests: open
 * or closed, order types, the wait, never the kitchen's timers), the kitchen
 * room (everything) and the ready board's room (its clear time only).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rooms } from '@ticketrail/shared';
import type { Delivered, RouterOutputs } from '../router';
import { backend } from '../../test/support/database';
import { guest, PASSWORD, signedIn, type Fixture } from '../../test/support/fixture';
import {
  busMaker,
  liveClient,
  Recorder,
  startInstance,
  waitUntil,
  type Instance,
  type LiveClient,
} from '../../test/support/live';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();

type MenuEvent = Delivered<RouterOutputs['menu']['live']>['data'];
type KitchenEvent = Delivered<RouterOutputs['kitchen']['live']>['data'];
type BoardEvent = Delivered<RouterOutputs['board']['live']>['data'];

describe(`settings reach open screens live (${backend})`, () => {
  let instance: Instance | null = null;
  const clients: LiveClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await instance?.close();
    instance = null;
  });

  it('one save, one event: guests get their part, the kitchen all, the board its time', async () => {
    const f: Fixture = t.fixture;
    instance = await startInstance(t.db, busMaker('memory')());
    const { token } = await guest(t.db).auth.login({ email: f.staff.kitchen, password: PASSWORD });
    const [phone, tablet, wall] = [
      liveClient(instance.wsUrl),
      liveClient(instance.wsUrl, token),
      liveClient(instance.wsUrl),
    ];
    clients.push(phone, tablet, wall);
    const menu = new Recorder<MenuEvent>();
    const kitchen = new Recorder<KitchenEvent>();
    const board = new Recorder<BoardEvent>();
    phone.trpc.menu.live.subscribe({ locationSlug: f.main.slug, lastEventId: null }, menu.handlers);
    tablet.trpc.kitchen.live.subscribe(
      { locationId: f.main.id, lastEventId: null },
      kitchen.handlers,
    );
    wall.trpc.board.live.subscribe(
      { locationSlug: f.main.slug, lastEventId: null },
      board.handlers,
    );
    await waitUntil(() => menu.started && kitchen.started && board.started, 'subscriptions');
    await waitUntil(() => instance?.realtime.hub.roomCount === 3, 'rooms to go live');

    const manager = await signedIn(t.db, f.staff.manager);
    await manager.settings.update({
      locationId: f.main.id,
      version: 1,
      values: {
        orderTypes: ['pickup'],
        busyExtraMinutes: 10,
        readyBoardCollectedSeconds: 30,
        hoursExceptions: [{ date: '2031-12-25', hours: [], note: 'Staff party' }],
      },
    });
    await waitUntil(
      () => menu.data.length === 1 && kitchen.data.length === 1 && board.data.length === 1,
      'all three feeds',
    );
    const guestEvent = menu.data[0]?.data;
    expect(guestEvent).toMatchObject({
      type: 'location.settings',
      settings: {
        orderTypes: ['pickup'],
        busyExtraMinutes: 10,
        timezone: 'Europe/Dublin',
        // The manager's note stays with the manager.
        hoursExceptions: [{ date: '2031-12-25', hours: [] }],
      },
    });
    expect(guestEvent && 'settings' in guestEvent ? guestEvent.settings : {}).not.toHaveProperty(
      'warnAfterMinutes',
    );
    expect(
      guestEvent?.type === 'location.settings' ? guestEvent.settings.hoursExceptions : null,
    ).toEqual([{ date: '2031-12-25', hours: [] }]);
    expect(kitchen.data[0]?.data).toMatchObject({
      type: 'settings.changed',
      settings: { warnAfterMinutes: 8, busyExtraMinutes: 10 },
    });
    expect(board.data[0]?.data).toEqual({ type: 'board.settings', collectedSeconds: 30 });
    expect(new Set([menu.data[0]?.id, kitchen.data[0]?.id, board.data[0]?.id]).size).toBe(1);

    const stored = await t.db
      .selectFrom('events')
      .select('rooms')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(stored.rooms).toEqual([
      rooms.menu(f.main.id),
      rooms.kitchen(f.main.id),
      rooms.board(f.main.id),
    ]);
  });
});
