/**
 * The kitchen board with a keyboard or bump bar, in a real browser against a
 * real server (issue 13): the board's keys act only while the board has
 * focus, and a focused control's Enter does what the control says — "86 it"
 * 86es, a station link goes to the station, Sign out signs out — and bumps
 * no ticket.
 */
import { describe, expect, test } from 'vitest';
import { createApi, signIn } from './support/api';
import { useChromium } from './support/chromium';
import { BOARD_PATH, columnNumbers, KITCHEN, openBoard, ticket } from './support/kitchen';
import { DEMO_SLUG, placeOrders } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

type Board = Awaited<ReturnType<typeof openBoard>>;

/** An order placed and moved to ready, so a stray bump would serve it off the board. */
async function readyOrder(board: Board, seed: number) {
  const [placed] = await placeOrders(createApi(server.url), 1, seed);
  const { id, displayNumber } = placed!.order;
  await board.staff.api.kitchen.transition.mutate({
    orderId: id,
    expectedVersion: 1,
    to: 'accepted',
  });
  await board.staff.api.kitchen.transition.mutate({ orderId: id, expectedVersion: 2, to: 'ready' });
  await ticket(board.page, displayNumber, 'ready').waitFor();
  return { id, displayNumber };
}

/** The order's status on the server. */
async function statusOf(board: Pick<Board, 'staff'>, id: string) {
  const open = await board.staff.api.kitchen.board.query({
    locationId: board.staff.staff.locations[0]!.id,
  });
  return open.tickets.find((candidate) => candidate.id === id)?.status ?? 'gone';
}

const focusedLabel = (board: Board) =>
  board.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

describe('kitchen board keys', () => {
  test('Enter on "86 it" 86es the item and serves no order', async () => {
    const board = await openBoard(chromium, server.url);
    try {
      const order = await readyOrder(board, 1);
      const menu = await createApi(server.url).menu.get.query({ locationSlug: DEMO_SLUG });
      const item = menu.categories[0]!.items[0]!;

      await board.page.keyboard.press('u');
      const eightySix = board.page.getByRole('button', { name: `86 ${item.name}`, exact: true });
      await eightySix.focus();
      await board.page.keyboard.press('Enter');
      const bringBack = board.page.getByRole('button', {
        name: `Bring back ${item.name}`,
        exact: true,
      });
      await bringBack.waitFor();
      // Space on the focused button presses it too: the item is back on.
      await bringBack.focus();
      await board.page.keyboard.press(' ');
      await eightySix.waitFor();

      await ticket(board.page, order.displayNumber, 'ready').waitFor();
      expect(await statusOf(board, order.id)).toBe('ready');
      expect(board.errors).toEqual([]);
    } finally {
      await board.close();
    }
  });

  test('Enter on a station link goes to the station and serves no order', async () => {
    const board = await openBoard(chromium, server.url);
    try {
      const order = await readyOrder(board, 2);
      await board.page.getByRole('link', { name: 'grill', exact: true }).focus();
      await board.page.keyboard.press('Enter');
      await board.page.waitForURL(`**${BOARD_PATH}?station=grill`);
      await board.page.locator('.kitchen-header__station').waitFor();
      expect(await statusOf(board, order.id)).toBe('ready');
      expect(board.errors).toEqual([]);
    } finally {
      await board.close();
    }
  });

  test('Tab reaches the board, and there Enter bumps the selected ticket', async () => {
    const board = await openBoard(chromium, server.url);
    try {
      const order = await readyOrder(board, 3);
      // The header's last button, then Tab: the board.
      await board.page.getByRole('button', { name: 'Sign out' }).focus();
      await board.page.keyboard.press('Tab');
      expect(await focusedLabel(board)).toBe('Ticket board');
      // Over to the ready column, then the digit of its place there.
      await board.page.keyboard.press('ArrowRight');
      const place = (await columnNumbers(board.page, 'ready')).indexOf(order.displayNumber) + 1;
      await board.page.keyboard.press(String(place));
      await expect
        .poll(() => board.page.locator('.ticket--selected').getAttribute('data-ticket'))
        .toBe(order.displayNumber);
      await board.page.keyboard.press('Enter');
      await ticket(board.page, order.displayNumber).waitFor({ state: 'detached' });
      await expect.poll(() => statusOf(board, order.id)).toBe('gone');
    } finally {
      await board.close();
    }
  });

  test('a touch on a ticket hands the keys back to the board', async () => {
    const board = await openBoard(chromium, server.url);
    try {
      const order = await readyOrder(board, 4);
      // Focus left on a toolbar button, then the cook touches the ticket.
      await board.page.getByRole('button', { name: 'All day' }).focus();
      await ticket(board.page, order.displayNumber).locator('.ticket__guest').click();
      expect(await focusedLabel(board)).toBe('Ticket board');
      await board.page.keyboard.press('Enter');
      await expect.poll(() => statusOf(board, order.id)).toBe('gone');
      // The panel the focused button would have opened stayed shut.
      expect(await board.page.getByRole('complementary', { name: /All day/ }).count()).toBe(0);
    } finally {
      await board.close();
    }
  });

  test('D marks the selected ticket’s next item done', async () => {
    const board = await openBoard(chromium, server.url);
    try {
      const [placed] = await placeOrders(createApi(server.url), 1, 6);
      const { id, displayNumber } = placed!.order;
      await board.staff.api.kitchen.transition.mutate({
        orderId: id,
        expectedVersion: 1,
        to: 'accepted',
      });
      const card = ticket(board.page, displayNumber, 'preparing');
      await card.locator('.ticket__guest').click();
      await board.page.keyboard.press('d');
      await expect
        .poll(() => card.locator('.ticket-item__tap').first().getAttribute('aria-pressed'))
        .toBe('true');
      await expect
        .poll(async () => {
          const open = await board.staff.api.kitchen.board.query({
            locationId: board.staff.staff.locations[0]!.id,
          });
          return open.tickets.find((candidate) => candidate.id === id)?.items[0]?.status;
        })
        .toBe('done');
      expect(board.errors).toEqual([]);
    } finally {
      await board.close();
    }
  });

  test('Enter on Sign out signs out and serves no order', async () => {
    const board = await openBoard(chromium, server.url);
    try {
      const order = await readyOrder(board, 5);
      await board.page.getByRole('button', { name: 'Sign out' }).focus();
      await board.page.keyboard.press('Enter');
      await board.page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
      // Signed out for real: the board's session is over on the server too.
      await expect(statusOf(board, order.id)).rejects.toThrow(/sign in again/);
      const again = await signIn(server.url, KITCHEN.email, KITCHEN.password);
      expect(await statusOf({ ...board, staff: again }, order.id)).toBe('ready');
    } finally {
      await board.close();
    }
  });
});
