/**
 * The guest's tracking page on a phone, against a real server: it follows the
 * kitchen's bumps live (stage, item count, title, a notification when ready),
 * catches up by itself after the server was down, shows the same after a
 * reload, and says "Order not found" for a wrong link without showing anything
 * of the order.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { transitionOrder } from '@ticketrail/server/testing';
import type { RouterOutputs } from '@ticketrail/server';
import { createApi, signIn, type SignedIn } from './support/api';
import { screenshot, useChromium, type TestPage } from './support/chromium';
import { KITCHEN } from './support/kitchen';
import { DEMO_SLUG, lineFor, orderableItems } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

const LOCATION_NAME = 'Harbour Kitchen';

type Placed = RouterOutputs['orders']['place'];

/** Page errors except the refused socket while the server is down, which is expected. */
const unexpected = (errors: string[]) =>
  errors.filter((error) => !/ERR_CONNECTION_REFUSED|WebSocket/.test(error));

/** A pickup of two burgers' worth and one more thing: three portions on two lines. */
async function placePickup(name: string): Promise<Placed> {
  const guest = createApi(server.url);
  const menu = await guest.menu.get.query({ locationSlug: DEMO_SLUG });
  const [first, second] = orderableItems(menu);
  if (!first || !second) throw new Error('The demo menu has fewer than two orderable items');
  return guest.orders.place.mutate({
    locationSlug: DEMO_SLUG,
    idempotencyKey: randomUUID(),
    guest: { name },
    fulfilment: { type: 'pickup' },
    items: [lineFor(first, 2, 0, 'no onions'), lineFor(second, 1, 1)],
  });
}

/** The link the checkout opens and the home page lists: the token in the fragment. */
const trackingPath = (placed: Placed, token = placed.trackingToken) =>
  `/track/${placed.order.id}#token=${encodeURIComponent(token)}`;

/** A link printed or shared before the token moved to the fragment. */
const oldTrackingPath = (placed: Placed, token = placed.trackingToken) =>
  `/track/${placed.order.id}?token=${encodeURIComponent(token)}`;

/**
 * A phone whose notifications are allowed, with `new Notification(…)` recorded
 * (headless Chromium shows nothing a test could see).
 */
async function openPhone(): Promise<TestPage> {
  const opened = await chromium.openPage({ baseURL: server.url, device: 'phone' });
  await opened.context.grantPermissions(['notifications'], { origin: server.url });
  await opened.context.addInitScript(() => {
    const Original = window.Notification;
    const shown: { title: string; body: string }[] = [];
    function Recording(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body ?? '' });
      return new Original(title, options);
    }
    Object.defineProperty(Recording, 'permission', { get: () => Original.permission });
    Recording.requestPermission = () => Original.requestPermission();
    Object.assign(window, { Notification: Recording, shownNotifications: shown });
  });
  return opened;
}

const shownNotifications = (page: Page) =>
  page.evaluate(() =>
    'shownNotifications' in window ? (window.shownNotifications as unknown[]) : [],
  );

/** The current stage's label, as the progress line marks it. */
const currentStage = (page: Page) =>
  page.locator('[aria-current="step"] .stage__label').evaluate(
    // The label without its screen-reader suffix (", now").
    (label) => label.firstChild?.textContent ?? '',
  );

/** Marks the document, so a test can tell that the page was never reloaded. */
const markDocument = (page: Page) =>
  page.evaluate(() => Object.assign(window, { sameDocument: true }));
const sameDocument = (page: Page) => page.evaluate(() => 'sameDocument' in window);

/**
 * Waits for transitions and one-off animations to finish (the item bar
 * filling, the ready banner's pop), so a screenshot shows where they end.
 */
const settle = (page: Page) =>
  page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getTiming().iterations === Infinity,
      ),
  );

const waitLive = (page: Page) => page.locator('.live-badge--live').waitFor({ timeout: 15_000 });

/** What the page says about the order, to compare before and after a reload. */
const pageState = async (page: Page) => ({
  title: await page.title(),
  stage: await currentStage(page),
  hero: await page.locator('.order-hero').innerText(),
  stages: await page.locator('.stages').innerText(),
  items: await page.locator('.order-lines').innerText(),
});

describe('order tracking', () => {
  test('follows the kitchen live: accepted, preparing with "2 of 3 ready", ready, picked up', async () => {
    const placed = await placePickup('Aoife');
    const { id, displayNumber } = placed.order;
    const kitchen = await signIn(server.url, KITCHEN.email, KITCHEN.password);
    const phone = await openPhone();
    const { page } = phone;
    try {
      await page.goto(trackingPath(placed));
      await waitLive(page);
      await markDocument(page);
      expect(await page.getByRole('heading', { name: `Order ${displayNumber}` }).count()).toBe(1);
      expect(await currentStage(page)).toBe('Placed');
      for (const item of placed.order.items) {
        expect(await page.locator('.order-lines').innerText()).toContain(item.name);
      }

      await page.getByRole('button', { name: /Notify me when it’s ready/ }).click();
      await page.getByText(/We’ll chime and send a notification/).waitFor();

      let version = placed.order.version;
      const move = async (to: 'accepted' | 'ready' | 'completed') => {
        const ticket = await kitchen.api.kitchen.transition.mutate({
          orderId: id,
          expectedVersion: version,
          to,
        });
        version = ticket.version;
      };

      await move('accepted');
      await expect.poll(() => currentStage(page)).toBe('Accepted');
      expect(await page.locator('.hero-progress__text').innerText()).toBe('0 of 3 ready');

      // The two-portion line is done: the order is under way, two of three up.
      const burgers = placed.order.items.find((item) => item.quantity === 2)!;
      const marked = await kitchen.api.kitchen.setItemStatus.mutate({
        orderId: id,
        orderItemId: burgers.id,
        expectedVersion: version,
        status: 'done',
      });
      version = marked.version;
      expect(marked.status).toBe('preparing');
      await expect.poll(() => currentStage(page)).toBe('Preparing');
      await expect
        .poll(() => page.locator('.hero-progress__text').innerText())
        .toBe('2 of 3 ready');
      expect(await page.title()).toBe(`${displayNumber} · Preparing · ${LOCATION_NAME}`);
      await settle(page);
      await screenshot(page, 'tracking-preparing');

      await move('ready');
      await expect.poll(() => page.title()).toBe(`Ready! ${displayNumber} · ${LOCATION_NAME}`);
      expect(await currentStage(page)).toBe('Ready');
      expect(await page.locator('.order-hero').innerText()).toContain('Your order is ready');
      expect(await page.locator('.order-hero').innerText()).toContain(
        `Collect it at the counter and show number ${displayNumber}.`,
      );
      await expect
        .poll(() => shownNotifications(page))
        .toEqual([
          {
            title: `Order ${displayNumber} is ready`,
            body: `Collect it at the counter and show number ${displayNumber}. · ${LOCATION_NAME}`,
          },
        ]);
      await settle(page);
      await screenshot(page, 'tracking-ready');

      await move('completed');
      await expect.poll(() => currentStage(page)).toBe('Picked up');
      expect(await page.title()).toBe(`${displayNumber} · Picked up · ${LOCATION_NAME}`);
      // Every stage reached has its time on the line.
      expect(await page.locator('.stages time').count()).toBe(5);
      await screenshot(page, 'tracking-completed');
      expect(await sameDocument(page)).toBe(true);
      expect(await shownNotifications(page)).toHaveLength(1);
      expect(unexpected(phone.errors)).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  test('catches up by itself after the server was down, and a reload shows the same', async () => {
    const placed = await placePickup('Ciarán');
    const { id, displayNumber } = placed.order;
    const kitchen: SignedIn = await signIn(server.url, KITCHEN.email, KITCHEN.password);
    const phone = await openPhone();
    const { page } = phone;
    try {
      await page.goto(trackingPath(placed));
      await waitLive(page);
      await markDocument(page);
      expect(await currentStage(page)).toBe('Placed');
      await page.getByRole('button', { name: /Notify me when it’s ready/ }).click();
      await page.getByRole('button', { name: 'Turn off' }).waitFor();

      await server.stop();
      await page.locator('.live-badge--reconnecting, .live-badge--offline').waitFor();
      // The kitchen accepts the order while this server is down (say, on another instance).
      const accepted = await transitionOrder(server.db, kitchen.staff, {
        orderId: id,
        expectedVersion: placed.order.version,
        to: 'accepted',
      });
      await server.start();

      await expect.poll(() => currentStage(page), { timeout: 20_000 }).toBe('Accepted');
      await waitLive(page);
      // Live again: the next bump arrives as it happens.
      await kitchen.api.kitchen.transition.mutate({
        orderId: id,
        expectedVersion: accepted.version,
        to: 'ready',
      });
      await expect.poll(() => page.title()).toBe(`Ready! ${displayNumber} · ${LOCATION_NAME}`);
      await expect.poll(async () => (await shownNotifications(page)).length).toBe(1);
      expect(await sameDocument(page)).toBe(true);

      const before = await pageState(page);
      await page.reload();
      await waitLive(page);
      expect(await sameDocument(page)).toBe(false);
      expect(await pageState(page)).toEqual(before);
      // Opening an order that was ready already does not ring again.
      expect(await shownNotifications(page)).toEqual([]);
      expect(unexpected(phone.errors)).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  test('a rejected order says so with the reason, and the line stops there (desktop)', async () => {
    const placed = await placePickup('Tomás');
    const kitchen = await signIn(server.url, KITCHEN.email, KITCHEN.password);
    const desktop = await chromium.openPage({ baseURL: server.url });
    const { page } = desktop;
    try {
      await page.goto(trackingPath(placed));
      await waitLive(page);
      await kitchen.api.kitchen.transition.mutate({
        orderId: placed.order.id,
        expectedVersion: placed.order.version,
        to: 'rejected',
        reason: 'The kitchen is closing early tonight',
      });
      await page.getByRole('heading', { name: 'Order not accepted' }).waitFor();
      const hero = await page.locator('.order-hero').innerText();
      expect(hero).toContain('The kitchen is closing early tonight');
      expect(await currentStage(page)).toBe('Rejected');
      expect(await page.locator('.stages li').count()).toBe(2);
      expect(await page.getByRole('button', { name: /Notify me/ }).count()).toBe(0);
      await screenshot(page, 'tracking-rejected');
      expect(unexpected(desktop.errors)).toEqual([]);
    } finally {
      await desktop.close();
    }
  });

  test('an old ?token= link still works: the token moves to the fragment, with no reload', async () => {
    const placed = await placePickup('Saoirse');
    const phone = await chromium.openPage({ baseURL: server.url, device: 'phone' });
    const { page } = phone;
    const documents: string[] = [];
    /** Every API request: its address and the Referer it carried, where a token must not be. */
    const sent: Promise<string>[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'document') documents.push(request.url());
      else if (new URL(request.url()).pathname.startsWith('/trpc')) {
        sent.push(
          request.headerValue('referer').then((referer) => `${request.url()} ${referer ?? ''}`),
        );
      }
    });
    try {
      await page.goto(oldTrackingPath(placed));
      await page.getByRole('heading', { name: `Order ${placed.order.displayNumber}` }).waitFor();
      await waitLive(page);
      const address = new URL(page.url());
      expect(address.search).toBe('');
      expect(address.hash).toBe(`#token=${encodeURIComponent(placed.trackingToken)}`);
      // The address was replaced in place: one document load, and no API
      // request carried the token in its address or its Referer.
      expect(documents).toHaveLength(1);
      const requests = await Promise.all(sent);
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((request) => request.includes(placed.trackingToken))).toEqual([]);
      expect(unexpected(phone.errors)).toEqual([]);
      // Replaced, not pushed: Back leaves the page rather than going to the old address.
      await page.goBack();
      expect(page.url()).toBe('about:blank');
    } finally {
      await phone.close();
    }
  });

  test('a wrong or missing token shows "Order not found" and nothing of the order', async () => {
    const placed = await placePickup('Maeve');
    const phone = await chromium.openPage({ baseURL: server.url, device: 'phone' });
    const { page } = phone;
    try {
      const wrong = `${placed.trackingToken.slice(0, -4)}AAAA`;
      expect(wrong).not.toBe(placed.trackingToken);
      for (const path of [
        trackingPath(placed, wrong),
        oldTrackingPath(placed, wrong),
        `/track/${placed.order.id}`,
      ]) {
        await page.goto(path);
        await page.getByRole('heading', { name: 'Order not found' }).waitFor();
        const text = await page.locator('body').innerText();
        expect(text).not.toContain(placed.order.displayNumber);
        expect(text).not.toContain(placed.order.guestName);
        for (const item of placed.order.items) expect(text).not.toContain(item.name);
        expect(await page.title()).not.toContain(placed.order.displayNumber);
      }
      await page.goto(trackingPath(placed, wrong));
      await page.getByRole('heading', { name: 'Order not found' }).waitFor();
      await screenshot(page, 'tracking-not-found');
      // The refused snapshot query is the only error the browser saw.
      expect(phone.errors.every((error) => /status of 404/.test(error))).toBe(true);
    } finally {
      await phone.close();
    }
  });
});
