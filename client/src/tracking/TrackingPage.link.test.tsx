// @vitest-environment jsdom
/**
 * Where the tracking page finds its token: in the fragment of the link, or in
 * the query of a link printed before it moved there. An old link opens the
 * order all the same, and the address is rewritten in place to the fragment
 * form before the page asks the server anything, so no request (nor its
 * Referer) carries the token. tracking.e2e.ts follows such a link in Chromium.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApiProviders, lastCall, type FakeCall } from '../test-support/fake-api';
import { HARBOUR_KITCHEN } from '../test-support/orders';
import type { TrackedOrder } from './order-feed';
import { guestOrder, ORDER_ID, TOKEN } from './test-orders';
import { TrackingPage } from './TrackingPage';

let calls: FakeCall[];
/** Where the page was each time it asked the server: what a Referer would carry. */
let addresses: string[];

beforeEach(() => {
  calls = [];
  addresses = [];
  window.localStorage.clear();
});
afterEach(cleanup);

/** Opens the page at `link`; the server knows the order under TOKEN only. */
function openAt(link: string) {
  window.history.replaceState(null, '', link);
  const Providers = fakeApiProviders(calls, (call) => {
    addresses.push(window.location.href);
    if (call.path === 'menu.locations') call.answer([HARBOUR_KITCHEN]);
    if (call.path !== 'orders.track') return;
    const { token } = call.input as { token: string };
    if (token !== TOKEN) call.refuse('NOT_FOUND', 'Order not found.');
    else call.answer({ order: guestOrder(), lastEventId: 10 } satisfies TrackedOrder);
  });
  render(
    <Providers>
      <TrackingPage orderId={ORDER_ID} />
    </Providers>,
  );
}

const address = () => window.location.pathname + window.location.search + window.location.hash;
const orderShown = () => screen.findByRole('heading', { name: 'Order #042' });

describe('the tracking link', () => {
  it('opens the order from the token in the fragment', async () => {
    openAt(`/track/${ORDER_ID}#token=${TOKEN}`);
    await orderShown();
    expect(lastCall(calls, 'orders.track').input).toEqual({ orderId: ORDER_ID, token: TOKEN });
    expect(address()).toBe(`/track/${ORDER_ID}#token=${TOKEN}`);
  });

  it('opens an old link too, moving its token to the fragment before asking the server', async () => {
    const before = window.history.length;
    openAt(`/track/${ORDER_ID}?token=${TOKEN}&from=receipt`);
    await orderShown();
    expect(address()).toBe(`/track/${ORDER_ID}?from=receipt#token=${TOKEN}`);
    // Replaced, not pushed: Back does not lead to the old address.
    expect(window.history.length).toBe(before);
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.filter((at) => new URL(at).searchParams.has('token'))).toEqual([]);
  });

  it('says "Order not found" for an old link with a wrong token, and still moves it', async () => {
    const wrong = 'x'.repeat(32);
    openAt(`/track/${ORDER_ID}?token=${wrong}`);
    expect(await screen.findByRole('heading', { name: 'Order not found' })).toBeTruthy();
    expect(document.body.textContent).not.toContain('#042');
    expect(address()).toBe(`/track/${ORDER_ID}#token=${wrong}`);
  });
});
