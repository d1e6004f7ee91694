/**
 * The back office's menu editor in a real browser against a real server
 * (issue 14): a price change reaching an open guest menu while an order
 * placed before keeps its price; a new dish with a required choice, ordered
 * by a guest and cooked from the kitchen board; an 86 from the back office
 * reaching the board and the guest; dishes reordered by keyboard, and the
 * guest menu following; two managers saving the same dish, the second shown
 * both versions. Screenshots at laptop and tablet size, axe on each state.
 */
import { randomUUID } from 'node:crypto';
import { formatMoney } from '@ticketrail/shared';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createApi } from './support/api';
import { expectAccessible } from './support/axe';
import { screenshot, useChromium } from './support/chromium';
import { openCart, openDish } from './support/guest';
import { openBoard, waitLive } from './support/kitchen';
import { openBackOffice } from './support/manage';
import { DEMO_SLUG, lineFor, orderableItems } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

const MENU_PATH = `/manage/${DEMO_SLUG}/menu`;
const LAPTOP = { width: 1366, height: 900 };
/** A 10-inch tablet held upright: the form goes above the list. */
const TABLET = { width: 800, height: 1280 };

const euros = (cents: number) => formatMoney(cents, 'EUR');

/** The editor's row of the dish called `name`. */
function dishRow(page: Page, name: string): Locator {
  return page
    .locator('.menu-editor__dish-row')
    .filter({ has: page.getByRole('heading', { level: 4, name, exact: true }) });
}

/** A dish on the guest's menu. */
const guestItem = (page: Page, name: string) =>
  page.locator('.menu-item').filter({ hasText: name }).first();

async function openEditor(size = LAPTOP) {
  const opened = await openBackOffice(chromium, server.url, { path: MENU_PATH });
  await opened.page.setViewportSize(size);
  await opened.page.locator('.menu-editor__dish-row').first().waitFor();
  return opened;
}

async function openGuestMenu() {
  const guest = await chromium.openPage({ baseURL: server.url, device: 'phone' });
  await guest.page.goto(`/l/${DEMO_SLUG}`);
  await waitLive(guest.page);
  return guest;
}

async function editDish(page: Page, name: string) {
  await page.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
  await page.getByRole('heading', { level: 3, name: `Edit ${name}` }).waitFor();
}

/**
 * Saves the open dish and waits for its form to close: the status may still
 * say "Saved <name>." from an earlier save, so it alone does not show that
 * this one is done (under load, the next click landed on a form mid-save).
 */
async function saveDish(page: Page, name: string) {
  await page.getByRole('button', { name: 'Save dish' }).click();
  await page
    .getByRole('heading', { level: 3, name: `Edit ${name}` })
    .waitFor({ state: 'detached' });
  await page
    .getByRole('status')
    .filter({ hasText: `Saved ${name}.` })
    .waitFor();
}

/**
 * What the manager sees at laptop and at tablet size, saved as <name>-laptop.png and
 * <name>-tablet.png; `focus` is scrolled into view at each size first.
 */
async function bothSizes(page: Page, name: string, focus?: Locator) {
  const size = page.viewportSize() ?? LAPTOP;
  for (const [suffix, viewport] of [
    ['laptop', LAPTOP],
    ['tablet', TABLET],
  ] as const) {
    await page.setViewportSize(viewport);
    await focus?.scrollIntoViewIfNeeded();
    await screenshot(page, `${name}-${suffix}`, { fullPage: false });
  }
  await page.setViewportSize(size);
}

async function guestMenu() {
  return createApi(server.url).menu.get.query({ locationSlug: DEMO_SLUG });
}

describe('the back office’s menu editor', () => {
  test('a new price reaches an open guest menu; an order placed before keeps its own', async () => {
    const menu = await guestMenu();
    const dish = orderableItems(menu).find((item) => item.optionGroups.length === 0)!;
    const guestApi = createApi(server.url);
    const placed = await guestApi.orders.place.mutate({
      locationSlug: DEMO_SLUG,
      idempotencyKey: randomUUID(),
      guest: { name: 'Before the change' },
      fulfilment: { type: 'pickup' },
      items: [lineFor(dish, 2, 0)],
    });
    const tracking = await chromium.openPage({ baseURL: server.url, device: 'phone' });
    const guest = await openGuestMenu();
    const editor = await openEditor();
    try {
      await tracking.page.goto(
        `/track/${placed.order.id}#token=${encodeURIComponent(placed.trackingToken)}`,
      );
      await tracking.page.getByText(`${euros(dish.priceCents)} each`).waitFor();
      await guestItem(guest.page, dish.name).getByText(euros(dish.priceCents)).waitFor();

      // The back office opens on the menu, first in its nav.
      const nav = editor.page.getByRole('navigation', { name: 'Back office' });
      expect((await nav.getByRole('link').allTextContents())[0]).toBe('Menu');
      expect(await nav.getByRole('link', { name: 'Menu' }).getAttribute('aria-current')).toBe(
        'page',
      );
      await expectAccessible(editor.page, 'menu editor: the list');
      await bothSizes(editor.page, 'manage-menu-list');
      await screenshot(editor.page, 'manage-menu-list-whole');

      const newCents = dish.priceCents + 125;
      await editDish(editor.page, dish.name);
      const price = editor.page.getByLabel('Price (EUR)');
      // Typed wrong first: the shared schema's words, beside the field, before sending.
      await price.fill('12.345');
      await editor.page.getByRole('button', { name: 'Save dish' }).click();
      await editor.page.getByText('Type at most 2 digits after the point.').waitFor();
      expect(await price.getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(editor.page, 'menu editor: a dish form with a refused price');
      await bothSizes(editor.page, 'manage-menu-dish', price);

      await price.fill((newCents / 100).toFixed(2));
      await editor.page.getByRole('button', { name: 'Save dish' }).click();
      await editor.page
        .getByRole('status')
        .filter({ hasText: `Saved ${dish.name}.` })
        .waitFor();
      await dishRow(editor.page, dish.name).getByText(euros(newCents)).waitFor();

      // Live on the guest's open menu, without a reload.
      await guestItem(guest.page, dish.name).getByText(euros(newCents)).waitFor();
      // The order placed before keeps the price it was placed at, on screen and in the database.
      await tracking.page.reload();
      await tracking.page.getByText(`${euros(dish.priceCents)} each`).waitFor();
      const [order] = await server.db
        .selectFrom('orders')
        .select('total_cents')
        .where('id', '=', placed.order.id)
        .execute();
      expect(order!.total_cents).toBe(placed.order.totalCents);
      expect(editor.errors).toEqual([]);
      expect(guest.errors).toEqual([]);
    } finally {
      await editor.close();
      await guest.close();
      await tracking.close();
    }
  });

  test('a new dish with a required choice is ordered by a guest and shows on the kitchen board', async () => {
    const editor = await openEditor(TABLET);
    const board = await openBoard(chromium, server.url);
    const guest = await chromium.openPage({ baseURL: server.url, device: 'phone' });
    try {
      await editor.page.getByRole('button', { name: 'Add dish to Mains', exact: true }).click();
      await editor.page.getByRole('heading', { level: 3, name: 'New dish in Mains' }).waitFor();
      const form = editor.page.locator('.menu-editor__dish-form');
      await form.getByLabel('Name', { exact: true }).fill('Harbour linguine');
      await form.getByLabel('Description').fill('Fresh pasta, cooked to order.');
      await form.getByLabel('Price (EUR)').fill('13.50');
      await form.getByLabel('Station').selectOption('hot');
      await form.getByLabel('Cereals with gluten').check();
      await form.getByLabel('Eggs').check();
      await form.getByRole('button', { name: 'Add a choice' }).click();
      await form.getByLabel('Choice 1 Name').fill('Sauce');
      await form.getByLabel('Choice 1 Required').check();
      await form.getByLabel('Choice 1 option 1 Option').fill('Tomato & basil');
      await form.getByRole('button', { name: 'Add option to choice 1' }).click();
      await form.getByLabel('Choice 1 option 2 Option').fill('Cream & mushroom');
      await form.getByLabel('Choice 1 option 2 Extra (EUR)').fill('1.50');
      await expectAccessible(editor.page, 'menu editor: a new dish with a choice');
      await bothSizes(editor.page, 'manage-menu-new-dish', form.getByRole('heading', { level: 3 }));
      await bothSizes(
        editor.page,
        'manage-menu-new-dish-choices',
        form.locator('.menu-editor__choices'),
      );
      await form.getByRole('button', { name: 'Add dish' }).click();
      await editor.page
        .getByRole('status')
        .filter({ hasText: 'Added Harbour linguine to Mains.' })
        .waitFor();
      await dishRow(editor.page, 'Harbour linguine').waitFor();

      await guest.page.goto(`/l/${DEMO_SLUG}`);
      await openDish(guest.page, 'Harbour linguine');
      const dialog = guest.page.getByRole('dialog', { name: 'Harbour linguine' });
      await dialog.getByLabel(/Cream & mushroom/).check();
      await dialog.getByRole('button', { name: /^Add 1/ }).click();
      await dialog.waitFor({ state: 'detached' });
      const cart = await openCart(guest.page);
      await cart.getByText(euros(1500)).first().waitFor();
      await cart.getByLabel('Name for the order').fill('Linguine lover');
      await cart.getByRole('button', { name: 'Place order' }).click();
      await guest.page.waitForURL(/\/track\/[0-9a-f-]+#token=/);

      const [order] = await server.db
        .selectFrom('orders')
        .select(['id', 'number', 'total_cents'])
        .where('guest_name', '=', 'Linguine lover')
        .execute();
      expect(order!.total_cents).toBe(1500);
      const card = board.page.locator('[data-ticket]').filter({ hasText: 'Harbour linguine' });
      await card.waitFor();
      // The card keeps to one line per dish; the ticket carries the choice.
      expect(await card.textContent()).toContain('1 option or note in the details');
      const { tickets } = await board.staff.api.kitchen.board.query({
        locationId: board.staff.staff.locations[0]!.id,
      });
      const cooked = tickets.find((candidate) => candidate.id === order!.id);
      expect(JSON.stringify(cooked)).toContain('Cream & mushroom');
      expect(editor.errors).toEqual([]);
      expect(guest.errors).toEqual([]);
    } finally {
      await editor.close();
      await board.close();
      await guest.close();
    }
  });

  test('an 86 from the back office reaches the kitchen’s 86 panel and the guest menu', async () => {
    const board = await openBoard(chromium, server.url);
    const guest = await openGuestMenu();
    const editor = await openEditor();
    try {
      const name = 'Seafood chowder';
      await board.page.keyboard.press('u');
      await board.page.getByRole('button', { name: `86 ${name}`, exact: true }).waitFor();
      const onMenu = guestItem(guest.page, name);
      expect(await onMenu.getAttribute('class')).not.toContain('menu-item--off');

      const toggle = dishRow(editor.page, name).getByRole('checkbox', {
        name: `Available (${name})`,
      });
      await toggle.click();
      await dishRow(editor.page, name).getByText('86’d').waitFor();
      await board.page.getByRole('button', { name: `Bring back ${name}`, exact: true }).waitFor();
      await expect.poll(() => onMenu.getAttribute('class')).toContain('menu-item--off');
      // Read once everything has heard the change: the box never went back to the old value.
      expect(await toggle.isChecked()).toBe(false);

      await toggle.click();
      await board.page.getByRole('button', { name: `86 ${name}`, exact: true }).waitFor();
      await expect.poll(() => onMenu.getAttribute('class')).not.toContain('menu-item--off');
      expect(await toggle.isChecked()).toBe(true);
      expect(editor.errors).toEqual([]);
    } finally {
      await editor.close();
      await board.close();
      await guest.close();
    }
  });

  test('dishes reordered by keyboard come in their new order on the guest menu', async () => {
    const guest = await openGuestMenu();
    const editor = await openEditor();
    try {
      const dishes = editor.page.getByRole('list', { name: 'Dishes in Starters' });
      const names = () => dishes.getByRole('heading', { level: 4 }).allTextContents();
      const guestNames = () =>
        guest.page
          .getByRole('region', { name: 'Starters' })
          .locator('.menu-item__name')
          .allTextContents();
      const before = await names();
      expect(await guestNames()).toEqual(before);
      const [first, second] = before;

      // Space picks the first dish up, the down arrow moves it, Space drops it there.
      const handle = editor.page.getByRole('button', { name: `Move ${first}`, exact: true });
      await handle.focus();
      await editor.page.keyboard.press('Space');
      await expect.poll(() => handle.getAttribute('aria-pressed')).toBe('true');
      // The sensor listens for the next keys from a timer it set on picking up: one task later.
      await editor.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
      const said = editor.page.locator('[id^="DndLiveRegion"]');
      await editor.page.keyboard.press('ArrowDown');
      await expect
        .poll(() => said.allTextContents())
        .toContainEqual(`${first} would be 2 of ${before.length}.`);
      await editor.page.keyboard.press('Space');
      // dnd-kit reads each step out in its live region.
      await expect
        .poll(() => said.allTextContents())
        .toContainEqual(`${first} is now 2 of ${before.length}.`);
      const after = [second!, first!, ...before.slice(2)];
      await expect.poll(names).toEqual(after);
      await expect.poll(guestNames).toEqual(after);
      // Read again from the server, not only the page's own copy.
      await editor.page.reload();
      await expect.poll(names).toEqual(after);

      // A category dragged by its handle with the mouse, below the next one.
      const categories = editor.page.getByRole('list', { name: 'Categories', exact: true });
      const categoryNames = () =>
        categories.locator(':scope > li > section > div > h3').allTextContents();
      const guestSections = () => guest.page.locator('.menu-section > h2').allTextContents();
      const order = await categoryNames();
      const from = await editor.page
        .getByRole('button', { name: `Move ${order[0]}`, exact: true })
        .boundingBox();
      const past = await categories.locator(':scope > li').nth(1).boundingBox();
      await editor.page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
      await editor.page.mouse.down();
      // Down by the next category's height: the dragged one then sits where that one was.
      await editor.page.mouse.move(from!.x + 10, from!.y + past!.height + 8, { steps: 12 });
      await editor.page.mouse.up();
      const moved = [order[1]!, order[0]!, ...order.slice(2)];
      await expect.poll(categoryNames).toEqual(moved);
      await expect.poll(guestSections).toEqual(moved);
      expect(editor.errors).toEqual([]);
    } finally {
      await editor.close();
      await guest.close();
    }
  });

  test('two managers save the same dish: the second sees both versions and chooses', async () => {
    const first = await openEditor();
    const second = await openEditor();
    try {
      const name = 'Burrata';
      await editDish(first.page, name);
      await editDish(second.page, name);
      const price = await first.page.getByLabel('Price (EUR)').inputValue();

      await first.page.getByLabel('Price (EUR)').fill('15.00');
      await first.page.getByRole('button', { name: 'Save dish' }).click();
      await first.page
        .getByRole('status')
        .filter({ hasText: `Saved ${name}.` })
        .waitFor();

      await second.page.getByLabel('Description').fill('With heirloom tomatoes and basil oil.');
      await second.page.getByRole('button', { name: 'Save dish' }).click();
      const conflict = second.page.getByRole('region', {
        name: 'Someone else saved this dish while you were editing it',
      });
      await conflict.waitFor();
      const rows = await conflict
        .getByRole('row')
        .evaluateAll((all) =>
          all.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent)),
        );
      expect(rows[0]).toEqual(['Field', 'Your change', 'Saved by someone else']);
      expect(rows).toContainEqual(['Price', `€${price}`, '€15.00']);
      expect(rows.map((row) => row[0])).toContain('Description');
      await expectAccessible(second.page, 'menu editor: a conflict');
      await bothSizes(second.page, 'manage-menu-conflict', conflict);

      // Keep mine: this manager's version, saved over the newer one knowingly.
      await conflict.getByRole('button', { name: 'Keep mine' }).click();
      await second.page
        .getByRole('status')
        .filter({ hasText: `Saved ${name}.` })
        .waitFor();
      const saved = (await guestMenu()).categories
        .flatMap((category) => category.items)
        .find((item) => item.name === name)!;
      expect(saved.description).toBe('With heirloom tomatoes and basil oil.');
      expect(euros(saved.priceCents)).toBe(`€${price}`);
      // The 409 of the first try is the one error the console shows.
      expect(second.errors.filter((error) => !/409/.test(error))).toEqual([]);
      expect(first.errors).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }
  });

  test('a photo is checked before sending, uploaded with the save and served phone-sized', async () => {
    const editor = await openEditor();
    try {
      const name = 'Galway Bay oysters';
      await editDish(editor.page, name);
      const file = editor.page.getByLabel(/^Choose (a|another) photo$/);
      await file.setInputFiles({
        name: 'oysters.png',
        mimeType: 'text/plain',
        buffer: Buffer.from('not a picture'),
      });
      await editor.page.getByText('A photo is a JPEG, PNG or WebP image.').waitFor();

      // A 1600 × 1200 camera-sized PNG, drawn by the browser itself.
      const dataUrl = await editor.page.evaluate(() => {
        const canvas = document.createElement('canvas');
        canvas.width = 1600;
        canvas.height = 1200;
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#14532d';
        context.fillRect(0, 0, 1600, 1200);
        context.fillStyle = '#fef3c7';
        context.beginPath();
        context.arc(800, 600, 420, 0, Math.PI * 2);
        context.fill();
        return canvas.toDataURL('image/png');
      });
      await file.setInputFiles({
        name: 'oysters.png',
        mimeType: 'image/png',
        buffer: Buffer.from(dataUrl.split(',')[1]!, 'base64'),
      });
      await editor.page.getByRole('img', { name: `The new photo of ${name}` }).waitFor();
      expect(await editor.page.getByText('A photo is a JPEG, PNG or WebP image.').count()).toBe(0);
      await saveDish(editor.page, name);

      await editDish(editor.page, name);
      const photo = editor.page.getByRole('img', { name: `The photo of ${name}` });
      await expect
        .poll(() =>
          photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth),
        )
        .toBe(640);
      const src = await photo.getAttribute('src');
      expect(src).toMatch(/^\/media\/photos\/[A-Za-z0-9_-]{22}\.webp$/);
      const served = await editor.page.request.get(src!);
      expect(served.headers()['content-type']).toBe('image/webp');
      await photo.scrollIntoViewIfNeeded();
      await screenshot(editor.page, 'manage-menu-photo-laptop', { fullPage: false });

      await editor.page.getByRole('button', { name: 'Remove the photo' }).click();
      await saveDish(editor.page, name);
      await editDish(editor.page, name);
      await editor.page.getByText('No photo: guests see the name only.').waitFor();
      expect(editor.errors).toEqual([]);
    } finally {
      await editor.close();
    }
  });

  test('leaving a dish with unsaved changes asks first', async () => {
    const editor = await openEditor();
    try {
      await editDish(editor.page, 'Burrata');
      await editor.page.getByLabel('Name', { exact: true }).fill('Burrata, changed');
      // Closing the tab: the browser's own question, answered "stay".
      const asked = new Promise<string>((resolve) =>
        editor.page.once('dialog', (dialog) => {
          resolve(dialog.type());
          void dialog.dismiss();
        }),
      );
      await editor.page.close({ runBeforeUnload: true });
      expect(await asked).toBe('beforeunload');
      expect(editor.page.isClosed()).toBe(false);
      // Another page of the app: the page's own question.
      await editor.page.getByRole('link', { name: 'Tables' }).click();
      const question = editor.page.getByRole('alertdialog');
      await question.getByText(/You have not saved your changes to Burrata/).waitFor();
      await expectAccessible(editor.page, 'menu editor: leaving unsaved changes');
      await question.getByRole('button', { name: 'Stay' }).click();
      expect(new URL(editor.page.url()).pathname).toBe(MENU_PATH);
      await editor.page.getByRole('link', { name: 'Tables' }).click();
      await editor.page.getByRole('button', { name: 'Leave without saving' }).click();
      await editor.page.waitForURL(`**/manage/${DEMO_SLUG}/tables`);
    } finally {
      await editor.close();
    }
  });
});
