/**
 * The back office's Tables page and its QR cards in a real browser against a
 * real server (issue 14): a manager adds a table, renames it, gives it a new
 * code (the old card then tells a guest it was replaced), removes one (its
 * card then says it is no longer in use); a kitchen account is turned away;
 * the cards print, one per table and one for pickup.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { screenshot, SCREENSHOT_DIR, useChromium, type Chromium } from './support/chromium';
import { KITCHEN } from './support/kitchen';
import { MANAGER, openBackOffice, QR_PATH, rowLink, tableRow } from './support/manage';
import { DEMO_SLUG } from './support/orders';
import { pdfPageToPng, readQrCodes } from './support/printed-codes';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

/** What a guest's phone shows for a QR link: the table's name, or the server's refusal. */
async function guestOpens(browser: Chromium, url: string, expected: string) {
  const guest = await browser.openPage({ device: 'phone' });
  try {
    await guest.page.goto(url);
    await guest.page.getByText(expected).waitFor();
    // A refused code's answer (404) is the one error the console shows.
    expect(
      guest.errors.filter(
        (error) => !/menu\.table.*status of 404|status of 404.*menu\.table/.test(error),
      ),
    ).toEqual([]);
  } finally {
    await guest.close();
  }
}

describe('the back office’s tables', () => {
  test('a manager adds, renames, re-codes and removes a table, by keyboard', async () => {
    const { page, errors, close } = await openBackOffice(chromium, server.url, {
      path: `/manage/${DEMO_SLUG}`,
      device: 'tablet',
    });
    try {
      // The location opens on its menu; Tables is one page along.
      await page.waitForURL(`**/manage/${DEMO_SLUG}/menu`);
      await page.getByRole('heading', { level: 1, name: 'Harbour Kitchen' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Back office' });
      expect(await nav.getByRole('link').allTextContents()).toEqual([
        'Menu',
        'Tables',
        'Staff',
        'Settings',
      ]);
      await nav.getByRole('link', { name: 'Tables' }).click();
      await page.waitForURL(`**/manage/${DEMO_SLUG}/tables`);
      expect(await nav.getByRole('link', { name: 'Tables' }).getAttribute('aria-current')).toBe(
        'page',
      );

      const field = page.getByLabel('New table’s name');
      await field.fill('Terrace 1');
      await field.press('Enter');
      await tableRow(page, 'Terrace 1').waitFor();
      await page.getByRole('status').filter({ hasText: 'Added Terrace 1.' }).waitFor();
      expect(await field.inputValue()).toBe('');

      // The server's refusal of a taken name, next to the field.
      await field.fill('Terrace 1');
      await field.press('Enter');
      await page.getByText('There is already a table called “Terrace 1” here.').waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      await field.fill('');

      // Rename in the row: Enter on Rename, type, Enter.
      await page.getByRole('button', { name: 'Rename Terrace 1' }).focus();
      await page.keyboard.press('Enter');
      const rename = page.getByLabel('New name for Terrace 1');
      await rename.fill('Terrace Corner');
      await rename.press('Enter');
      await tableRow(page, 'Terrace Corner').waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe('Rename Terrace Corner');
      await screenshot(page, 'manage-tables-tablet');

      // A new code: the old link now says it was replaced, the new one names the table.
      const oldLink = await rowLink(page, 'Terrace Corner');
      await guestOpens(chromium, oldLink, 'Ordering to Terrace Corner');
      await page.getByRole('button', { name: 'New code Terrace Corner' }).click();
      const confirm = page.getByRole('group', { name: /new QR code/ });
      expect(await confirm.textContent()).toMatch(/printed code stops working/);
      await confirm.getByRole('button', { name: 'Make a new code for Terrace Corner' }).click();
      await expect.poll(() => rowLink(page, 'Terrace Corner')).not.toBe(oldLink);
      const newLink = await rowLink(page, 'Terrace Corner');
      expect(newLink).toMatch(new RegExp(`/l/${DEMO_SLUG}\\?table=[A-Za-z0-9_-]{8,}$`));
      await guestOpens(chromium, oldLink, "This table's QR code has been replaced.");
      await guestOpens(chromium, newLink, 'Ordering to Terrace Corner');

      // Removed: the row goes, and its card says the table is no longer in use.
      await page.getByRole('button', { name: 'Remove Terrace Corner' }).click();
      const removal = page.getByRole('group', { name: /Remove Terrace Corner\?/ });
      expect(await removal.textContent()).toMatch(/QR code stops working/);
      await removal.getByRole('button', { name: 'Remove Terrace Corner' }).click();
      await tableRow(page, 'Terrace Corner').waitFor({ state: 'detached' });
      await page
        .getByRole('status')
        .filter({ hasText: 'Removed Terrace Corner. Its QR code no longer works.' })
        .waitFor();
      await guestOpens(chromium, newLink, 'That table is no longer in use.');
      // The taken name's answer (409) is the one error the console shows.
      expect(errors.filter((error) => !/status of 409.*tables\.add/.test(error))).toEqual([]);
    } finally {
      await close();
    }
  });

  test('a kitchen account is told only managers can open it', async () => {
    const { page, errors, close } = await openBackOffice(chromium, server.url, {
      account: KITCHEN,
    });
    try {
      await page.getByText('Only managers can open the back office.').waitFor();
      expect(await page.locator('.table-row').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('signing in at /manage leads a manager of two locations to choose one', async () => {
    const { page, errors, close } = await chromium.openPage({ baseURL: server.url });
    try {
      await page.goto('/manage');
      await page.getByLabel('Email').fill(MANAGER.email);
      await page.getByLabel('Password').fill(MANAGER.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Which location?' }).waitFor();
      await page
        .getByRole('listitem')
        .filter({ hasText: 'Harbour Kitchen' })
        .first()
        .getByRole('link', { name: 'Open the back office' })
        .click();
      await page.waitForURL(`**/manage/${DEMO_SLUG}/menu`);
      await page.getByRole('navigation', { name: 'Back office' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('the QR cards: one per table and one for pickup, printable on A4', async () => {
    const { page, errors, close, staff } = await openBackOffice(chromium, server.url, {
      path: QR_PATH,
    });
    try {
      const locationId = staff.staff.locations.find((place) => place.slug === DEMO_SLUG)!.id;
      const { tables } = await staff.api.tables.list.query({ locationId });
      expect(tables.length).toBeGreaterThan(0);

      const cards = page.locator('.qr-card');
      await cards.nth(tables.length).waitFor();
      expect(await cards.count()).toBe(tables.length + 1);
      expect(await page.locator('.qr-card__title').allTextContents()).toEqual([
        ...tables.map((table) => table.label),
        'Pickup',
      ]);
      expect(await cards.last().textContent()).toContain('Scan to order for pickup');
      const alts = await page.locator('.qr-card__code').evaluateAll((images) =>
        images.map((image) => {
          const img = image as HTMLImageElement;
          return { alt: img.alt, loaded: img.complete && img.naturalWidth > 0 };
        }),
      );
      const origin = new URL(server.url).origin;
      expect(alts).toEqual([
        ...tables.map((table) => ({
          alt: `QR code for ${table.label}: ${origin}/l/${DEMO_SLUG}?table=${table.secret}`,
          loaded: true,
        })),
        { alt: `QR code for Pickup: ${origin}/l/${DEMO_SLUG}`, loaded: true },
      ]);
      await screenshot(page, 'manage-qr-screen');

      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.length).toBeGreaterThan(1000);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pdfPath = join(SCREENSHOT_DIR, 'manage-qr-cards.pdf');
      await writeFile(pdfPath, pdf);
      // Three rows of three cards to an A4 page, and no blank page before them.
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
      expect(pages).toBe(Math.ceil((tables.length + 1) / 9));
      // The printed first page as an image (looked at), and its codes scanned back:
      // the cards on paper lead to the tables' own links, in the cards' order.
      const printed = await pdfPageToPng(pdfPath, join(SCREENSHOT_DIR, 'manage-qr-cards-page1'));
      expect(await readQrCodes(printed)).toEqual(
        [
          ...tables.map((table) => `${origin}/l/${DEMO_SLUG}?table=${table.secret}`),
          `${origin}/l/${DEMO_SLUG}`,
        ].slice(0, 9),
      );

      await page.emulateMedia({ media: 'print' });
      // On paper: only the cards, three to a row.
      expect(await page.locator('.manage-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      const columns = await page
        .locator('.qr-cards')
        .evaluate((list) => getComputedStyle(list).gridTemplateColumns.split(' ').length);
      expect(columns).toBe(3);
      const path = await screenshot(page, 'manage-qr-print');
      expect((await readFile(path)).length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
