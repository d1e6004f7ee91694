/**
 * The ready board in a rush against a real server (issue 13): dozens of
 * orders placed and not yet accepted show under "Received", so a guest who
 * just ordered finds their number at once, live; when the kitchen takes an
 * order on, its number moves to "Preparing". Numbers only, and it all fits a
 * TV without scrolling (screenshot: ready-board-received).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createApi, signIn } from './support/api';
import { screenshot, useChromium } from './support/chromium';
import { KITCHEN, waitLive } from './support/kitchen';
import { DEMO_SLUG, placeOrders } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

type List = 'received' | 'preparing' | 'ready';

function listed(page: Page, list: List): Promise<string[]> {
  return page
    .locator(`.ready-board__panel--${list} [data-number]`)
    .evaluateAll((tiles) => tiles.map((element) => element.getAttribute('data-number') ?? ''));
}

describe('the ready board in a rush', () => {
  test('shows 60 orders waiting to be accepted under Received, the newest live, and moves one on when accepted', async () => {
    const kitchen = await signIn(server.url, KITCHEN.email, KITCHEN.password);
    const guest = createApi(server.url);
    const waiting = await placeOrders(guest, 59);
    // A few the kitchen has already taken on, two of them done.
    let version = 0;
    for (const [at, placed] of waiting.slice(0, 5).entries()) {
      ({ version } = await kitchen.api.kitchen.transition.mutate({
        orderId: placed.order.id,
        expectedVersion: placed.order.version,
        to: 'accepted',
      }));
      if (at < 2) {
        await kitchen.api.kitchen.transition.mutate({
          orderId: placed.order.id,
          expectedVersion: version,
          to: 'ready',
        });
      }
    }

    const { page, errors, close } = await chromium.openPage({ baseURL: server.url, device: 'tv' });
    try {
      await page.goto(`/board/${DEMO_SLUG}`);
      await waitLive(page);
      const numbers = (from: number, to: number) =>
        waiting.slice(from, to).map((placed) => placed.order.displayNumber);
      expect(await listed(page, 'received')).toEqual(numbers(5, 59));
      expect(await listed(page, 'preparing')).toEqual(numbers(2, 5));
      expect(await listed(page, 'ready')).toEqual(numbers(0, 2));
      expect(await page.getByText('Nothing in the kitchen right now').count()).toBe(0);

      // The guest who orders now finds their number straight away: live, no reload.
      const [mine] = await placeOrders(guest, 1, 59);
      const number = mine!.order.displayNumber;
      const tile = page.locator(`.ready-board__panel--received [data-number="${number}"]`);
      await tile.waitFor({ timeout: 2000 });
      expect(await tile.getAttribute('aria-label')).toBe(`${number}, received`);
      expect(await tile.getAttribute('data-state')).toBe('received');
      expect(await listed(page, 'received')).toHaveLength(55);

      // Numbers and stages only: no guest's name on the screen.
      const text = (await page.locator('.ready-board__lists').textContent()) ?? '';
      expect(text).not.toMatch(/Aoife|Ciarán|Maeve|Tomás|Niamh|Oisín|Saoirse|Darragh/);

      const layout = await page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        const outside = [...document.querySelectorAll('[data-number], .ready-board__more')].filter(
          (element) => {
            const box = element.getBoundingClientRect();
            return (
              box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth
            );
          },
        );
        return {
          scrolls: root.scrollHeight > innerHeight || root.scrollWidth > innerWidth,
          outside: outside.length,
        };
      });
      expect(layout).toEqual({ scrolls: false, outside: 0 });
      await screenshot(page, 'ready-board-received');

      // The kitchen takes it on: it moves from Received to Preparing.
      await kitchen.api.kitchen.transition.mutate({
        orderId: mine!.order.id,
        expectedVersion: mine!.order.version,
        to: 'accepted',
      });
      await page
        .locator(`.ready-board__panel--preparing [data-number="${number}"]`)
        .waitFor({ timeout: 2000 });
      expect(await tile.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
