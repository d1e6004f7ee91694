/**
 * What a guest's phone downloads for the menu (issue 13), checked in the
 * budgets that do not depend on time: the JavaScript's size as served
 * (compressed), that the kitchen board and zod stay out of it, and that the
 * menu comes with the page instead of by a request after the app started.
 * (How long it takes on a weak signal is `pnpm bench guest-load`.)
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createApi, signIn } from './support/api';
import { screenshot, useChromium } from './support/chromium';
import { openDish } from './support/guest';
import { DEMO_SLUG } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

/**
 * The menu page's JavaScript, compressed, every file it loads included.
 * Issue 13 aims at 80 KB; React DOM alone is 47 KB of it, and React, TanStack
 * Router and Query and tRPC (the design card) come to about 100 KB. This holds
 * what was reached (about 109 KB, from 137 KB), plus what issue 14 gave the
 * guest (about 4 KB: opening hours and the busy quote, dish photos, live menu
 * edits, the upload link in the shared client): zod coming back into the
 * menu's chunks (+22 KB), or any face's code leaking into it, fails here.
 */
const MENU_JS_BUDGET_BYTES = 114_000;

/** JavaScript files the page fetched, with their bodies' size as sent (compressed). */
function scriptsLoaded(page: Page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry): entry is PerformanceResourceTiming => 'encodedBodySize' in entry)
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => ({ path: new URL(entry.name).pathname, bytes: entry.encodedBodySize })),
  );
}

/** Every request the page makes, from the first one on. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return requests;
}

const isMenuGet = (request: Request) => new URL(request.url()).pathname.includes('menu.get');

describe('the menu page’s download', () => {
  test('fits the JavaScript budget, without the kitchen board or zod', async () => {
    const { page, errors, close } = await chromium.openPage({
      baseURL: server.url,
      device: 'phone',
    });
    try {
      const requests = recordRequests(page);
      await page.goto(`/l/${DEMO_SLUG}`);
      await page.getByRole('heading', { name: 'Harbour Kitchen', level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');

      const scripts = await scriptsLoaded(page);
      const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
      // Served compressed: each file's body is smaller than the file.
      expect(scripts.every((script) => script.bytes > 0)).toBe(true);
      expect(total, JSON.stringify(scripts, null, 1)).toBeLessThanOrEqual(MENU_JS_BUDGET_BYTES);
      const paths = requests.map((request) => new URL(request.url()).pathname);
      expect(paths.filter((path) => /\/KitchenRoute-/.test(path))).toEqual([]);
      expect(paths.filter((path) => /\/schemas-/.test(path))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('the menu comes with the page: no menu.get, and it still changes live', async () => {
    const { page, errors, close } = await chromium.openPage({
      baseURL: server.url,
      device: 'phone',
    });
    try {
      const requests = recordRequests(page);
      const response = await page.goto(`/l/${DEMO_SLUG}`);
      const html = (await response?.text()) ?? '';
      const embedded =
        /<script type="application\/json" id="ticketrail-first-page">(.*?)<\/script>/s.exec(html);
      expect(embedded, 'the page carries its menu').not.toBeNull();
      const { menu } = JSON.parse(embedded?.[1] ?? '{}') as {
        menu: { slug: string; data: { categories: { items: { name: string }[] }[] } };
      };
      expect(menu.slug).toBe(DEMO_SLUG);
      const firstDish = menu.data.categories[0]?.items[0]?.name ?? '';
      expect(firstDish).not.toBe('');

      await page.getByText(firstDish).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(requests.filter(isMenuGet)).toEqual([]);

      // The live feed follows on from the embedded menu: an 86 shows without a reload.
      const kitchen = await signIn(server.url, 'kitchen@harbour.example', 'demo-kitchen');
      const full = await createApi(server.url).menu.get.query({ locationSlug: DEMO_SLUG });
      const dish = full.categories[0]?.items[0];
      if (!dish) throw new Error('The demo menu has no first dish');
      await kitchen.api.menu.setAvailability.mutate({ itemId: dish.id, available: false });
      await page
        .locator('.menu-item__open')
        .filter({ hasText: firstDish })
        .filter({ hasText: 'Not available right now' })
        .waitFor();
      await kitchen.api.menu.setAvailability.mutate({ itemId: dish.id, available: true });
      expect(requests.filter(isMenuGet)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('the menu reads before the app runs, the same dishes as the app then shows', async () => {
    /** What a guest reads: each section and its dishes, prices and notes, in order. */
    const readMenu = (page: Page) =>
      page.locator('.menu-section').evaluateAll((sections) =>
        sections.map((section) => ({
          section: section.querySelector('h2')?.textContent,
          dishes: [...section.querySelectorAll('.menu-item')].map((item) =>
            [
              item.querySelector('.menu-item__name')?.textContent,
              item.querySelector('.price')?.textContent,
              item.querySelector('.tags')?.textContent,
            ].join(' | '),
          ),
        })),
      );

    // No JavaScript at all: what the page shows while the scripts are on their way.
    const context = await chromium.browser.newContext({
      baseURL: server.url,
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      locale: 'en-IE',
    });
    let before;
    try {
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (message) => violations.push(message.text()));
      await page.goto(`/l/${DEMO_SLUG}`);
      await page.getByRole('heading', { name: 'Harbour Kitchen', level: 1 }).waitFor();
      before = await readMenu(page);
      // Styled by the stylesheet in the page (allowed by its hash): name and price on one line.
      const head = await page
        .locator('.menu-item__head')
        .first()
        .evaluate((element) => getComputedStyle(element).display);
      expect(head).toBe('flex');
      expect(violations.filter((text) => /Content Security Policy/.test(text))).toEqual([]);
      await screenshot(page, 'guest-menu-before-scripts', { fullPage: false });
    } finally {
      await context.close();
    }
    expect(before.length).toBeGreaterThan(3);

    const { page, errors, close } = await chromium.openPage({
      baseURL: server.url,
      device: 'phone',
    });
    try {
      await page.goto(`/l/${DEMO_SLUG}`);
      // The app has taken over when the dishes are buttons.
      await page.locator('button.menu-item__open').first().waitFor();
      expect(await readMenu(page)).toEqual(before);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('the cart and its checkout (with zod) load once the guest adds a dish', async () => {
    const { page, errors, close } = await chromium.openPage({
      baseURL: server.url,
      device: 'phone',
    });
    try {
      const requests = recordRequests(page);
      await page.goto(`/l/${DEMO_SLUG}`);
      await openDish(page, 'Skinny fries');
      await page
        .getByRole('dialog', { name: 'Skinny fries' })
        .getByRole('button', { name: /^Add 1/ })
        .click();
      await page.getByRole('button', { name: /^View order/ }).click();
      await page.getByRole('dialog', { name: /^Your order/ }).waitFor();
      await page.getByLabel('Name for the order').waitFor();
      const paths = requests.map((request) => new URL(request.url()).pathname);
      expect(paths.some((path) => /\/schemas-/.test(path))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('a location that does not exist gets the page without a menu, which says so', async () => {
    const { page, errors, close } = await chromium.openPage({ baseURL: server.url });
    try {
      const requests = recordRequests(page);
      const response = await page.goto('/l/nowhere-at-all');
      expect(await response?.text()).not.toContain('ticketrail-first-page"');
      await page.getByText(/There is no restaurant/).waitFor();
      expect(requests.filter(isMenuGet)).toHaveLength(1);
      // The menu's answer (404) is the one error the console shows.
      expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
    } finally {
      await close();
    }
  });
});
