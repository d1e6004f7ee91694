/**
 * Driving the kitchen board in a real browser: open it signed in, find
 * tickets by column, and hold back the live feed to stage a race.
 */
import { sql } from 'kysely';
import type { TestDatabase } from '@ticketrail/server/testing';
import type { Page, WebSocketRoute } from 'playwright-core';
import { signIn, type SignedIn } from './api';
import type { Chromium, Device, TestPage } from './chromium';
import { DEMO_SLUG } from './orders';

export const KITCHEN = { email: 'kitchen@harbour.example', password: 'demo-kitchen' };
export const BOARD_PATH = `/kitchen/${DEMO_SLUG}`;

/** Where the session lives in the app (client/src/auth/session.ts). */
export const SESSION_KEY = 'ticketrail.session';

/** A board page already signed in (the token put where the app keeps it), open and live. */
export async function openBoard(
  chromium: Chromium,
  serverUrl: string,
  options: { path?: string; interceptFeed?: boolean; device?: Device } = {},
): Promise<TestPage & { staff: SignedIn; feed: HeldFeed | null }> {
  const staff = await signIn(serverUrl, KITCHEN.email, KITCHEN.password);
  const opened = await chromium.openPage({
    baseURL: serverUrl,
    ...(options.device ? { device: options.device } : {}),
  });
  await opened.context.addInitScript(([key, token]) => window.localStorage.setItem(key, token), [
    SESSION_KEY,
    staff.token,
  ] as const);
  const feed = options.interceptFeed ? await interceptFeed(opened.page) : null;
  await opened.page.goto(options.path ?? BOARD_PATH);
  await waitLive(opened.page);
  return { ...opened, staff, feed };
}

/** Moves the order's clock back, as if it had been placed `minutes` ago. */
export async function placedMinutesAgo(
  db: TestDatabase['db'],
  orderId: string,
  minutes: number,
): Promise<void> {
  await sql`update orders set placed_at = now() - make_interval(secs => ${minutes * 60})
            where id = ${orderId}`.execute(db);
}

/** Waits for the connection badge to say Live. */
export async function waitLive(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('.live-badge--live').waitFor({ timeout });
}

export type ColumnName = 'new' | 'preparing' | 'ready';

/** A ticket card by its number, optionally only in one column. */
export function ticket(page: Page, displayNumber: string, column?: ColumnName) {
  const scope = column ? `.board__column--${column} ` : '';
  return page.locator(`${scope}[data-ticket="${displayNumber}"]`);
}

/** The ticket numbers in a column, oldest first (the order its keys count in). */
export async function columnNumbers(page: Page, column: ColumnName): Promise<string[]> {
  return page.locator(`.board__column--${column} [data-ticket]`).evaluateAll((cards) =>
    cards
      .map((card) => ({
        number: card.getAttribute('data-ticket') ?? '',
        place: Number(card.getAttribute('data-place')),
      }))
      .sort((a, b) => a.place - b.place)
      .map(({ number }) => number),
  );
}

/**
 * Sits between the page and the server's socket and can hold back what the
 * server sends: the page then misses live events for a while, as a tablet on
 * a slow link would, and gets them all when released.
 */
export interface HeldFeed {
  hold(): void;
  release(): void;
}

export async function interceptFeed(page: Page): Promise<HeldFeed> {
  let holding = false;
  const held: { route: WebSocketRoute; message: string | Buffer }[] = [];
  await page.routeWebSocket(/\/trpc/, (route) => {
    const server = route.connectToServer();
    route.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (holding) held.push({ route, message });
      else route.send(message);
    });
  });
  return {
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const { route, message } of held.splice(0)) route.send(message);
    },
  };
}
