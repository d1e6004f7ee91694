// @vitest-environment jsdom
/**
 * Who gets into the back office: signed out, the staff sign-in; a kitchen or
 * front-of-house account, a plain refusal and nothing asked of the tables; a
 * manager, a choice of location and then the frame with the location's name,
 * the nav of pages that exist, and Sign out.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../auth/session';
import { fakeApiProviders, lastCall, type FakeCall } from '../test-support/fake-api';
import { useManagedLocation } from './location-context';
import { ManageArea } from './ManageArea';
import { HARBOUR, MANAGER } from './test-tables';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  window.localStorage.clear();
  session.set('a-session-token');
  // The router scrolls a new page to the top, which jsdom does not do.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  session.set(null);
  vi.restoreAllMocks();
});

function Inside() {
  return <p>Inside {useManagedLocation().name}</p>;
}

function renderArea(slug: string | null, me: unknown) {
  window.history.replaceState(null, '', slug ? `/manage/${slug}/tables` : '/manage');
  const Providers = fakeApiProviders(calls, (call) => {
    if (call.path === 'auth.me') call.answer(me);
    if (call.path === 'auth.logout') call.answer({ ok: true });
  });
  render(
    <Providers>
      <ManageArea slug={slug}>
        <Inside />
      </ManageArea>
    </Providers>,
  );
}

describe('the back office’s door', () => {
  it('asks a signed-out visitor to sign in', () => {
    session.set(null);
    renderArea(HARBOUR.slug, MANAGER);
    expect(screen.getByRole('heading', { name: 'Staff sign-in' })).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('tells a kitchen account only managers may open it, and asks nothing more', async () => {
    renderArea(HARBOUR.slug, { ...MANAGER, role: 'kitchen', name: 'Cian Doyle' });
    expect(await screen.findByText('Only managers can open the back office.')).toBeTruthy();
    expect(screen.queryByText(/Inside/)).toBeNull();
    expect(screen.getByText(/Signed in as/).textContent).toBe('Signed in as Cian Doyle');
    expect(calls.map((call) => call.path)).toEqual(['auth.me']);
  });

  it('refuses a front-of-house account the same way, at the picker too', async () => {
    renderArea(null, { ...MANAGER, role: 'front_of_house' });
    expect(await screen.findByText('Only managers can open the back office.')).toBeTruthy();
  });

  it('lets a manager of two locations choose one', async () => {
    renderArea(null, MANAGER);
    expect(await screen.findByRole('heading', { name: 'Which location?' })).toBeTruthy();
    const links = screen.getAllByRole('link', { name: 'Open the back office' });
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/manage/harbour-kitchen',
      '/manage/harbour-kitchen-docklands',
    ]);
  });

  it('takes a manager of one location straight there', async () => {
    renderArea(null, { ...MANAGER, locations: [HARBOUR] });
    await vi.waitFor(() => expect(window.location.pathname).toMatch(/^\/manage\/harbour-kitchen/));
  });

  it('says so when the manager does not work at the location asked for', async () => {
    renderArea('elsewhere', MANAGER);
    expect(await screen.findByText('You do not work at “elsewhere”.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Which location?' })).toBeTruthy();
  });

  it('frames the page with the location’s name, its nav and Sign out', async () => {
    renderArea(HARBOUR.slug, MANAGER);
    expect(await screen.findByText('Inside Harbour Kitchen')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Harbour Kitchen' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Back office' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Menu', 'Tables', 'Staff', 'Settings']);
    expect(within(nav).getByRole('link', { name: 'Tables' }).getAttribute('href')).toBe(
      '/manage/harbour-kitchen/tables',
    );
    expect(screen.getByRole('link', { name: 'Switch location' })).toBeTruthy();
    expect(screen.getAllByRole('main')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Staff sign-in' })).toBeTruthy();
    expect(lastCall(calls, 'auth.logout')).toBeTruthy();
    expect(session.get()).toBeNull();
  });

  it('goes back to the sign-in form when the server has ended the session', async () => {
    window.history.replaceState(null, '', `/manage/${HARBOUR.slug}/tables`);
    const Providers = fakeApiProviders(calls, (call) =>
      call.refuse('UNAUTHORIZED', 'Your session has ended. Please sign in again.', {
        httpStatus: 401,
      }),
    );
    render(
      <Providers>
        <ManageArea slug={HARBOUR.slug} />
      </Providers>,
    );
    expect(await screen.findByRole('heading', { name: 'Staff sign-in' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'Your session has ended. Please sign in again.',
    );
  });
});
