// @vitest-environment jsdom
/**
 * The tracking page as a component: the stages with their times, the item
 * count, a rejected order, the not-found screen, and the ready moment as the
 * order's feed delivers it. The API is a link the test answers by hand (the
 * browser test runs the real server).
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApiProviders, type FakeCall } from '../test-support/fake-api';
import { HARBOUR_KITCHEN } from '../test-support/orders';
import type { OrderFeedItem, TrackedOrder } from './order-feed';
import { RECENT_ORDERS_KEY } from './recent-orders';
import { guestItem, guestOrder, ORDER_ID, TOKEN } from './test-orders';
import { stageTime, type GuestOrder } from './tracking-model';
import { TrackingPage } from './TrackingPage';

const LOCATIONS = [HARBOUR_KITCHEN];

/** How the fake server answers `orders.track`. */
type TrackAnswer = { order: GuestOrder } | { refuse: string };

/** Answers the page's queries at once, as the server would; subscriptions stay open for `push`. */
function answer(track: TrackAnswer) {
  return (call: FakeCall) => {
    if (call.path === 'menu.locations') call.answer(LOCATIONS);
    else if (call.path === 'orders.track') {
      if ('refuse' in track) call.refuse('NOT_FOUND', track.refuse);
      else call.answer({ order: track.order, lastEventId: 10 } satisfies TrackedOrder);
    } else if (call.path !== 'orders.live' && call.path !== 'live.status') {
      call.refuse('NOT_FOUND', `No ${call.path} here`);
    }
  };
}

let calls: FakeCall[];
let nextEventId = 11;

/** The tracking link as the checkout and the home page write it. */
const linkWith = (token: string) => `/track/${ORDER_ID}#token=${token}`;

/** Opens the page at `link` (the address bar's path, query and fragment). */
function renderPage(
  track: TrackAnswer,
  { link = linkWith(TOKEN), now }: { link?: string; now?: Date } = {},
) {
  window.history.replaceState(null, '', link);
  const Providers = fakeApiProviders(calls, answer(track), now ? { now } : {});
  return render(
    <Providers>
      <TrackingPage orderId={ORDER_ID} />
    </Providers>,
  );
}

/** The open `orders.live` subscriptions. */
const feeds = () => calls.filter((call) => call.path === 'orders.live');

/** The kitchen moves the order: the feed delivers its new version. */
function push(order: GuestOrder) {
  const item: OrderFeedItem = {
    id: String(nextEventId++),
    data: {
      type: 'order.changed',
      change: { kind: 'status', from: 'placed', to: order.status },
      order,
    },
  };
  act(() => {
    for (const feed of feeds()) feed.answer(item);
  });
}

const orderShown = () => screen.findByRole('heading', { name: 'Order #042' });
const currentStage = () => document.querySelector('[aria-current="step"]');
const progressList = () => screen.getByRole('list', { name: 'Progress' });

/** Records the notifications the page shows; permission as the test sets it. */
class FakeNotification {
  static permission: NotificationPermission = 'default';
  static shown: { title: string; body: string | undefined }[] = [];
  static asked = 0;
  static requestPermission(): Promise<NotificationPermission> {
    FakeNotification.asked += 1;
    FakeNotification.permission = 'granted';
    return Promise.resolve('granted');
  }
  constructor(title: string, options?: NotificationOptions) {
    FakeNotification.shown.push({ title, body: options?.body });
  }
}

const PREPARING = {
  placedAt: '2026-11-24T12:00:00.000Z',
  acceptedAt: '2026-11-24T12:01:00.000Z',
  preparingAt: '2026-11-24T12:03:00.000Z',
  readyAt: null,
  completedAt: null,
  rejectedAt: null,
  cancelledAt: null,
};

const preparing = (overrides: Partial<GuestOrder> = {}) =>
  guestOrder({
    status: 'preparing',
    version: 3,
    times: PREPARING,
    items: [
      guestItem('Smash Burger', {
        quantity: 2,
        status: 'done',
        unitPriceCents: 1450,
        lineTotalCents: 2900,
      }),
      guestItem('Skin-on Fries', { status: 'cooking', unitPriceCents: 750, lineTotalCents: 750 }),
    ],
    ...overrides,
  });

const ready = (from: GuestOrder): GuestOrder => ({
  ...from,
  status: 'ready',
  version: from.version + 1,
  times: { ...from.times, readyAt: '2026-11-24T12:14:00.000Z' },
  items: from.items.map((item) => ({ ...item, status: 'done' })),
});

beforeEach(() => {
  calls = [];
  window.localStorage.clear();
  document.title = 'Ticketrail';
  FakeNotification.permission = 'default';
  FakeNotification.shown = [];
  FakeNotification.asked = 0;
  Object.defineProperty(window, 'Notification', {
    value: FakeNotification,
    configurable: true,
    writable: true,
  });
});

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(window, 'Notification');
});

describe('the stages', () => {
  it('lists every stage in order, with times, and marks the current one', async () => {
    renderPage({ order: preparing() });
    await orderShown();
    const stages = within(progressList()).getAllByRole('listitem');
    expect(stages.map((stage) => stage.textContent?.split(',')[0])).toEqual([
      'Placed',
      'Accepted',
      'Preparing',
      'Ready',
      'Picked up',
    ]);
    expect(currentStage()).toBe(stages[2]);
    expect(stages.filter((stage) => stage.hasAttribute('aria-current'))).toHaveLength(1);
    const times = progressList().querySelectorAll('time');
    expect([...times].map((time) => time.getAttribute('datetime'))).toEqual([
      PREPARING.placedAt,
      PREPARING.acceptedAt,
      PREPARING.preparingAt,
    ]);
    expect(times[1]!.textContent).toBe(stageTime(PREPARING.acceptedAt));
  });

  it('counts ready portions: "2 of 3 ready"', async () => {
    renderPage({ order: preparing() });
    await orderShown();
    expect(screen.getByText('2 of 3 ready')).toBeTruthy();
    expect(screen.getByText('Being prepared')).toBeTruthy();
  });

  it('shows the items and their prices as ordered', async () => {
    renderPage({ order: guestOrder() });
    await orderShown();
    const items = screen.getByRole('region', { name: 'Your order' });
    const text = items.textContent ?? '';
    expect(text).toContain('2×');
    expect(text).toContain('Smash Burger');
    expect(text).toContain('Medium');
    expect(text).toContain('“no pickles”');
    expect(text).toContain('€29.00');
    expect(text).toContain('€14.50 each');
    expect(text).toContain('€36.50');
  });

  it('shows a rejected order with its reason and no stages ahead', async () => {
    renderPage({
      order: guestOrder({
        status: 'rejected',
        times: { ...guestOrder().times, rejectedAt: '2026-11-24T12:02:00.000Z' },
        cancelReason: 'The kitchen is closing early tonight',
      }),
    });
    await orderShown();
    expect(screen.getByRole('heading', { name: 'Order not accepted' })).toBeTruthy();
    expect(screen.getByText('The kitchen is closing early tonight')).toBeTruthy();
    const stages = within(progressList()).getAllByRole('listitem');
    expect(stages).toHaveLength(2);
    expect(currentStage()?.textContent).toContain('Rejected');
    expect(screen.queryByRole('button', { name: /Notify me/ })).toBeNull();
  });

  it('follows the feed, including a recall back to preparing', async () => {
    const start = preparing();
    renderPage({ order: start });
    await orderShown();
    await waitFor(() => expect(feeds()).toHaveLength(1));
    expect(calls.find((call) => call.path === 'orders.live')?.input).toEqual({
      orderId: ORDER_ID,
      token: TOKEN,
      lastEventId: '10',
    });

    const up = ready(start);
    push(up);
    expect(currentStage()?.textContent).toContain('Ready');
    expect(screen.getByRole('heading', { name: 'Your order is ready' })).toBeTruthy();

    push({ ...up, status: 'preparing', version: up.version + 1, times: PREPARING });
    expect(currentStage()?.textContent).toContain('Preparing');
    expect(screen.queryByRole('heading', { name: 'Your order is ready' })).toBeNull();
  });
});

describe('the connection badge', () => {
  it('tells the guest updates are delayed while the server’s bus is down, then Live', async () => {
    renderPage({ order: preparing() });
    await orderShown();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Live'));
    const status = () => calls.findLast((call) => call.path === 'live.status');
    await waitFor(() => expect(status()).toBeDefined());
    act(() => status()?.answer({ bus: 'down' }));
    expect(screen.getByRole('status').textContent).toBe('Updates delayed · may take a few seconds');
    act(() => status()?.answer({ bus: 'up' }));
    expect(screen.getByRole('status').textContent).toBe('Live');
  });
});

describe('a link that does not match an order', () => {
  it('shows "Order not found" for a missing token without asking the server', async () => {
    renderPage({ order: guestOrder() }, { link: `/track/${ORDER_ID}` });
    expect(screen.getByRole('heading', { name: 'Order not found' })).toBeTruthy();
    // Give any query a chance to start: none may.
    await act(() => Promise.resolve());
    expect(calls).toEqual([]);
  });

  it('shows "Order not found" and nothing about any order when the server refuses', async () => {
    renderPage(
      { refuse: 'Order not found. Please check the tracking link.' },
      { link: linkWith('x'.repeat(32)) },
    );
    expect(await screen.findByRole('heading', { name: 'Order not found' })).toBeTruthy();
    expect(calls.map((call) => call.path)).toEqual(['orders.track']);
    const text = document.body.textContent ?? '';
    expect(text).not.toContain('#042');
    expect(text).not.toContain('Aoife');
    expect(window.localStorage.getItem(RECENT_ORDERS_KEY)).toBeNull();
  });

  it('treats a cut-off token as not found too', () => {
    renderPage({ order: guestOrder() }, { link: linkWith('short') });
    expect(screen.getByRole('heading', { name: 'Order not found' })).toBeTruthy();
    expect(calls).toEqual([]);
  });
});

describe('the ready moment', () => {
  it('changes the title, announces it and notifies when the order turns ready', async () => {
    FakeNotification.permission = 'granted';
    const start = preparing();
    renderPage({ order: start });
    await orderShown();
    await waitFor(() => expect(document.title).toBe('#042 · Preparing · Harbour Kitchen'));
    fireEvent.click(screen.getByRole('button', { name: /Notify me when it’s ready/ }));
    await screen.findByText(/We’ll chime and send a notification/);
    expect(FakeNotification.shown).toEqual([]);

    push(ready(start));
    expect(document.title).toBe('Ready! #042 · Harbour Kitchen');
    expect(FakeNotification.shown).toEqual([
      {
        title: 'Order #042 is ready',
        body: 'Collect it at the counter and show number #042. · Harbour Kitchen',
      },
    ]);
    const announced = document.querySelector('[aria-live="polite"].visually-hidden');
    expect(announced?.textContent).toBe(
      'Your order is ready. Collect it at the counter and show number #042.',
    );
  });

  it('asks for notification permission from the button and remembers the choice', async () => {
    renderPage({ order: preparing() });
    await orderShown();
    fireEvent.click(screen.getByRole('button', { name: /Notify me when it’s ready/ }));
    await screen.findByRole('button', { name: 'Turn off' });
    expect(FakeNotification.asked).toBe(1);

    // A reload: the choice is still there.
    cleanup();
    renderPage({ order: preparing() });
    await orderShown();
    expect(screen.getByRole('button', { name: 'Turn off' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Notify me/ })).toBeNull();
  });

  it('does not notify without the guest asking, but still changes the title', async () => {
    FakeNotification.permission = 'granted';
    const start = preparing();
    renderPage({ order: start });
    await orderShown();
    await waitFor(() => expect(feeds()).toHaveLength(1));
    push(ready(start));
    expect(document.title).toBe('Ready! #042 · Harbour Kitchen');
    expect(FakeNotification.shown).toEqual([]);
  });

  it('opening an order that is ready already shows it big but fires nothing', async () => {
    FakeNotification.permission = 'granted';
    window.localStorage.setItem('ticketrail.readyAlerts', JSON.stringify([ORDER_ID]));
    renderPage({ order: ready(preparing()) });
    await orderShown();
    expect(screen.getByRole('heading', { name: 'Your order is ready' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Ready! #042 · Harbour Kitchen'));
    expect(FakeNotification.shown).toEqual([]);
  });

  it('puts the previous title back when the page goes', async () => {
    const view = renderPage({ order: preparing() });
    await orderShown();
    await waitFor(() => expect(document.title).toContain('#042'));
    view.unmount();
    expect(document.title).toBe('Ticketrail');
  });
});

describe('recent orders', () => {
  const stored = () =>
    JSON.parse(window.localStorage.getItem(RECENT_ORDERS_KEY) ?? '[]') as unknown;

  it('remembers the order once the server has answered for it', async () => {
    renderPage({ order: preparing() });
    await orderShown();
    await waitFor(() =>
      expect(stored()).toEqual([
        {
          orderId: ORDER_ID,
          token: TOKEN,
          displayNumber: '#042',
          locationName: 'Harbour Kitchen',
          placedAt: PREPARING.placedAt,
        },
      ]),
    );
  });

  it('does not list an order placed more than two days before now', async () => {
    // The test clock, not the machine's: three days after the order was placed.
    renderPage({ order: preparing() }, { now: new Date('2026-11-27T12:30:00.000Z') });
    await orderShown();
    await waitFor(() => expect(window.localStorage.getItem(RECENT_ORDERS_KEY)).not.toBeNull());
    expect(stored()).toEqual([]);
  });
});
