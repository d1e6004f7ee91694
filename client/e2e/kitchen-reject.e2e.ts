/**
 * A ticket's details, and rejecting or cancelling an order from the kitchen
 * board with a reason, in a real browser against a real server (issue 13):
 * by keyboard only, a cook rejects a new order and the guest's open tracking
 * page says so with the reason, without a reload; O opens the details, an item
 * is marked done there and Escape gives the keys back to the board; a manager
 * cancels an accepted order with a reason of their own; a kitchen account is
 * not offered Cancel on an accepted order.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { createApi, signIn } from './support/api';
import { screenshot, useChromium } from './support/chromium';
import { columnNumbers, openBoard, ticket, waitLive, type ColumnName } from './support/kitchen';
import { placeOrders } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

const MANAGER = { email: 'manager@harbour.example', password: 'demo-manager' };

type Board = Awaited<ReturnType<typeof openBoard>>;

/** The order as the database has it: status and the reason the guest is shown. */
const orderRow = (id: string) =>
  server.db
    .selectFrom('orders')
    .select(['status', 'cancel_reason'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

/** Tab from the toolbar to the board, then the keys a bump bar has: to the ticket. */
async function selectByKeys(page: Page, column: ColumnName, displayNumber: string) {
  await page.getByRole('button', { name: /^Sound (on|off)$/ }).focus();
  // However many header controls come after the toolbar: Tab until the board has focus.
  for (let tabs = 0; tabs < 12 && (await focusedLabel(page)) !== 'Ticket board'; tabs += 1) {
    await page.keyboard.press('Tab');
  }
  expect(await focusedLabel(page)).toBe('Ticket board');
  const columns: ColumnName[] = ['new', 'preparing', 'ready'];
  for (let step = 0; step < columns.indexOf(column); step += 1) {
    await page.keyboard.press('ArrowRight');
  }
  const place = (await columnNumbers(page, column)).indexOf(displayNumber) + 1;
  expect(place).toBeGreaterThan(0);
  expect(place).toBeLessThan(10);
  await page.keyboard.press(String(place));
  await expect
    .poll(() => page.locator('.ticket--selected').getAttribute('data-ticket'))
    .toBe(displayNumber);
}

/** One order placed by a guest, optionally accepted by the kitchen. */
async function placeOne(board: Board, seed: number, accept = false) {
  const [placed] = await placeOrders(createApi(server.url), 1, seed);
  const { id, displayNumber } = placed!.order;
  if (accept) {
    await board.staff.api.kitchen.transition.mutate({
      orderId: id,
      expectedVersion: 1,
      to: 'accepted',
    });
  }
  await ticket(board.page, displayNumber, accept ? 'preparing' : 'new').waitFor();
  return { placed: placed!, id, displayNumber };
}

/** The board signed in as someone other than the kitchen account. */
async function openBoardAs(login: { email: string; password: string }): Promise<Board> {
  const staff = await signIn(server.url, login.email, login.password);
  const opened = await chromium.openPage({ baseURL: server.url });
  await opened.context.addInitScript(
    (token) => window.localStorage.setItem('ticketrail.session', token),
    staff.token,
  );
  await opened.page.goto('/kitchen/harbour-kitchen');
  await waitLive(opened.page);
  return { ...opened, staff, feed: null };
}

describe('reject or cancel from the board', () => {
  test('by keyboard only: a new order rejected, and the guest sees it live with the reason', async () => {
    const board = await openBoard(chromium, server.url);
    const phone = await chromium.openPage({ baseURL: server.url, device: 'phone' });
    try {
      const { placed, id, displayNumber } = await placeOne(board, 21);
      await phone.page.goto(`/track/${id}#token=${encodeURIComponent(placed.trackingToken)}`);
      await waitLive(phone.page);
      await phone.page.evaluate(() => Object.assign(window, { sameDocument: true }));

      await selectByKeys(board.page, 'new', displayNumber);
      await board.page.keyboard.press('x');
      const dialog = board.page.getByRole('dialog', { name: `Ticket ${displayNumber}` });
      await dialog.getByRole('heading', { name: `Why reject ${displayNumber}?` }).waitFor();
      expect(await focusedLabel(board.page)).toBeNull();
      expect(await board.page.evaluate(() => document.activeElement?.textContent ?? null)).toBe(
        'Out of an ingredient',
      );
      await screenshot(board.page, 'kitchen-reject-reasons', { fullPage: false });

      await board.page.keyboard.press('Enter');
      await dialog.getByText('Reason: Out of an ingredient').waitFor();
      // The confirm step opens on Back; Tab to the reject button, then Enter.
      expect(await board.page.evaluate(() => document.activeElement?.textContent)).toBe('Back');
      await screenshot(board.page, 'kitchen-reject-confirm', { fullPage: false });
      await board.page.keyboard.press('Tab');
      expect(await board.page.evaluate(() => document.activeElement?.textContent)).toBe(
        `Reject order ${displayNumber}`,
      );
      await board.page.keyboard.press('Enter');

      await ticket(board.page, displayNumber).waitFor({ state: 'detached' });
      expect(await board.page.getByRole('dialog').count()).toBe(0);
      expect(await focusedLabel(board.page)).toBe('Ticket board');
      await expect
        .poll(() => orderRow(id))
        .toEqual({ status: 'rejected', cancel_reason: 'Out of an ingredient' });

      // The guest's page, open all along, follows without a reload.
      await phone.page.locator('.order-hero--stopped').waitFor();
      const hero = await phone.page.locator('.order-hero').innerText();
      expect(hero).toContain('Order not accepted');
      expect(hero).toContain('Out of an ingredient');
      expect(await phone.page.evaluate(() => 'sameDocument' in window)).toBe(true);
      expect(board.errors).toEqual([]);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
      await board.close();
    }
  });

  test('O opens the details; an item is marked done there by keyboard; Escape gives the keys back', async () => {
    const board = await openBoard(chromium, server.url);
    try {
      const { id, displayNumber } = await placeOne(board, 22, true);
      await selectByKeys(board.page, 'preparing', displayNumber);
      await board.page.keyboard.press('o');
      const dialog = board.page.getByRole('dialog', { name: `Ticket ${displayNumber}` });
      await dialog.waitFor();
      await screenshot(board.page, 'kitchen-ticket-details', { fullPage: false });
      // The whole ticket: the guest, the times, every item.
      const open = await board.staff.api.kitchen.board.query({
        locationId: board.staff.staff.locations[0]!.id,
      });
      const shown = open.tickets.find((candidate) => candidate.id === id)!;
      const text = await dialog.innerText();
      expect(text).toContain(shown.guestName);
      expect(text).toMatch(/Placed/);
      expect(text).toMatch(/Accepted/);
      for (const item of shown.items) expect(text).toContain(item.name);

      // Focus starts on the first item: Enter marks it done on the server.
      const first = dialog.locator('.details-item__tap').first();
      expect(await first.evaluate((element) => element === document.activeElement)).toBe(true);
      await board.page.keyboard.press('Enter');
      await expect.poll(() => first.getAttribute('aria-pressed')).toBe('true');
      await expect
        .poll(async () => {
          const now = await board.staff.api.kitchen.board.query({
            locationId: board.staff.staff.locations[0]!.id,
          });
          return now.tickets.find((candidate) => candidate.id === id)?.items[0]?.status;
        })
        .toBe('done');
      // Still open, still the dialog's keys: Enter did not bump the ticket.
      await dialog.waitFor();
      expect(await columnNumbers(board.page, 'preparing')).toContain(displayNumber);

      await board.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await focusedLabel(board.page)).toBe('Ticket board');
      expect(board.errors).toEqual([]);
    } finally {
      await board.close();
    }
  });

  test('a manager cancels an accepted order with a reason of their own', async () => {
    const kitchen = await openBoard(chromium, server.url);
    const board = await openBoardAs(MANAGER);
    try {
      const { id, displayNumber } = await placeOne(kitchen, 23, true);
      await ticket(board.page, displayNumber, 'preparing').waitFor();
      await selectByKeys(board.page, 'preparing', displayNumber);
      await board.page.keyboard.press('x');
      const dialog = board.page.getByRole('dialog', { name: `Ticket ${displayNumber}` });
      await dialog.getByRole('heading', { name: `Why cancel ${displayNumber}?` }).waitFor();
      await dialog.getByRole('button', { name: 'Other…' }).click();
      const field = dialog.getByRole('textbox', { name: 'Other reason' });
      expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
      await board.page.keyboard.type('Guest had to leave');
      await board.page.keyboard.press('Enter');
      await dialog.getByText('Reason: Guest had to leave').waitFor();
      await dialog.getByRole('button', { name: `Cancel order ${displayNumber}` }).click();

      await ticket(board.page, displayNumber).waitFor({ state: 'detached' });
      await ticket(kitchen.page, displayNumber).waitFor({ state: 'detached' });
      await expect
        .poll(() => orderRow(id))
        .toEqual({ status: 'cancelled', cancel_reason: 'Guest had to leave' });
      expect(board.errors).toEqual([]);
    } finally {
      await board.close();
      await kitchen.close();
    }
  });

  test('a kitchen account is not offered Cancel on an accepted order, and is told who can', async () => {
    const board = await openBoard(chromium, server.url);
    try {
      const { id, displayNumber } = await placeOne(board, 24, true);
      await selectByKeys(board.page, 'preparing', displayNumber);
      await board.page.keyboard.press('x');
      const dialog = board.page.getByRole('dialog', { name: `Ticket ${displayNumber}` });
      await dialog.getByText('Only a manager or front of house can cancel this order.').waitFor();
      expect(await dialog.getByRole('button', { name: /Cancel|Reject/ }).count()).toBe(0);
      await board.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect((await orderRow(id)).status).toBe('accepted');
      expect(await columnNumbers(board.page, 'preparing')).toContain(displayNumber);
      expect(board.errors).toEqual([]);
    } finally {
      await board.close();
    }
  });
});
