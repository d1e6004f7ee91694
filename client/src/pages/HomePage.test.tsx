// @vitest-environment jsdom
/**
 * The home page's recent orders: this browser's orders of the last two days
 * by the page's clock (the test's, not the machine's), each linked with its
 * token in the fragment. The browser test follows such a link for real.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApiProviders, TEST_NOW, type FakeCall } from '../test-support/fake-api';
import { HARBOUR_KITCHEN } from '../test-support/orders';
import { rememberOrder } from '../tracking/recent-orders';
import { HomePage } from './HomePage';

const ORDER_ID = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  window.localStorage.clear();
  rememberOrder(
    {
      orderId: ORDER_ID,
      token: TOKEN,
      displayNumber: '#042',
      locationName: 'Harbour Kitchen',
      placedAt: '2026-11-24T12:00:00.000Z',
    },
    TEST_NOW,
  );
});
afterEach(cleanup);

function renderHome(now?: Date, location = HARBOUR_KITCHEN) {
  const Providers = fakeApiProviders(
    calls,
    (call) => {
      if (call.path === 'menu.locations') call.answer([location]);
      if (call.path === 'demo.welcome') call.answer(null);
    },
    now ? { now } : {},
  );
  render(
    <Providers>
      <HomePage />
    </Providers>,
  );
}

describe('recent orders on the home page', () => {
  it('links an order of the last two days with its token in the fragment', () => {
    renderHome();
    const recent = screen.getByRole('region', { name: 'Your recent orders' });
    const link = within(recent).getByRole('link', { name: /^#042 · Harbour Kitchen/ });
    expect(link.getAttribute('href')).toBe(`/track/${ORDER_ID}#token=${TOKEN}`);
  });

  it('leaves out an order placed more than two days before now', () => {
    renderHome(new Date('2026-11-26T12:00:01.000Z'));
    expect(screen.queryByRole('region', { name: 'Your recent orders' })).toBeNull();
  });
});

describe('each restaurant on the home page', () => {
  it('says it is taking orders while it is open', async () => {
    renderHome();
    expect(await screen.findByText('Taking orders now')).toBeTruthy();
  });

  it('says when a closed one opens, by its hours and the page’s clock', async () => {
    const closedOnSaturday = {
      ...HARBOUR_KITCHEN,
      openingHours: { ...HARBOUR_KITCHEN.openingHours, sat: [{ opens: '17:00', closes: '22:00' }] },
    };
    // Saturday 28 November 2026, 12:00 in Dublin (UTC in winter).
    renderHome(new Date('2026-11-28T12:00:00.000Z'), closedOnSaturday);
    expect(
      await screen.findByText('Harbour Kitchen is closed now. It opens at 17:00.'),
    ).toBeTruthy();
    expect(screen.queryByText('Taking orders now')).toBeNull();
  });
});
