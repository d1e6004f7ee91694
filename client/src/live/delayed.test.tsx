// @vitest-environment jsdom
/**
 * "Updates delayed" on a live screen, through a link the test answers by hand:
 * the server's `live.status` is asked once for the whole socket however many
 * feeds a page holds; a live feed reads delayed while the server says its bus
 * is down, a feed that is away says so instead, and it is plain Live again
 * once the bus is up, or once the server's word is lost with its subscription.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { SETTINGS } from '../kitchen/test-settings';
import { fakeApiProviders, lastCall, type FakeCall } from '../test-support/fake-api';
import { HARBOUR_KITCHEN } from '../test-support/orders';
import type { KitchenBoard } from '../kitchen/kitchen-feed';
import { useLiveKitchenBoard } from '../kitchen/useLiveKitchenBoard';
import { useLiveMenu } from '../ordering/useLiveMenu';
import type { ServerLiveStatus } from './server-status';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const BOARD: KitchenBoard = {
  locationId: HARBOUR_KITCHEN.id,
  tickets: [],
  settings: SETTINGS,
  lastEventId: 10,
};

const MENU = {
  location: { ...HARBOUR_KITCHEN, timezone: 'Europe/Dublin' },
  categories: [],
  lastEventId: 10,
};

/** Two feeds on one page, as the kitchen page has them (its board and its menu). */
function KitchenScreen() {
  const { live: board } = useLiveKitchenBoard(HARBOUR_KITCHEN.id);
  const { live: menu } = useLiveMenu(HARBOUR_KITCHEN.slug);
  return (
    <>
      <section aria-label="board">
        <ConnectionBadge connection={board} />
      </section>
      <section aria-label="menu">
        <ConnectionBadge connection={menu} />
      </section>
    </>
  );
}

async function renderScreen() {
  const Providers = fakeApiProviders(calls, (call) => {
    if (call.path === 'kitchen.board') call.answer(BOARD);
    if (call.path === 'menu.get') call.answer(MENU);
  });
  render(
    <Providers>
      <KitchenScreen />
    </Providers>,
  );
  await vi.waitFor(() => {
    lastCall(calls, 'kitchen.live');
    lastCall(calls, 'menu.live');
    lastCall(calls, 'live.status');
  });
}

const badge = (name: 'board' | 'menu') =>
  screen.getByRole('region', { name }).querySelector('[role="status"]');
const said = (name: 'board' | 'menu') => badge(name)?.textContent ?? '';
const statusCalls = () => calls.filter((call) => call.path === 'live.status');
const report = (status: ServerLiveStatus) =>
  act(() => lastCall(calls, 'live.status').answer(status));
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

const DELAYED = 'Updates delayed · may take a few seconds';

describe('a live screen while the server’s bus is down', () => {
  it('says updates are delayed on every feed, from one status subscription', async () => {
    await renderScreen();
    await vi.waitFor(() => expect([said('board'), said('menu')]).toEqual(['Live', 'Live']));

    report({ bus: 'down' });
    expect([said('board'), said('menu')]).toEqual([DELAYED, DELAYED]);
    expect(badge('board')?.className).toBe('live-badge live-badge--delayed');
    expect(statusCalls()).toHaveLength(1);

    report({ bus: 'up' });
    expect([said('board'), said('menu')]).toEqual(['Live', 'Live']);
    expect(statusCalls()).toHaveLength(1);
  });

  it('says Reconnecting… rather than delayed while a feed is away, and delayed again once back', async () => {
    await renderScreen();
    report({ bus: 'down' });
    await vi.waitFor(() => expect(said('board')).toBe(DELAYED));

    act(() => lastCall(calls, 'kitchen.live').drop('Active connection is not open'));
    expect(said('board')).toMatch(/^Reconnecting…/);
    expect(said('menu')).toBe(DELAYED);

    // The feed resubscribes by itself; the server has not said the bus is back.
    await wait(1_000);
    await vi.waitFor(() => expect(said('board')).toBe(DELAYED));
  });

  it('forgets the server’s word when the status subscription fails, and asks again', async () => {
    await renderScreen();
    report({ bus: 'down' });
    await vi.waitFor(() => expect(said('board')).toBe(DELAYED));

    act(() => lastCall(calls, 'live.status').drop('Active connection is not open'));
    expect([said('board'), said('menu')]).toEqual(['Live', 'Live']);

    await wait(30_000);
    expect(statusCalls()).toHaveLength(2);
    report({ bus: 'down' });
    expect(said('menu')).toBe(DELAYED);
  });
});
