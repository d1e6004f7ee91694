/**
 * The kitchen board in a real browser against a real server: tickets arrive
 * live, bumps reach every open board, a conflicting bump rolls back with a
 * message, recall and 86 work from the board, and the board survives a
 * server restart without a reload.
 */
import { describe, expect, test } from 'vitest';
import { placeOrderInputSchema } from '@ticketrail/shared';
import { placeOrder } from '@ticketrail/server/testing';
import { createApi } from './support/api';
import { screenshot, useChromium } from './support/chromium';
import { BOARD_PATH, columnNumbers, KITCHEN, openBoard, ticket, waitLive } from './support/kitchen';
import { demoOrder, DEMO_SLUG, placeOrders } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

/** Page errors except the refused socket while the server is down, which is expected. */
const unexpected = (errors: string[]) =>
  errors.filter((error) => !/ERR_CONNECTION_REFUSED|WebSocket/.test(error));

describe('kitchen board', () => {
  test('signs in, and an order placed through the API appears within a second', async () => {
    const { page, errors, close } = await chromium.openPage({ baseURL: server.url });
    try {
      await page.goto('/kitchen');
      await page.getByLabel('Email').fill(KITCHEN.email);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /password/i })
        .waitFor();

      await page.getByLabel('Password').fill(KITCHEN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // One location: straight to its board.
      await page.waitForURL(`**${BOARD_PATH}`);
      await waitLive(page);
      expect(await page.locator('.board__column--new .board__empty').textContent()).toBe(
        'No tickets',
      );

      const guest = createApi(server.url);
      const menu = await guest.menu.get.query({ locationSlug: DEMO_SLUG });
      const [placed] = await placeOrders(guest, 1);
      const started = Date.now();
      await ticket(page, placed!.order.displayNumber, 'new').waitFor({ timeout: 1000 });
      console.log(
        `[kitchen] ticket on the board ${Date.now() - started} ms after the API answered`,
      );

      const card = ticket(page, placed!.order.displayNumber);
      // The text as written, not as CSS shows it (some labels are upper-cased).
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(placed!.order.guestName);
      for (const item of placed!.order.items) expect(text).toContain(item.name);
      expect(text).toMatch(/0:0\d/); // the timer runs from when it was placed
      const input = demoOrder(menu, 0);
      expect(input.fulfilment.type).toBe('dine_in');
      expect(text).toContain('Table 1');
      // The one refused sign-in above is the only error the browser saw.
      expect(unexpected(errors)).toEqual([expect.stringMatching(/status of 401 .*auth\.login/)]);
    } finally {
      await close();
    }
  });

  test('a bump with the keyboard moves the ticket on a second open board too', async () => {
    const first = await openBoard(chromium, server.url);
    const second = await openBoard(chromium, server.url);
    try {
      const [placed] = await placeOrders(createApi(server.url), 1, 1);
      const number = placed!.order.displayNumber;
      await ticket(first.page, number, 'new').waitFor();
      await ticket(second.page, number, 'new').waitFor();

      // Select it with the digit of its place in the column, then Enter: accepted.
      const place = (await columnNumbers(first.page, 'new')).indexOf(number) + 1;
      await first.page.locator('.board__column--new').click({ position: { x: 5, y: 5 } });
      await first.page.keyboard.press('ArrowLeft');
      await first.page.keyboard.press(String(place));
      await expect
        .poll(() => first.page.locator('.ticket--selected').getAttribute('data-ticket'))
        .toBe(number);
      await first.page.keyboard.press('Enter');
      await ticket(first.page, number, 'preparing').waitFor();
      await ticket(second.page, number, 'preparing').waitFor({ timeout: 2000 });
      expect(await ticket(second.page, number, 'new').count()).toBe(0);

      // Tapping an item on the second board marks it done on the first.
      const firstItem = ticket(second.page, number).locator('.ticket-item__tap').first();
      await firstItem.click();
      await expect
        .poll(() =>
          ticket(first.page, number)
            .locator('.ticket-item__tap')
            .first()
            .getAttribute('aria-pressed'),
        )
        .toBe('true');
      expect(unexpected([...first.errors, ...second.errors])).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }
  });

  test('a bump another screen beat us to rolls back with a message', async () => {
    const slow = await openBoard(chromium, server.url, { interceptFeed: true });
    try {
      const [placed] = await placeOrders(createApi(server.url), 1, 2);
      const number = placed!.order.displayNumber;
      await ticket(slow.page, number, 'new').waitFor();

      // This board stops hearing the server; another screen accepts the order.
      slow.feed!.hold();
      await slow.staff.api.kitchen.transition.mutate({
        orderId: placed!.order.id,
        expectedVersion: 1,
        to: 'accepted',
      });
      await ticket(slow.page, number, 'new').locator('.ticket__bump').click();

      const notice = slow.page
        .locator('.kitchen-notice')
        .filter({ hasText: 'changed on another screen' });
      await notice.waitFor();
      expect(await notice.textContent()).toContain(`Order ${placed!.order.number}`);
      // Rolled back to what this board knew: still new.
      await ticket(slow.page, number, 'new').waitFor();

      // The held news arrives: the ticket is where the other screen put it.
      slow.feed!.release();
      await ticket(slow.page, number, 'preparing').waitFor();
      expect(await ticket(slow.page, number).count()).toBe(1);
    } finally {
      await slow.close();
    }
  });

  test('a ticket bumped off the board comes back with R (recall)', async () => {
    const board = await openBoard(chromium, server.url);
    try {
      const [placed] = await placeOrders(createApi(server.url), 1, 3);
      const { id, displayNumber } = placed!.order;
      await board.staff.api.kitchen.transition.mutate({
        orderId: id,
        expectedVersion: 1,
        to: 'accepted',
      });
      await board.staff.api.kitchen.transition.mutate({
        orderId: id,
        expectedVersion: 2,
        to: 'ready',
      });
      const card = ticket(board.page, displayNumber, 'ready');
      await card.waitFor();
      await card.locator('.ticket__bump').click();
      await card.waitFor({ state: 'detached' });

      const recall = board.page.getByRole('button', { name: `Recall ${displayNumber}` });
      await recall.waitFor();
      await board.page.keyboard.press('r');
      await ticket(board.page, displayNumber, 'ready').waitFor();
      // On screen at once; on the server once the recall lands.
      await expect
        .poll(async () => {
          const open = await board.staff.api.kitchen.board.query({
            locationId: board.staff.staff.locations[0]!.id,
          });
          return open.tickets.find((candidate) => candidate.id === id)?.status;
        })
        .toBe('ready');
      expect(unexpected(board.errors)).toEqual([]);
    } finally {
      await board.close();
    }
  });

  test('an item 86ed from the board goes off an open menu page at once', async () => {
    const board = await openBoard(chromium, server.url);
    const guest = await chromium.openPage({ baseURL: server.url, device: 'phone' });
    try {
      await guest.page.goto(`/l/${DEMO_SLUG}`);
      await waitLive(guest.page);
      const menu = await createApi(server.url).menu.get.query({ locationSlug: DEMO_SLUG });
      const item = menu.categories[0]!.items[0]!;
      const onMenu = guest.page.locator('.menu-item').filter({ hasText: item.name }).first();
      expect(await onMenu.getAttribute('class')).not.toContain('menu-item--off');

      await board.page.keyboard.press('u');
      await board.page.getByRole('button', { name: `86 ${item.name}`, exact: true }).click();
      await board.page
        .getByRole('button', { name: `Bring back ${item.name}`, exact: true })
        .waitFor();
      await expect.poll(() => onMenu.getAttribute('class')).toContain('menu-item--off');
      await screenshot(board.page, 'kitchen-86-panel');

      await board.page
        .getByRole('button', { name: `Bring back ${item.name}`, exact: true })
        .click();
      await expect.poll(() => onMenu.getAttribute('class')).not.toContain('menu-item--off');
    } finally {
      await board.close();
      await guest.close();
    }
  });

  test('the server restarts mid-service: the board catches up by itself, nothing lost or doubled', async () => {
    const board = await openBoard(chromium, server.url);
    try {
      const guest = createApi(server.url);
      const [before] = await placeOrders(guest, 1, 4);
      await ticket(board.page, before!.order.displayNumber).waitFor();

      await server.stop();
      await board.page.locator('.live-badge--reconnecting, .live-badge--offline').waitFor();
      // Orders keep coming while the server is down (say, through another instance).
      const menu = await guest.menu.get.query({ locationSlug: DEMO_SLUG }).catch(() => null);
      expect(menu).toBeNull();
      const whileDown = [];
      for (const n of [5, 6]) {
        const input = placeOrderInputSchema.parse(demoOrder(await menuFromDb(), n));
        whileDown.push(await placeOrder(server.db, input));
      }
      await server.start();

      for (const placed of whileDown) {
        await ticket(board.page, placed.order.displayNumber).waitFor({ timeout: 20_000 });
      }
      await waitLive(board.page);
      const open = await board.staff.api.kitchen.board.query({
        locationId: board.staff.staff.locations[0]!.id,
      });
      const shown = await board.page
        .locator('[data-ticket]')
        .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-ticket')));
      expect([...shown].sort()).toEqual(open.tickets.map((each) => each.displayNumber).sort());
      expect(new Set(shown).size).toBe(shown.length);
      expect(unexpected(board.errors)).toEqual([]);
    } finally {
      await board.close();
    }
  });
});

/** The menu read straight from the database, for placing orders while the server is down. */
async function menuFromDb() {
  const { getMenu } = await import('@ticketrail/server/testing');
  return getMenu(server.db, DEMO_SLUG);
}
