// @vitest-environment jsdom
/**
 * The kitchen page around the board: a session the server ended while the
 * board was open (signed out elsewhere, expired, the account deactivated)
 * sends the crew back to the sign-in form with the server's words, and the
 * stored session is forgotten. The API is answered by the test; the browser
 * tests run the real server.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../auth/session';
import { fakeApiProviders, lastCall, type FakeCall } from '../test-support/fake-api';
import { HARBOUR_KITCHEN, ticket } from '../test-support/orders';
import type { KitchenBoard } from './kitchen-feed';
import { KitchenPage } from './KitchenPage';
import { SETTINGS } from './test-settings';
import { pressKey } from './test-keys';

const SESSION_KEY = 'ticketrail.session';
const ENDED = 'Your session has ended. Please sign in again.';

const ME = {
  id: 3,
  name: 'Dara',
  email: 'kitchen@harbour.example',
  role: 'kitchen',
  locations: [{ id: HARBOUR_KITCHEN.id, slug: HARBOUR_KITCHEN.slug, name: HARBOUR_KITCHEN.name }],
};

const BOARD: KitchenBoard = {
  locationId: HARBOUR_KITCHEN.id,
  tickets: [ticket(7)],
  settings: SETTINGS,
  lastEventId: 20,
};

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  window.localStorage.clear();
  window.history.replaceState(null, '', `/kitchen/${HARBOUR_KITCHEN.slug}`);
  session.set('session-token-of-dara');
});
afterEach(() => {
  cleanup();
  session.set(null);
});

function renderKitchen(onCall: (call: FakeCall) => void) {
  const Providers = fakeApiProviders(calls, onCall);
  render(
    <Providers>
      <KitchenPage slug={HARBOUR_KITCHEN.slug} />
    </Providers>,
  );
}

const answerBoard = (call: FakeCall) => {
  if (call.path === 'auth.me') call.answer(ME);
  if (call.path === 'kitchen.board') call.answer(BOARD);
};

describe('a session that ends while the board is open', () => {
  it('goes back to the sign-in form with the server’s words, and forgets the session', async () => {
    renderKitchen(answerBoard);
    expect(await screen.findByRole('article', { name: /Ticket #007/ })).toBeTruthy();
    expect(window.localStorage.getItem(SESSION_KEY)).toBe('session-token-of-dara');

    act(() => lastCall(calls, 'kitchen.live').refuse('UNAUTHORIZED', ENDED, { httpStatus: 401 }));

    expect(await screen.findByRole('heading', { name: 'Staff sign-in' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(ENDED);
    expect(screen.queryByRole('article')).toBeNull();
    expect(session.get()).toBeNull();
    expect(window.localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('does the same when the board itself is refused', async () => {
    renderKitchen((call) => {
      if (call.path === 'auth.me') call.answer(ME);
      if (call.path === 'kitchen.board') call.refuse('UNAUTHORIZED', ENDED, { httpStatus: 401 });
    });
    expect(await screen.findByRole('heading', { name: 'Staff sign-in' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(ENDED);
    expect(session.get()).toBeNull();
  });

  it('says nothing of an ended session once someone signs in again', async () => {
    renderKitchen(answerBoard);
    await screen.findByRole('article', { name: /Ticket #007/ });
    act(() => lastCall(calls, 'kitchen.live').refuse('UNAUTHORIZED', ENDED, { httpStatus: 401 }));
    await screen.findByRole('heading', { name: 'Staff sign-in' });
    act(() => session.set('a-new-session'));
    expect(session.endedReason()).toBeNull();
    expect(await screen.findByRole('article', { name: /Ticket #007/ })).toBeTruthy();
  });

  it('keeps the board for a feed that only dropped, saying it is reconnecting', async () => {
    renderKitchen(answerBoard);
    await screen.findByRole('article', { name: /Ticket #007/ });
    act(() =>
      lastCall(calls, 'kitchen.live').refuse('TOO_MANY_REQUESTS', 'Too many live feeds.', {
        httpStatus: 429,
        retryAfterSeconds: null,
      }),
    );
    expect(screen.getByRole('article', { name: /Ticket #007/ })).toBeTruthy();
    expect(screen.getByText('Reconnecting…')).toBeTruthy();
    expect(session.get()).toBe('session-token-of-dara');
  });
});

describe('the board while the server’s bus is down', () => {
  it('says updates are delayed in the header, and Live again once the bus is back', async () => {
    renderKitchen(answerBoard);
    await screen.findByRole('article', { name: /Ticket #007/ });
    const badge = () => document.querySelector('.kitchen-header .live-badge');
    await vi.waitFor(() => expect(badge()?.textContent).toBe('Live'));
    await vi.waitFor(() => lastCall(calls, 'live.status'));
    act(() => lastCall(calls, 'live.status').answer({ bus: 'down' }));
    expect(badge()?.textContent).toBe('Updates delayed · may take a few seconds');
    expect(badge()?.getAttribute('role')).toBe('status');
    act(() => lastCall(calls, 'live.status').answer({ bus: 'up' }));
    expect(badge()?.textContent).toBe('Live');
  });
});

describe('keys on the page around the board', () => {
  const bumps = () => calls.filter((call) => call.path === 'kitchen.transition');

  it('Enter on Sign out signs out, and bumps nothing', async () => {
    renderKitchen(answerBoard);
    await screen.findByRole('article', { name: /Ticket #007/ });
    const signOut = screen.getByRole('button', { name: 'Sign out' });
    signOut.focus();
    expect(pressKey(signOut, 'Enter')).toBe(true);
    await vi.waitFor(() => lastCall(calls, 'auth.logout'));
    expect(bumps()).toEqual([]);
  });

  it('Enter on a station link goes to that station, and bumps nothing', async () => {
    renderKitchen(answerBoard);
    await screen.findByRole('article', { name: /Ticket #007/ });
    const grill = screen.getByRole('link', { name: 'grill' });
    grill.focus();
    expect(pressKey(grill, 'Enter')).toBe(true);
    await vi.waitFor(() => expect(window.location.search).toBe('?station=grill'));
    expect(bumps()).toEqual([]);
  });

  it('with nothing focused, the bump bar still bumps', async () => {
    renderKitchen(answerBoard);
    await screen.findByRole('article', { name: /Ticket #007/ });
    fireEvent.keyDown(document.body, { key: 'Enter' });
    await vi.waitFor(() => expect(bumps()).toHaveLength(1));
  });
});

describe('the kitchen picker', () => {
  it('a manager of two locations can sign out from it', async () => {
    const manager = {
      ...ME,
      role: 'manager',
      locations: [...ME.locations, { id: 99, slug: 'docklands', name: 'Docklands' }],
    };
    window.history.replaceState(null, '', '/kitchen');
    const Providers = fakeApiProviders(calls, (call) => {
      if (call.path === 'auth.me') call.answer(manager);
      if (call.path === 'auth.logout') call.answer({ ok: true });
    });
    render(
      <Providers>
        <KitchenPage slug={null} />
      </Providers>,
    );
    expect(await screen.findByRole('heading', { name: 'Which kitchen?' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Staff sign-in' })).toBeTruthy();
    expect(session.get()).toBeNull();
  });
});
