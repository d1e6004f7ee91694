// @vitest-environment jsdom
/**
 * Sign-out for staff pages with no board header (issue 13: a manager on the
 * kitchen picker had no way out): it says who is signed in, ends the session
 * on the server, and forgets it on this device even when the server cannot
 * be reached.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApiProviders, lastCall, type FakeCall } from '../test-support/fake-api';
import { session } from './session';
import { SignOut } from './SignOut';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  window.localStorage.clear();
  session.set('a-session-token');
});
afterEach(() => {
  cleanup();
  session.set(null);
});

function renderSignOut(name?: string) {
  const Providers = fakeApiProviders(calls);
  render(
    <Providers>
      <SignOut name={name} />
    </Providers>,
  );
}

const button = () => screen.getByRole<HTMLButtonElement>('button', { name: /Sign(ing)? out/ });

describe('sign-out', () => {
  it('says who is signed in, and signs out on the server and on this device', async () => {
    renderSignOut('Róisín Manager');
    expect(screen.getByText(/Signed in as/).textContent).toBe('Signed in as Róisín Manager');
    fireEvent.click(button());
    await expect.poll(() => calls.map((call) => call.path)).toEqual(['auth.logout']);
    await expect.poll(() => button().textContent).toBe('Signing out…');
    expect(button().disabled).toBe(true);
    expect(session.get()).toBe('a-session-token');
    await act(async () => lastCall(calls, 'auth.logout').answer({ ok: true }));
    await expect.poll(() => session.get()).toBeNull();
    expect(window.localStorage.getItem('ticketrail.session')).toBeNull();
  });

  it('forgets the session on this device even when the server cannot say so', async () => {
    renderSignOut();
    expect(screen.queryByText(/Signed in as/)).toBeNull();
    fireEvent.click(button());
    await expect.poll(() => calls.length).toBe(1);
    await act(async () =>
      lastCall(calls, 'auth.logout').refuse('UNAUTHORIZED', 'Your session has ended.'),
    );
    await expect.poll(() => session.get()).toBeNull();
  });
});
