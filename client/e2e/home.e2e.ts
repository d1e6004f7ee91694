/**
 * Smoke test of the whole stack: the server serves the built app, the app
 * boots in a real browser, and it lists the demo restaurants through tRPC.
 */
import { describe, expect, test } from 'vitest';
import { screenshot, useChromium } from './support/chromium';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

describe('home page', () => {
  test('the built app renders and lists the demo restaurants', async () => {
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
      expect(await restaurants.getByRole('listitem').count()).toBe(2);
      expect(
        await restaurants.getByRole('link', { name: 'See the menu' }).first().getAttribute('href'),
      ).toBe('/l/harbour-kitchen');

      await screenshot(page, 'home');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
