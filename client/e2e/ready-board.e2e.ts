/**
 * The ready board on a TV-sized screen against a real server: a number moves
 * from Preparing to Ready live as the kitchen bumps it, is ticked once
 * collected and leaves after the location's collected time; and screenshots
 * of a realistic evening, at 1080p and 720p, that must fit without scrolling.
 */
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createApi, signIn, type SignedIn } from './support/api';
import { screenshot, useChromium, type Device } from './support/chromium';
import { KITCHEN, waitLive } from './support/kitchen';
import { DEMO_SLUG, placeOrders } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

const MANAGER = { email: 'manager@harbour.example', password: 'demo-manager' };
const BOARD = `/board/${DEMO_SLUG}`;

type List = 'preparing' | 'ready';

/** A number's tile, optionally only in one list. */
function tile(page: Page, displayNumber: string, list?: List) {
  const scope = list ? `.ready-board__panel--${list} ` : '';
  return page.locator(`${scope}[data-number="${displayNumber}"]`);
}

/** What a list shows, left to right and top to bottom: "#042" or "#042:collected". */
function listed(page: Page, list: List): Promise<string[]> {
  return page.locator(`.ready-board__panel--${list} [data-number]`).evaluateAll((tiles) =>
    tiles.map((element) => {
      const number = element.getAttribute('data-number') ?? '';
      return element.getAttribute('data-state') === 'collected' ? `${number}:collected` : number;
    }),
  );
}

async function setCollectedSeconds(manager: SignedIn, seconds: number): Promise<void> {
  const location = manager.staff.locations.find((candidate) => candidate.slug === DEMO_SLUG);
  if (!location) throw new Error(`The manager does not work at ${DEMO_SLUG}`);
  const { settings } = await manager.api.kitchen.board.query({ locationId: location.id });
  await manager.api.kitchen.updateSettings.mutate({
    locationId: location.id,
    settings: { ...settings, readyBoardCollectedSeconds: seconds },
  });
}

type Placed = Awaited<ReturnType<typeof placeOrders>>[number];

/** An order as the kitchen last left it: what the next move must name. */
interface Moving {
  id: string;
  version: number;
}

const moving = (placed: Placed): Moving => ({ id: placed.order.id, version: placed.order.version });

/** Moves an order on through the kitchen's API, as bumps on the kitchen board would. */
async function bump(
  kitchen: SignedIn,
  order: Moving,
  ...stages: ('accepted' | 'ready' | 'completed')[]
): Promise<Moving> {
  let { version } = order;
  for (const to of stages) {
    ({ version } = await kitchen.api.kitchen.transition.mutate({
      orderId: order.id,
      expectedVersion: version,
      to,
    }));
  }
  return { id: order.id, version };
}

async function openReadyBoard(device: Device) {
  const opened = await chromium.openPage({ baseURL: server.url, device });
  await opened.page.goto(BOARD);
  await waitLive(opened.page);
  return opened;
}

/** Nothing scrolls, and every tile is on the screen in full. */
async function expectFits(page: Page): Promise<void> {
  const layout = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const outside = [...document.querySelectorAll('[data-number], .ready-board__more')].filter(
      (element) => {
        const box = element.getBoundingClientRect();
        return box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth;
      },
    );
    return {
      scrolls: root.scrollHeight > innerHeight || root.scrollWidth > innerWidth,
      outside: outside.map((element) => element.getAttribute('data-number')),
    };
  });
  expect(layout).toEqual({ scrolls: false, outside: [] });
}

describe('the ready board', () => {
  test('shows a number move from Preparing to Ready live, ticked once collected, then gone', async () => {
    const manager = await signIn(server.url, MANAGER.email, MANAGER.password);
    const kitchen = await signIn(server.url, KITCHEN.email, KITCHEN.password);
    const { page, errors, close } = await openReadyBoard('tv');
    try {
      await expect.poll(() => page.title()).toBe('Ready board · Harbour Kitchen');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Harbour Kitchen');
      // Marks this page: if anything below reloaded it, the mark would be gone.
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));
      // Changed while the board is open: it hears the new time live.
      await setCollectedSeconds(manager, 2);

      const [placed] = await placeOrders(createApi(server.url), 1);
      const number = placed!.order.displayNumber;
      let order = await bump(kitchen, moving(placed!), 'accepted');
      await tile(page, number, 'preparing').waitFor({ timeout: 2000 });
      expect(await tile(page, number, 'ready').count()).toBe(0);

      order = await bump(kitchen, order, 'ready');
      await tile(page, number, 'ready').waitFor({ timeout: 2000 });
      expect(await tile(page, number, 'preparing').count()).toBe(0);
      // It just became ready: it draws the eye.
      expect(await tile(page, number, 'ready').getAttribute('data-fresh')).toBe('true');
      await screenshot(page, 'ready-board-just-ready');
      // It pulses, unless the screen asks for less motion: then it is only ringed.
      const animation = () =>
        tile(page, number, 'ready').evaluate((element) => getComputedStyle(element).animationName);
      expect(await animation()).toBe('ready-board-arrive');
      await page.emulateMedia({ reducedMotion: 'reduce' });
      expect(await animation()).toBe('none');
      await page.emulateMedia({ reducedMotion: 'no-preference' });

      await bump(kitchen, order, 'completed');
      const collected = page.locator(`[data-number="${number}"][data-state="collected"]`);
      await collected.waitFor({ timeout: 2000 });
      const seenAt = Date.now();
      expect(await collected.getAttribute('aria-label')).toBe(`${number}, collected`);
      expect(await collected.textContent()).toBe(`✓${number}`);
      await tile(page, number).waitFor({ state: 'detached', timeout: 5000 });
      const lingered = Date.now() - seenAt;
      console.log(`[ready board] collected number shown for ${lingered} ms (setting: 2 s)`);
      // Two seconds by the server's clock, seen on a one-second tick.
      expect(lingered).toBeGreaterThan(900);

      expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
      await setCollectedSeconds(manager, 60);
    }
  });

  test('an evening on a TV: 8 preparing, 6 ready, 2 collected; then 30 numbers at 1080p and 720p', async () => {
    const manager = await signIn(server.url, MANAGER.email, MANAGER.password);
    const kitchen = await signIn(server.url, KITCHEN.email, KITCHEN.password);
    // Numbers collected by the test before belong to an hour ago: only this evening's show.
    await sql`update orders set completed_at = completed_at - interval '1 hour'
              where status = 'completed'`.execute(server.db);
    // Long enough that the collected numbers are still up for the screenshots.
    await setCollectedSeconds(manager, 600);
    const guest = createApi(server.url);
    const placed = await placeOrders(guest, 16, 20);
    for (const order of placed.slice(0, 2)) {
      await bump(kitchen, moving(order), 'accepted', 'ready', 'completed');
    }
    for (const order of placed.slice(2, 7)) await bump(kitchen, moving(order), 'accepted', 'ready');
    const last = await Promise.all(
      placed.slice(7, 16).map((order) => bump(kitchen, moving(order), 'accepted')),
    );
    // Those came up a few minutes ago, as on a real evening: only the next one is fresh.
    await sql`update orders set ready_at = ready_at - interval '4 minutes'
              where ready_at is not null`.execute(server.db);

    const tv = await openReadyBoard('tv');
    try {
      // One more comes up while the room watches: the screenshot catches it fresh.
      await bump(kitchen, last[0]!, 'ready');
      const fresh = placed[7]!.order.displayNumber;
      await tile(tv.page, fresh, 'ready').waitFor();
      const numbers = (from: number, to: number, suffix = '') =>
        placed.slice(from, to).map((order) => `${order.order.displayNumber}${suffix}`);
      expect(await listed(tv.page, 'preparing')).toEqual(numbers(8, 16));
      expect(await listed(tv.page, 'ready')).toEqual([
        ...numbers(0, 2, ':collected'),
        ...numbers(2, 8),
      ]);
      expect(await tv.page.locator('[data-fresh]').evaluateAll((tiles) => tiles.length)).toBe(1);
      expect(await tile(tv.page, fresh).getAttribute('data-fresh')).toBe('true');
      await expectFits(tv.page);
      await screenshot(tv.page, 'ready-board');

      const more = await placeOrders(guest, 14, 40);
      for (const order of more) await bump(kitchen, moving(order), 'accepted');
      await expect.poll(() => tv.page.locator('[data-number]').count()).toBe(30);
      await expectFits(tv.page);
      await screenshot(tv.page, 'ready-board-busy');
      expect(tv.errors).toEqual([]);
    } finally {
      await tv.close();
    }

    const small = await openReadyBoard('tv720');
    try {
      await expect.poll(() => small.page.locator('[data-number]').count()).toBe(30);
      await expectFits(small.page);
      await screenshot(small.page, 'ready-board-720p');
      expect(small.errors).toEqual([]);
    } finally {
      await small.close();
      await setCollectedSeconds(manager, 60);
    }
  });

  test('says so for an address with no restaurant', async () => {
    const { page, close } = await chromium.openPage({ baseURL: server.url, device: 'tv' });
    try {
      await page.goto('/board/nowhere');
      await page.getByRole('heading', { name: 'Location not found' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toContain(
        'There is no ready board at “nowhere”.',
      );
      await screenshot(page, 'ready-board-not-found');
    } finally {
      await close();
    }
  });
});
