/**
 * The board through a rush: 60 open tickets on a 1920×1080 kitchen screen.
 * At least 15 tickets in full view, every destination and guest name whole,
 * the oldest ticket in view and the heading saying how many wait and for how
 * long, type big enough to read across a pass; then the same board on a
 * 1280×800 tablet. Screenshots at both sizes, and the 1080p one as it looks
 * from 2 m away.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createApi } from './support/api';
import { expectAccessible } from './support/axe';
import { screenshot, useChromium } from './support/chromium';
import { columnNumbers, openBoard, placedMinutesAgo } from './support/kitchen';
import { placeOrders } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

/** What a cook sees of the board without scrolling anything. */
async function inView(page: Page) {
  return page.evaluate(() => {
    const fully = (element: Element) => {
      const box = element.getBoundingClientRect();
      const scroller = element.closest('.board__tickets')!.getBoundingClientRect();
      return (
        box.width > 0 &&
        box.top >= Math.max(0, scroller.top) - 1 &&
        box.bottom <= Math.min(window.innerHeight, scroller.bottom) + 1 &&
        box.left >= Math.max(0, scroller.left) - 1 &&
        box.right <= Math.min(window.innerWidth, scroller.right) + 1
      );
    };
    const cards = [...document.querySelectorAll('[data-ticket]')];
    const visible = cards.filter(fully);
    const cut = (selector: string) =>
      visible
        .map((card) => card.querySelector<HTMLElement>(selector))
        .filter((element) => element && element.scrollWidth > element.clientWidth + 1)
        .map((element) => element!.textContent);
    const px = (selector: string) =>
      parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
    return {
      visible: visible.map((card) => card.getAttribute('data-ticket')),
      cutDestinations: cut('.ticket__where'),
      cutGuests: cut('.ticket__guest'),
      sizes: {
        number: px('.ticket__number'),
        item: px('.ticket-item__tap'),
        timer: px('.ticket__timer'),
        where: px('.ticket__where'),
        allergens: px('.ticket-allergens'),
      },
    };
  });
}

/** The 1080p screenshot at the size it looks from 2 m: a 24" screen is 15° of sight there. */
async function fromTwoMetres(png: string, name: string) {
  const viewer = await chromium.openPage();
  try {
    const data = (await readFile(png)).toString('base64');
    // 15° of sight, looked at from half a metre on a 96 dpi screen, is about 500 px.
    await viewer.page.setContent(
      `<body style="margin:0;background:#000"><img style="width:500px" src="data:image/png;base64,${data}"></body>`,
    );
    await viewer.page
      .locator('img')
      .screenshot({ path: png.replace(/[^/]+\.png$/, `${name}.png`) });
  } finally {
    await viewer.close();
  }
}

describe('the board in a rush', () => {
  test('60 new tickets at 1080p: 15 or more in full view, nothing cut, the oldest and the wait in view', async () => {
    const guest = createApi(server.url);
    const placed = await placeOrders(guest, 60);
    // The first ones have waited 30 minutes (late), the last one just came in.
    for (const [index, order] of placed.entries()) {
      await placedMinutesAgo(server.db, order.order.id, Math.max(0.2, 30 - index * 0.5));
    }
    const board = await openBoard(chromium, server.url, { device: 'tv' });
    try {
      const { page } = board;
      const numbers = await columnNumbers(page, 'new');
      expect(numbers).toHaveLength(60);

      const png = await screenshot(page, 'kitchen-rush-1080p', { fullPage: false });
      await fromTwoMetres(png, 'kitchen-rush-1080p-from-2m');
      const seen = await inView(page);
      console.log(
        `[kitchen rush 1080p, 60 new] ${seen.visible.length} tickets in full view; ` +
          `type px ${JSON.stringify(seen.sizes)}`,
      );
      expect(seen.visible.length).toBeGreaterThanOrEqual(15);
      expect(seen.cutDestinations).toEqual([]);
      expect(seen.cutGuests).toEqual([]);
      // The oldest first, in view.
      expect(seen.visible[0]).toBe(numbers[0]);
      await expectAccessible(page, 'kitchen board, 60 new tickets at 1080p');
      // Readable across a pass: nothing that matters under 18 px.
      expect(seen.sizes.number).toBeGreaterThanOrEqual(26);
      expect(seen.sizes.item).toBeGreaterThanOrEqual(20);
      expect(seen.sizes.timer).toBeGreaterThanOrEqual(22);
      expect(seen.sizes.where).toBeGreaterThanOrEqual(18);
      expect(seen.sizes.allergens).toBeGreaterThanOrEqual(19);

      // The heading says how many wait and how late the oldest is, and keeps saying it
      // when the column scrolls to its end.
      const heading = page.locator('.board__column--new .board__title');
      await expect.poll(() => heading.locator('.board__count').textContent()).toBe('60');
      const oldest = heading.locator('.board__oldest');
      expect(await oldest.getAttribute('data-ticket-oldest')).toBe(numbers[0]);
      expect(await oldest.locator('.ticket__timer').getAttribute('data-level')).toBe('late');
      expect(await oldest.textContent()).toMatch(/^oldest (29|30|31):\d\d$/);
      await page.locator('.board__column--new .board__tickets').evaluate((column) => {
        column.scrollTop = column.scrollHeight;
      });
      expect(await oldest.isVisible()).toBe(true);
      await page.locator('.board__column--new .board__tickets').evaluate((column) => {
        column.scrollTop = 0;
      });
      // The empty columns give their room to the tickets.
      const widths = await page
        .locator('.board__column')
        .evaluateAll((columns) => columns.map((column) => column.getBoundingClientRect().width));
      expect(widths[0]!).toBeGreaterThan(3 * widths[1]!);
    } finally {
      await board.close();
    }
  });

  test('the same 60 in every stage: space goes where the tickets are, at 1080p and on a tablet', async () => {
    const board = await openBoard(chromium, server.url, { device: 'tv' });
    const kitchen = board.staff.api.kitchen;
    try {
      const ticketsNow = await kitchen.board.query({
        locationId: board.staff.staff.locations[0]!.id,
      });
      // 8 ready, 22 in the works, 30 still new: as a Friday looks at nine.
      for (const [index, ticket] of ticketsNow.tickets.entries()) {
        if (index >= 30) break;
        const accepted = await kitchen.transition.mutate({
          orderId: ticket.id,
          expectedVersion: ticket.version,
          to: 'accepted',
        });
        if (index < 8) {
          await kitchen.transition.mutate({
            orderId: ticket.id,
            expectedVersion: accepted.version,
            to: 'ready',
          });
        } else if (accepted.items.length > 1) {
          await kitchen.setItemStatus.mutate({
            orderId: ticket.id,
            orderItemId: accepted.items[0]!.id,
            expectedVersion: accepted.version,
            status: 'done',
          });
        }
      }
      const { page } = board;
      await expect.poll(async () => (await columnNumbers(page, 'ready')).length).toBe(8);
      await expect.poll(async () => (await columnNumbers(page, 'new')).length).toBe(30);
      await screenshot(page, 'kitchen-rush-1080p-stages', { fullPage: false });
      const seen = await inView(page);
      console.log(`[kitchen rush 1080p, 30/22/8] ${seen.visible.length} tickets in full view`);
      expect(seen.visible.length).toBeGreaterThanOrEqual(15);
      expect(seen.cutDestinations).toEqual([]);
      // The oldest of each column in view.
      for (const column of ['new', 'preparing', 'ready'] as const) {
        expect(seen.visible).toContain((await columnNumbers(page, column))[0]);
      }
      await expectAccessible(page, 'kitchen board, 60 tickets in every stage at 1080p');
    } finally {
      await board.close();
    }

    const tablet = await openBoard(chromium, server.url, { device: 'tablet' });
    try {
      await screenshot(tablet.page, 'kitchen-rush-tablet', { fullPage: false });
      const seen = await inView(tablet.page);
      console.log(`[kitchen rush 1280×800, 30/22/8] ${seen.visible.length} tickets in full view`);
      expect(seen.cutDestinations).toEqual([]);
      expect(seen.cutGuests).toEqual([]);
      for (const column of ['new', 'preparing', 'ready'] as const) {
        expect(seen.visible).toContain((await columnNumbers(tablet.page, column))[0]);
      }
    } finally {
      await tablet.close();
    }
  });
});
