// @vitest-environment jsdom
/**
 * The checkout when the server says "too many from here" (TOO_MANY_REQUESTS):
 * a refused placement is explained next to the button, the cart and the
 * idempotency key are kept, and the button waits as long as the server asked;
 * a refused quote leaves the last good totals up with a note and is asked
 * again once, when the wait is over. Timers are faked; the clock is not read.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_COOL_DOWN_MS } from '../api/useCoolDown';
import { fakeApiProviders, lastCall, type FakeCall } from '../test-support/fake-api';
import { MenuPage } from './MenuPage';
import { FRIES, testMenu } from './test-menu';
import type { Quote } from './useQuote';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  window.localStorage.clear();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/l/harbour-kitchen');
  // Fake timers that still run on their own, so TanStack Query's own short waits pass.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const quoteFor = (quantity: number): Quote => ({
  currency: 'EUR',
  lines: [
    {
      itemId: FRIES.id,
      name: FRIES.name,
      station: 'fry',
      allergens: [],
      quantity,
      unitPriceCents: 450,
      options: [],
      notes: null,
      lineTotalCents: 450 * quantity,
    },
  ],
  subtotalCents: 450 * quantity,
  totalCents: 450 * quantity,
});

const tooMany = (message: string, retryAfterSeconds: number | null) => (call: FakeCall) =>
  act(() => call.refuse('TOO_MANY_REQUESTS', message, { httpStatus: 429, retryAfterSeconds }));

/** The menu, with fries in the cart and the cart open. */
async function openCartWithFries() {
  const Providers = fakeApiProviders(calls, (call) => {
    if (call.path === 'menu.get') call.answer(testMenu());
  });
  render(
    <Providers>
      <MenuPage slug="harbour-kitchen" />
    </Providers>,
  );
  fireEvent.click(await screen.findByRole('button', { name: /^Skinny fries/ }));
  fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: /^Add 1/ }));
  fireEvent.click(screen.getByRole('button', { name: /^View order/ }));
  // The cart is its own chunk: it may take a moment the first time.
  const cart = await screen.findByRole('dialog', { name: /^Your order/ });
  act(() => lastCall(calls, 'orders.quote').answer(quoteFor(1)));
  await within(cart).findByText('€4.50', { selector: '.totals__total dd' });
  return cart;
}

const placeButton = (cart: HTMLElement) =>
  within(cart).getByRole<HTMLButtonElement>('button', { name: /Place order|Placing/ });
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const callsTo = (path: string) => calls.filter((call) => call.path === path);

describe('a placement refused as too many', () => {
  it('says so by the button, keeps the cart, waits, then retries with the same key', async () => {
    const cart = await openCartWithFries();
    fireEvent.change(within(cart).getByLabelText('Name for the order'), {
      target: { value: 'Gráinne' },
    });
    await vi.waitFor(() => expect(placeButton(cart).disabled).toBe(false));
    fireEvent.click(placeButton(cart));
    const first = await vi.waitFor(() => lastCall(calls, 'orders.place'));
    tooMany('Too many orders from here just now. Try again in 30 seconds.', 30)(first);

    const refusal = await within(cart).findByRole('alert');
    expect(refusal.textContent).toBe(
      'Too many orders from here just now. Try again in 30 seconds. Your order is kept here, and trying again will not make a second order.',
    );
    expect(within(cart).getByText(/1 × Skinny fries/)).toBeTruthy();
    // Held for the server's 30 seconds: a tap sends nothing.
    expect(placeButton(cart).disabled).toBe(true);
    fireEvent.submit(placeButton(cart).form!);
    await wait(29_000);
    expect(callsTo('orders.place')).toHaveLength(1);
    expect(placeButton(cart).disabled).toBe(true);

    await wait(1_000);
    expect(placeButton(cart).disabled).toBe(false);
    fireEvent.click(placeButton(cart));
    const second = await vi.waitFor(() => {
      expect(callsTo('orders.place')).toHaveLength(2);
      return lastCall(calls, 'orders.place');
    });
    const keyOf = (call: FakeCall) => (call.input as { idempotencyKey: string }).idempotencyKey;
    expect(keyOf(second)).toBe(keyOf(first));
  });
});

describe('a quote refused as too many', () => {
  it('keeps the last good totals with a note, and asks again once when the wait is over', async () => {
    const cart = await openCartWithFries();
    fireEvent.click(within(cart).getByRole('button', { name: 'One more Skinny fries' }));
    tooMany('Too many requests. Try again in 5 seconds.', 5)(lastCall(calls, 'orders.quote'));

    expect(await within(cart).findByText(/^Busy just now/)).toBeTruthy();
    expect(within(cart).getByText('€4.50', { selector: '.totals__total dd' })).toBeTruthy();
    expect(placeButton(cart).disabled).toBe(true);
    // Taps meanwhile are not quoted one by one: the server asked us to wait.
    const asked = callsTo('orders.quote').length;
    fireEvent.click(within(cart).getByRole('button', { name: 'One more Skinny fries' }));
    await wait(4_000);
    expect(callsTo('orders.quote')).toHaveLength(asked);

    await wait(1_000);
    await vi.waitFor(() => expect(callsTo('orders.quote')).toHaveLength(asked + 1));
    const again = lastCall(calls, 'orders.quote');
    expect(again.input).toMatchObject({ items: [{ itemId: FRIES.id, quantity: 3 }] });
    act(() => again.answer(quoteFor(3)));
    await within(cart).findByText('€13.50', { selector: '.totals__total dd' });
    expect(within(cart).queryByText(/^Busy just now/)).toBeNull();
  });

  it('waits a while on its own when the server does not say how long', async () => {
    const cart = await openCartWithFries();
    fireEvent.click(within(cart).getByRole('button', { name: 'One more Skinny fries' }));
    tooMany('Too many requests.', null)(lastCall(calls, 'orders.quote'));
    await within(cart).findByText(/^Busy just now/);
    const asked = callsTo('orders.quote').length;
    fireEvent.click(within(cart).getByRole('button', { name: 'One more Skinny fries' }));
    await wait(DEFAULT_COOL_DOWN_MS - 1_000);
    expect(callsTo('orders.quote')).toHaveLength(asked);
    await wait(1_000);
    await vi.waitFor(() => expect(callsTo('orders.quote')).toHaveLength(asked + 1));
  });
});
