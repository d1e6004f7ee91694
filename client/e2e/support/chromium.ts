/**
 * Chromium for the browser tests: one browser per test file, a fresh context
 * (its own storage, so its own session) per page, the page's console errors
 * and uncaught exceptions collected for the test to assert on, and
 * screenshots under test-artifacts/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Debian's Chromium; vitest.workspace.ts and scripts/test.mjs look for the same file. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export type Device = 'desktop' | 'phone' | 'tv' | 'tv720' | 'tablet';

const DEVICES: Record<Device, { width: number; height: number; mobile: boolean }> = {
  desktop: { width: 1366, height: 900, mobile: false },
  phone: { width: 390, height: 844, mobile: true },
  // The ready board's screens: a 1080p TV, and a 720p one (or a TV stick that renders at 720p).
  tv: { width: 1920, height: 1080, mobile: false },
  tv720: { width: 1280, height: 720, mobile: false },
  // A kitchen's 10-inch tablet on its side.
  tablet: { width: 1280, height: 800, mobile: false },
};

export interface PageOptions {
  /** Where relative `page.goto('/…')` paths go: the test server's url. */
  baseURL?: string;
  /** A 1366×900 desktop (default), a 390×844 touch phone, a 1920×1080 / 1280×720 TV, a 1280×800 tablet. */
  device?: Device;
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** The page's console errors and uncaught exceptions, in order, as text. */
  errors: string[];
  /** Closes the page's context; fails if the page broke the server's Content-Security-Policy. */
  close: () => Promise<void>;
}

export interface Chromium {
  browser: Browser;
  /** A new page in a new context (no cookies or storage shared with other pages). */
  openPage(options?: PageOptions): Promise<TestPage>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Chromium> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  return {
    browser,
    openPage: async ({ baseURL, device = 'desktop' } = {}) => {
      const { width, height, mobile } = DEVICES[device];
      const context = await browser.newContext({
        viewport: { width, height },
        isMobile: mobile,
        hasTouch: mobile,
        // The demo restaurant's own locale and time zone: the same text on every machine.
        locale: 'en-IE',
        timezoneId: 'Europe/Dublin',
        ...(baseURL ? { baseURL } : {}),
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const { url, lineNumber } = message.location();
        errors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
      });
      page.on('pageerror', (error) => {
        errors.push(`pageerror: ${error.stack ?? error.message}`);
      });
      return {
        page,
        context,
        errors,
        close: async () => {
          await context.close();
          // The server's Content-Security-Policy must never block our own app
          // (a style, a script, the live socket): every browser test checks it.
          const blocked = errors.filter((error) => /Content Security Policy/i.test(error));
          if (blocked.length > 0) {
            throw new Error(`The page broke its Content-Security-Policy:\n${blocked.join('\n')}`);
          }
        },
      };
    },
    close: () => browser.close(),
  };
}

/** Launches Chromium before the file's tests and closes it after them. */
export function useChromium(): Chromium {
  let launched: Chromium | null = null;
  const current = () => {
    if (!launched) throw new Error('Chromium starts in beforeAll; use it inside tests');
    return launched;
  };
  beforeAll(async () => {
    launched = await launchChromium();
  });
  afterAll(async () => {
    await launched?.close();
    launched = null;
  });
  return {
    get browser() {
      return current().browser;
    },
    openPage: (options) => current().openPage(options),
    close: () => current().close(),
  };
}

export const SCREENSHOT_DIR = fileURLToPath(
  new URL('../../../test-artifacts/screenshots/', import.meta.url),
);

/**
 * Saves a PNG as test-artifacts/screenshots/<name>.png; returns its path. The
 * whole page by default; `fullPage: false` keeps what the screen shows, which
 * is what a phone's guest sees (and a sheet over a long menu).
 */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
