/**
 * Driving the back office in a real browser: a page opened signed in as the
 * demo manager (or any staff account), and the Tables page's rows.
 */
import type { Locator, Page } from 'playwright-core';
import { signIn, type SignedIn } from './api';
import type { Chromium, Device, TestPage } from './chromium';
import { SESSION_KEY } from './kitchen';
import { DEMO_SLUG } from './orders';

export const MANAGER = { email: 'manager@harbour.example', password: 'demo-manager' };
export const TABLES_PATH = `/manage/${DEMO_SLUG}/tables`;
export const QR_PATH = `/manage/${DEMO_SLUG}/qr`;

/** A page signed in as `account` (the manager by default), open at `path`. */
export async function openBackOffice(
  chromium: Chromium,
  serverUrl: string,
  options: { path?: string; device?: Device; account?: typeof MANAGER } = {},
): Promise<TestPage & { staff: SignedIn }> {
  const account = options.account ?? MANAGER;
  const staff = await signIn(serverUrl, account.email, account.password);
  const opened = await chromium.openPage({
    baseURL: serverUrl,
    ...(options.device ? { device: options.device } : {}),
  });
  await opened.context.addInitScript(([key, token]) => window.localStorage.setItem(key, token), [
    SESSION_KEY,
    staff.token,
  ] as const);
  await opened.page.goto(options.path ?? TABLES_PATH);
  return { ...opened, staff };
}

/** The row of the table called `label` on the Tables page. */
export function tableRow(page: Page, label: string): Locator {
  return page
    .locator('.table-row')
    .filter({ has: page.getByRole('heading', { level: 3, name: label, exact: true }) });
}

/** The link a row's QR code holds, as the page shows it. */
export async function rowLink(page: Page, label: string): Promise<string> {
  const href = await tableRow(page, label).getByRole('link').getAttribute('href');
  if (!href) throw new Error(`The row of ${label} has no link`);
  return href;
}
