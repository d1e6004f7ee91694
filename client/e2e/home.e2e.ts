/**
 * The front door: the built app boots in a real browser, lists the demo
 * restaurants through tRPC with a link to every face of each, shows the demo
 * logins (they work), and a guest's recent order once they have one.
 */
import { describe, expect, test } from 'vitest';
import { createApi } from './support/api';
import { screenshot, useChromium } from './support/chromium';
import { sheetStepGone } from './support/guest';
import { DEMO_SLUG, placeOrders } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

describe('home page', () => {
  test('lists each restaurant with its menu, table QR entry, ready board, kitchen board and back office', async () => {
    const { page, errors, close } = await chromium.openPage({ baseURL: server.url });
    try {
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);

      // "Ticketrail" alone is the app's heading; the server's not-built page says more.
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Ticketrail');
      const restaurants = page.getByRole('region', { name: 'Our restaurants' });
      await restaurants
        .getByRole('heading', { level: 3, name: 'Harbour Kitchen', exact: true })
        .waitFor();
      expect(
        await restaurants
          .getByRole('listitem')
          .filter({ has: page.locator('h3') })
          .count(),
      ).toBe(2);
      const links = await restaurants
        .getByRole('listitem')
        .first()
        .getByRole('link')
        .evaluateAll((anchors) => anchors.map((a) => [a.textContent, a.getAttribute('href')]));
      expect(links).toEqual([
        ['See the menu', `/l/${DEMO_SLUG}`],
        ['Table 1’s QR code', expect.stringMatching(new RegExp(`^/l/${DEMO_SLUG}\\?table=\\w+`))],
        ['Ready board', `/board/${DEMO_SLUG}`],
        ['Kitchen board', `/kitchen/${DEMO_SLUG}`],
        ['Back office', `/manage/${DEMO_SLUG}`],
      ]);

      // The table link is one the server knows.
      await page.getByRole('link', { name: 'Table 1’s QR code' }).first().click();
      await page.getByText('Ordering to Table 1').waitFor();
      await screenshot(page, 'menu-desktop', { fullPage: false });
      await page.locator('.menu-item__open').filter({ hasText: 'Smash Burger' }).click();
      await page.getByRole('dialog', { name: 'Smash Burger' }).waitFor();
      await screenshot(page, 'menu-item-desktop', { fullPage: false });
      await page.getByRole('button', { name: 'Close' }).click();
      await sheetStepGone(page);
      await page.goto('/');

      const demo = page.getByRole('region', { name: 'Try it with the demo logins' });
      await demo.getByText('kitchen@harbour.example', { exact: true }).waitFor();
      expect(await demo.getByText('demo-kitchen', { exact: true }).count()).toBe(1);
      await screenshot(page, 'home');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('a guest who tracked an order finds it again from the home page', async () => {
    const { page, errors, close } = await chromium.openPage({
      baseURL: server.url,
      device: 'phone',
    });
    try {
      const [placed] = await placeOrders(createApi(server.url), 1);
      const href = `/track/${placed!.order.id}#token=${encodeURIComponent(placed!.trackingToken)}`;
      await page.goto(href);
      await page.getByText(placed!.order.displayNumber).first().waitFor();

      await page.goto('/');
      const recent = page.getByRole('region', { name: 'Your recent orders' });
      const link = recent.getByRole('link', {
        name: new RegExp(`^${placed!.order.displayNumber}`),
      });
      expect(await link.getAttribute('href')).toBe(href);
      await screenshot(page, 'home-phone', { fullPage: false });
      await link.click();
      await page.waitForURL(`**${href}`);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
