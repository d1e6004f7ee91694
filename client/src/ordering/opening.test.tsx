// @vitest-environment jsdom
/**
 * The guest's menu follows the location's settings (issue 14): closed by its
 * hours says when it opens, busy mode quotes the longer wait, and checkout
 * offers only the order types the restaurant takes, all live.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guestSettingsOf, BUILT_IN_SETTINGS, type WeeklyHours } from '@ticketrail/shared';
import { fakeApiProviders, lastCall, type FakeCall } from '../test-support/fake-api';
import { MenuPage } from './MenuPage';
import type { Menu } from './menu-model';
import { testMenu } from './test-menu';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  window.localStorage.clear();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/l/harbour-kitchen');
});
afterEach(cleanup);

// The fake API's clock is TEST_NOW: Tuesday 2026-11-24, 12:30 in Dublin.
const DINNER_ONLY: WeeklyHours = {
  mon: [{ opens: '17:00', closes: '22:00' }],
  tue: [{ opens: '17:00', closes: '22:00' }],
  wed: [{ opens: '17:00', closes: '22:00' }],
  thu: [{ opens: '17:00', closes: '22:00' }],
  fri: [{ opens: '17:00', closes: '22:00' }],
  sat: [{ opens: '17:00', closes: '22:00' }],
  sun: [{ opens: '17:00', closes: '22:00' }],
};

function renderMenu(location: Partial<Menu['location']> = {}) {
  const menu = testMenu();
  const Providers = fakeApiProviders(calls, (call) => {
    if (call.path === 'menu.get')
      call.answer({ ...menu, location: { ...menu.location, ...location } });
  });
  render(
    <Providers>
      <MenuPage slug="harbour-kitchen" />
    </Providers>,
  );
}

describe('the guest menu and the location’s settings', () => {
  it('says when a location closed by its hours opens, and will not add to the order', async () => {
    renderMenu({ openingHours: DINNER_ONLY });
    expect(
      await screen.findByText(
        'Harbour Kitchen is closed now. It opens at 17:00. You can still look at the menu.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/Ready in about/)).toBeNull();
  });

  it('quotes the usual wait, and the longer one in busy mode', async () => {
    renderMenu({ prepMinutes: 20, busyExtraMinutes: 15, quotedWaitMinutes: 35 });
    expect(await screen.findByText('Ready in about 35 min — we’re busy')).toBeTruthy();
  });

  it('follows new settings live: busy, then closed', async () => {
    renderMenu();
    expect(await screen.findByText('Ready in about 20 min')).toBeTruthy();
    const feed = lastCall(calls, 'menu.live');
    const settings = { ...guestSettingsOf(BUILT_IN_SETTINGS), timezone: 'Europe/Dublin' };
    act(() =>
      feed.answer({
        id: '2',
        data: { type: 'location.settings', settings: { ...settings, busyExtraMinutes: 10 } },
      }),
    );
    expect(screen.getByText('Ready in about 30 min — we’re busy')).toBeTruthy();
    act(() =>
      feed.answer({
        id: '3',
        data: { type: 'location.settings', settings: { ...settings, acceptingOrders: false } },
      }),
    );
    expect(
      screen.getByText(
        'Harbour Kitchen is not taking orders right now. You can still look at the menu.',
      ),
    ).toBeTruthy();
  });

  it('offers only the order types the restaurant takes at checkout', async () => {
    renderMenu({ orderTypes: ['pickup'] });
    fireEvent.click(await screen.findByRole('button', { name: /^Skinny fries/ }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'Skinny fries' })).getByRole('button', {
        name: /^Add 1/,
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: /^View order/ }));
    const cart = await screen.findByRole('dialog', { name: /^Your order/ });
    const choices = within(cart).getByRole('group', { name: 'How would you like it?' });
    expect(within(choices).getAllByRole('radio')).toHaveLength(1);
    expect(within(choices).getByLabelText(/^Pickup/)).toBeTruthy();
    expect(within(choices).queryByLabelText(/^Delivery/)).toBeNull();
  });
});
