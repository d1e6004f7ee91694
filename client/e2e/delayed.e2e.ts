/**
 * Live screens while the server's bus (Redis, in production) is away, in a
 * real browser against a real server: the server reads its event log instead,
 * so changes still arrive, a little later, and the screens say "Updates
 * delayed" rather than look frozen or perfectly live. A socket that is away
 * says so instead; once the bus is back the badge says Live again.
 */
import { describe, expect, test } from 'vitest';
import { createApi } from './support/api';
import { screenshot, useChromium } from './support/chromium';
import { openBoard, ticket, waitLive } from './support/kitchen';
import { placeOrders } from './support/orders';
import { SwitchableBus } from './support/switchable-bus';
import { useTicketrail } from './support/ticketrail-server';

/** Each start of the server makes a new bus; the next one starts down when this says so. */
const buses: SwitchableBus[] = [];
let startDown = false;
const server = useTicketrail({
  bus: () => {
    const bus = new SwitchableBus(startDown ? 'down' : 'up');
    buses.push(bus);
    return bus;
  },
});
const chromium = useChromium();

const bus = () => {
  const current = buses.at(-1);
  if (!current) throw new Error('The server has not started');
  return current;
};

const DELAYED = 'Updates delayed · may take a few seconds';

/** Page errors except the refused socket while the server is down, which is expected. */
const unexpected = (errors: string[]) =>
  errors.filter((error) => !/ERR_CONNECTION_REFUSED|WebSocket/.test(error));

describe('live screens while the bus is down', () => {
  test('the kitchen board says updates are delayed, still gets tickets, and is Live once the bus is back', async () => {
    const board = await openBoard(chromium, server.url);
    const { page } = board;
    const badge = page.locator('.kitchen-header .live-badge');
    try {
      bus().goDown();
      await page.locator('.kitchen-header .live-badge--delayed').waitFor({ timeout: 5_000 });
      expect(await badge.textContent()).toBe(DELAYED);
      expect(await badge.getAttribute('role')).toBe('status');

      // Late, not lost: the server reads its log, and the ticket comes all the same.
      const [placed] = await placeOrders(createApi(server.url), 1);
      await ticket(page, placed!.order.displayNumber, 'new').waitFor({ timeout: 5_000 });
      expect(await badge.textContent()).toBe(DELAYED);
      await screenshot(page, 'kitchen-board-delayed', { fullPage: false });

      // The socket away says so, whatever the server said about its bus.
      await server.stop();
      await page
        .locator('.kitchen-header :is(.live-badge--reconnecting, .live-badge--offline)')
        .waitFor({ timeout: 15_000 });

      // Back on a server whose bus is still away: delayed again, told afresh.
      startDown = true;
      await server.start();
      await page.locator('.kitchen-header .live-badge--delayed').waitFor({ timeout: 15_000 });

      bus().goUp();
      await waitLive(page);
      expect(await badge.textContent()).toBe('Live');
      expect(unexpected(board.errors)).toEqual([]);
    } finally {
      startDown = false;
      await board.close();
    }
  });

  test('the guest’s tracking page says so too, in words that are not about the order', async () => {
    const [placed] = await placeOrders(createApi(server.url), 1, 1);
    const { page, errors, close } = await chromium.openPage({
      baseURL: server.url,
      device: 'phone',
    });
    try {
      await page.goto(
        `/track/${placed!.order.id}#token=${encodeURIComponent(placed!.trackingToken)}`,
      );
      await page.locator('.tracking-bar .live-badge--live').waitFor({ timeout: 15_000 });
      bus().goDown();
      const badge = page.locator('.tracking-bar .live-badge--delayed');
      await badge.waitFor({ timeout: 5_000 });
      expect(await badge.textContent()).toBe(DELAYED);
      await screenshot(page, 'tracking-delayed', { fullPage: false });
      bus().goUp();
      await page.locator('.tracking-bar .live-badge--live').waitFor({ timeout: 5_000 });
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });
});
