// @vitest-environment jsdom
/**
 * The sign-in form when the server throttles it: the server's words are
 * shown and the form asks nothing more until the wait is over, since every
 * early try would be refused too. Timers are faked; the clock is not read.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApiProviders, lastCall, type FakeCall } from '../test-support/fake-api';
import { session } from './session';
import { SignIn } from './SignIn';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  window.localStorage.clear();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  session.set(null);
});

function renderSignIn(reason?: string) {
  const Providers = fakeApiProviders(calls);
  render(
    <Providers>
      <SignIn reason={reason} />
    </Providers>,
  );
  fireEvent.change(screen.getByLabelText('Email'), {
    target: { value: 'kitchen@harbour.example' },
  });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'guess' } });
}

const button = () => screen.getByRole<HTMLButtonElement>('button', { name: /Sign in/ });
const logins = () => calls.filter((call) => call.path === 'auth.login');
const submit = () => fireEvent.submit(button().form!);

describe('sign-in', () => {
  it('shows the throttle’s message and asks nothing more until the wait is over', async () => {
    renderSignIn();
    submit();
    await vi.waitFor(() => expect(logins()).toHaveLength(1));
    act(() =>
      lastCall(calls, 'auth.login').refuse(
        'TOO_MANY_REQUESTS',
        'Too many sign-in attempts. Try again in 2 minutes.',
        { httpStatus: 429, retryAfterSeconds: 120 },
      ),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many sign-in attempts. Try again in 2 minutes.',
    );
    await vi.waitFor(() => expect(button().disabled).toBe(true));
    submit();
    await act(() => vi.advanceTimersByTimeAsync(119_000));
    expect(logins()).toHaveLength(1);

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(button().disabled).toBe(false);
    submit();
    await vi.waitFor(() => expect(logins()).toHaveLength(2));
  });

  it('lets a wrong password be corrected at once', async () => {
    renderSignIn();
    submit();
    await vi.waitFor(() => expect(logins()).toHaveLength(1));
    act(() =>
      lastCall(calls, 'auth.login').refuse('UNAUTHORIZED', 'That email and password do not match.'),
    );
    await screen.findByText('That email and password do not match.');
    expect(button().disabled).toBe(false);
  });

  it('says why the last session ended', () => {
    renderSignIn('Your session has ended. Please sign in again.');
    expect(screen.getByRole('status').textContent).toBe(
      'Your session has ended. Please sign in again.',
    );
  });
});
