/**
 * Every face of the app, in its main states, run through axe-core in a real
 * browser: no critical or serious accessibility violation on the home page,
 * the guest's menu, an item sheet and the checkout on a phone, the tracking
 * page, the ready board with orders at every stage, the kitchen's sign-in, and
 * the kitchen board with tickets, an 86'd item and its 86 panel open, a
 * ticket's details dialog with its reject reasons, and the back office's
 * tables (a rename and a removal's confirm open) and QR cards.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApi, signIn, type SignedIn } from './support/api';
import { expectAccessible } from './support/axe';
import { useChromium } from './support/chromium';
import { openCart, openDish, tableLink, DEMO_TABLE } from './support/guest';
import { BOARD_PATH, KITCHEN, openBoard, waitLive } from './support/kitchen';
import { openBackOffice, QR_PATH } from './support/manage';
import { DEMO_SLUG, placeOrders } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

type Placed = Awaited<ReturnType<typeof placeOrders>>[number];

let kitchen: SignedIn;
let placed: Placed[] = [];
/** Each placed order's version after the moves above: what its next move must name. */
const versions = new Map<string, number>();
/** The first dish of the menu, 86'd for the whole file: its greyed-out looks must read too. */
let offItem = '';

beforeAll(async () => {
  kitchen = await signIn(server.url, KITCHEN.email, KITCHEN.password);
  // Orders at every stage: placed (received), accepted (preparing), ready, and collected.
  placed = await placeOrders(createApi(server.url), 6);
  const stages: ('accepted' | 'ready' | 'completed')[][] = [
    [],
    [],
    ['accepted'],
    ['accepted'],
    ['accepted', 'ready'],
    ['accepted', 'ready', 'completed'],
  ];
  for (const [index, order] of placed.entries()) {
    let { version } = order.order;
    for (const to of stages[index]!) {
      ({ version } = await kitchen.api.kitchen.transition.mutate({
        orderId: order.order.id,
        expectedVersion: version,
        to,
      }));
    }
    versions.set(order.order.id, version);
  }
  const menu = await createApi(server.url).menu.get.query({ locationSlug: DEMO_SLUG });
  const item = menu.categories[0]!.items[0]!;
  offItem = item.name;
  await kitchen.api.menu.setAvailability.mutate({ itemId: item.id, available: false });
});

afterAll(async () => {
  placed = [];
});

describe('accessibility (axe: no critical or serious violations)', () => {
  test('home page', async () => {
    const { page, errors, close } = await chromium.openPage({ baseURL: server.url });
    try {
      await page.goto('/');
      await page.getByRole('heading', { level: 3, name: 'Harbour Kitchen', exact: true }).waitFor();
      await expectAccessible(page, 'home');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('guest menu, item sheet and checkout on a phone', async () => {
    const { page, errors, close } = await chromium.openPage({
      baseURL: server.url,
      device: 'phone',
    });
    try {
      await page.goto(tableLink(DEMO_SLUG, DEMO_TABLE.secret));
      await page.getByText(`Ordering to ${DEMO_TABLE.label}`).waitFor();
      await page.locator('.menu-item--off').filter({ hasText: offItem }).first().waitFor();
      await expectAccessible(page, 'guest menu');

      await openDish(page, 'Smash Burger');
      const dialog = page.getByRole('dialog', { name: 'Smash Burger' });
      await dialog.getByRole('button', { name: /^Add 1/ }).click();
      await dialog.getByText('Choose a size.').waitFor();
      await expectAccessible(page, 'item sheet (with a missing choice)');
      await dialog.getByLabel('Triple patty').check();
      await dialog.getByRole('button', { name: /^Add 1/ }).click();
      await dialog.waitFor({ state: 'detached' });

      const cart = await openCart(page);
      await cart.getByLabel('Name for the order').fill('Axe (e2e)');
      await cart.locator('.totals__total').waitFor();
      await expectAccessible(page, 'checkout');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('tracking page', async () => {
    const { page, errors, close } = await chromium.openPage({
      baseURL: server.url,
      device: 'phone',
    });
    try {
      const order = placed[2]!;
      await page.goto(`/track/${order.order.id}#token=${encodeURIComponent(order.trackingToken)}`);
      await page.getByRole('heading', { name: `Order ${order.order.displayNumber}` }).waitFor();
      await waitLive(page);
      await expectAccessible(page, 'tracking');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('ready board with orders at every stage', async () => {
    const { page, errors, close } = await chromium.openPage({ baseURL: server.url, device: 'tv' });
    try {
      await page.goto(`/board/${DEMO_SLUG}`);
      await waitLive(page);
      await page.locator('.ready-board__panel--ready [data-number]').first().waitFor();
      await expectAccessible(page, 'ready board');
      expect(await page.getByRole('main').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('kitchen sign-in', async () => {
    const { page, errors, close } = await chromium.openPage({ baseURL: server.url });
    try {
      await page.goto('/kitchen');
      await page.getByLabel('Email').waitFor();
      await expectAccessible(page, 'kitchen sign-in');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('kitchen board with tickets, then its 86 panel', async () => {
    const { page, errors, close } = await openBoard(chromium, server.url, { path: BOARD_PATH });
    try {
      await page.locator('.board__column--new [data-ticket]').first().waitFor();
      await page.locator('.board__column--preparing [data-ticket]').first().waitFor();
      await expectAccessible(page, 'kitchen board');
      expect(await page.getByRole('main').count()).toBe(1);
      // Each column's tickets scroll on a busy night: the keyboard can reach them, by name.
      for (const name of ['New', 'Preparing', 'Ready']) {
        const column = page.getByRole('group', { name: new RegExp(`^${name} \\d+ tickets?$`) });
        expect(await column.getAttribute('tabindex')).toBe('0');
      }

      // A busy evening: more tickets than the New column shows, so it scrolls.
      const more = await placeOrders(createApi(server.url), 14, 6);
      await page.locator(`[data-ticket="${more.at(-1)!.order.displayNumber}"]`).waitFor();
      expect(
        await page
          .locator('.board__column--new .board__tickets')
          .evaluate((column) => column.scrollHeight > column.clientHeight),
      ).toBe(true);
      await expectAccessible(page, 'kitchen board with a scrolling column');

      // The ready order collected: an empty column says so.
      const ready = placed[4]!;
      await kitchen.api.kitchen.transition.mutate({
        orderId: ready.order.id,
        expectedVersion: versions.get(ready.order.id)!,
        to: 'completed',
      });
      await page.locator('.board__column--ready .board__empty').waitFor();
      await expectAccessible(page, 'kitchen board with an empty column');

      await page.getByRole('button', { name: '86 items' }).click();
      await page.getByRole('button', { name: `Bring back ${offItem}`, exact: true }).waitFor();
      await expectAccessible(page, 'kitchen board with the 86 panel');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('kitchen board with a ticket’s details open, then its reject reasons', async () => {
    const { page, errors, close } = await openBoard(chromium, server.url, { path: BOARD_PATH });
    try {
      const { displayNumber } = placed[0]!.order;
      await page.getByRole('button', { name: `Details of ${displayNumber}` }).click();
      const dialog = page.getByRole('dialog', { name: `Ticket ${displayNumber}` });
      await dialog.waitFor();
      await expectAccessible(page, 'ticket details');
      await dialog.getByRole('button', { name: 'Reject order…' }).click();
      await dialog.getByRole('button', { name: 'Other…' }).click();
      await dialog.getByRole('textbox', { name: 'Other reason' }).waitFor();
      await expectAccessible(page, 'reject reasons');
      await dialog.getByRole('button', { name: 'Out of an ingredient' }).click();
      await dialog.getByRole('button', { name: `Reject order ${displayNumber}` }).waitFor();
      await expectAccessible(page, 'reject confirm');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('back office: tables, a rename and a removal’s confirm, then the QR cards', async () => {
    const { page, errors, close } = await openBackOffice(chromium, server.url, {
      device: 'tablet',
    });
    try {
      const first = page.locator('.table-row').first();
      await first.waitFor();
      await expectAccessible(page, 'back office tables');
      await first.getByRole('button', { name: /^Rename / }).click();
      await page.getByLabel(/^New name for /).waitFor();
      await expectAccessible(page, 'back office rename');
      await page.keyboard.press('Escape');
      await first.getByRole('button', { name: /^Remove / }).click();
      await first.getByRole('group').waitFor();
      await expectAccessible(page, 'back office remove confirm');

      await page.goto(QR_PATH);
      await page.locator('.qr-card__code').first().waitFor();
      await expectAccessible(page, 'back office QR cards');
      expect(await page.getByRole('main').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('back office: settings, with a message by a field', async () => {
    const { page, errors, close } = await openBackOffice(chromium, server.url, {
      path: `/manage/${DEMO_SLUG}/settings`,
      device: 'tablet',
    });
    try {
      await page.getByLabel('Usual wait').waitFor();
      await expectAccessible(page, 'back office settings');
      await page.getByLabel('Usual wait').fill('0');
      await page.getByText('The usual wait is at least 1 minute.').waitFor();
      await expectAccessible(page, 'back office settings, a refused value');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
