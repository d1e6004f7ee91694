/**
 * The back office's Settings in a real browser against a real server (issue
 * 14): a setting the operator locked in the environment shows as locked and
 * cannot be edited; switching off delivery and turning on busy mode reach a
 * guest's open menu live; a location closed by its hours tells the guest when
 * it opens, and the server refuses an order with the same plain words.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createApi } from './support/api';
import { expectAccessible } from './support/axe';
import { screenshot, useChromium } from './support/chromium';
import { openCart, openDish } from './support/guest';
import { openBackOffice } from './support/manage';
import { DEMO_SLUG } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

// The operator fixes the currency for the whole installation.
/** The server's clock: the real one, unless a test fixes what "now" is. */
let fixedNow: Date | null = null;
const server = useTicketrail({
  lockEnv: { TICKETRAIL_LOCK_CURRENCY: 'EUR' },
  now: () => fixedNow ?? new Date(),
});
const chromium = useChromium();

const SETTINGS_PATH = `/manage/${DEMO_SLUG}/settings`;

/** A dish that needs no choices, from the menu as guests read it. */
async function simpleDish() {
  const menu = await createApi(server.url).menu.get.query({ locationSlug: DEMO_SLUG });
  const dish = menu.categories
    .flatMap((category) => [category, ...category.children])
    .flatMap((section) => section.items)
    .find((item) => item.optionGroups.length === 0 && item.available && !item.soldOut);
  if (!dish) throw new Error('The demo menu has no dish without options');
  return dish;
}

/** The settings field of one setting. */
const field = (page: Page, name: string) => page.locator(`[data-setting="${name}"]`);

describe('the back office’s settings', () => {
  test('a locked setting reads as such; others say where they come from', async () => {
    const { page, errors, close } = await openBackOffice(chromium, server.url, {
      path: SETTINGS_PATH,
      device: 'desktop',
    });
    try {
      await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Back office' });
      expect(await nav.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe(
        'page',
      );
      const currency = page.getByLabel('Currency');
      await currency.waitFor();
      expect(await currency.getAttribute('readonly')).not.toBeNull();
      await field(page, 'currency').getByText('Locked by the operator').waitFor();
      await field(page, 'currency')
        .getByText('Set by the operator; it cannot be changed here.')
        .waitFor();
      expect(await field(page, 'currency').getByRole('button').count()).toBe(0);
      // The demo location's own time zone, moved from its old column: "Set here".
      await field(page, 'timezone').getByText('Set here').waitFor();
      await field(page, 'busyExtraMinutes').getByText('Built-in default').waitFor();
      await screenshot(page, 'manage-settings-laptop');
      await expectAccessible(page, 'settings page (laptop)');

      // A mistake is said by the field before anything is sent.
      await page.getByLabel('Ticket turns amber after').fill('30');
      await field(page, 'lateAfterMinutes')
        .getByText('The amber threshold comes before the red one.')
        .waitFor();
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Some settings need a look').waitFor();
      await page.getByRole('button', { name: 'Discard changes' }).click();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('switching off delivery and busy mode reach a guest’s open menu live', async () => {
    const guest = await chromium.openPage({ baseURL: server.url, device: 'phone' });
    const manager = await openBackOffice(chromium, server.url, {
      path: SETTINGS_PATH,
      device: 'tablet',
    });
    try {
      await guest.page.goto(`/l/${DEMO_SLUG}`);
      await guest.page.getByText('Ready in about 20 min').waitFor();

      const { page } = manager;
      await page.getByLabel('Busy mode: extra wait').fill('15');
      await page
        .getByRole('group', { name: 'Order types offered' })
        .getByLabel('Delivery')
        .uncheck();
      await field(page, 'orderTypes').getByText('Changed, not saved yet').waitFor();
      await screenshot(page, 'manage-settings-tablet-unsaved');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Settings saved.').waitFor();
      await field(page, 'busyExtraMinutes').getByText('Set here').waitFor();
      await expectAccessible(page, 'settings page (tablet, saved)');

      // The guest's page follows without a reload.
      await guest.page.getByText('Ready in about 35 min — we’re busy').waitFor();
      // Checkout offers only what the restaurant takes now: pickup (no table, no delivery).
      const dish = await simpleDish();
      await openDish(guest.page, dish.name);
      await guest.page
        .getByRole('dialog', { name: dish.name })
        .getByRole('button', { name: /^Add 1/ })
        .click();
      const cart = await openCart(guest.page);
      const choices = cart.getByRole('group', { name: 'How would you like it?' });
      await choices.getByLabel(/^Pickup/).waitFor();
      expect(await choices.getByRole('radio').count()).toBe(1);
      await screenshot(guest.page, 'guest-checkout-busy-no-delivery', { fullPage: false });
      expect(guest.errors).toEqual([]);
    } finally {
      await guest.close();
      await manager.close();
    }
  });

  test('a location closed by its hours says when it opens, and the server refuses in plain words', async () => {
    const manager = await openBackOffice(chromium, server.url, { path: SETTINGS_PATH });
    const guest = await chromium.openPage({ baseURL: server.url, device: 'phone' });
    try {
      // A Tuesday morning in Dublin, for the server and the guest's page alike: closed every
      // day, except Wednesday from noon. (The manager signed in on the real clock, earlier.)
      fixedNow = new Date('2026-11-24T10:00:00Z');
      await guest.page.clock.setFixedTime(fixedNow);
      const api = manager.staff.api;
      const locationId = manager.staff.staff.locations[0]!.id;
      const view = await api.settings.get.query({ locationId });
      const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
      await api.settings.update.mutate({
        locationId,
        version: view.versions.location,
        values: {
          openingHours: closed,
          hoursExceptions: [
            {
              date: '2026-11-25',
              hours: [{ opens: '12:00', closes: '22:00' }],
              note: 'Open day',
            },
          ],
        },
      });
      const words = 'Harbour Kitchen is closed now. It opens tomorrow at 12:00.';

      await guest.page.goto(`/l/${DEMO_SLUG}`);
      await guest.page.getByText(`${words} You can still look at the menu.`).waitFor();
      await screenshot(guest.page, 'guest-menu-closed', { fullPage: false });

      const item = await simpleDish();
      const refused = await createApi(server.url)
        .orders.place.mutate({
          locationSlug: DEMO_SLUG,
          idempotencyKey: crypto.randomUUID(),
          guest: { name: 'Closed (e2e)' },
          fulfilment: { type: 'pickup' },
          items: [{ itemId: item.id, quantity: 1, optionIds: [] }],
        })
        .then(
          () => null,
          (error: unknown) => error as { message: string; data?: { code?: string } },
        );
      expect(refused?.message).toBe(words);
      expect(refused?.data?.code).toBe('PRECONDITION_FAILED');

      // The settings page shows the hours as saved, and where they come from.
      await manager.page.reload();
      await field(manager.page, 'openingHours').getByText('Set here').waitFor();
      await screenshot(manager.page, 'manage-settings-hours');
      await expectAccessible(manager.page, 'settings page (hours and exceptions)');
      expect(guest.errors).toEqual([]);
    } finally {
      fixedNow = null;
      await guest.close();
      await manager.close();
    }
  });
});
