/**
 * The back office's Staff page in a real browser against a real server
 * (issue 14): a manager adds a cook, the cook signs in to the kitchen board
 * on another screen; deactivating the cook signs that open board out at once,
 * and so does a role change; the last manager's own demotion is refused,
 * beside the role. Screenshots on a laptop and an upright tablet; axe on each
 * state of the page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible } from './support/axe';
import { screenshot, useChromium, type Chromium } from './support/chromium';
import { waitLive } from './support/kitchen';
import { openBackOffice } from './support/manage';
import { DEMO_SLUG } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

const STAFF_PATH = `/manage/${DEMO_SLUG}/staff`;
const COOK = { name: 'Róisín Murphy', email: 'roisin@harbour.example', password: 'e2e cook pass' };
const ENDED = 'Your session has ended. Please sign in again.';

/** A person's row on the Staff page. */
const staffRow = (page: Page, name: string) =>
  page
    .locator('.staff-row')
    .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) }) });

/** The cook's own tablet: the kitchen board, signed in through its form, live. */
async function cookSignsIn(browser: Chromium) {
  const board = await browser.openPage({ baseURL: server.url, device: 'tablet' });
  await board.page.goto(`/kitchen/${DEMO_SLUG}`);
  await board.page.getByLabel('Email').fill(COOK.email);
  await board.page.getByLabel('Password').fill(COOK.password);
  await board.page.getByRole('button', { name: 'Sign in' }).click();
  await waitLive(board.page);
  return board;
}

/** The board has gone back to its sign-in form, saying why (no sleeps: it waits for the form). */
async function boardSignsOut(page: Page) {
  await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
  await page.getByText(ENDED).waitFor();
  expect(await page.locator('.live-badge--live').count()).toBe(0);
}

/** Console errors other than the refusals a test asked for (by procedure). */
const unexpected = (errors: string[], refused: string[]) =>
  errors.filter((error) => !refused.some((path) => error.includes(path)));

describe('the back office’s staff', () => {
  test('a new cook’s open board signs out when deactivated, and on a role change', async () => {
    const { page, errors, close } = await openBackOffice(chromium, server.url, {
      path: STAFF_PATH,
      device: 'tablet', // 1280×800: a laptop's screen as much as a tablet on its side
    });
    try {
      await page.getByRole('heading', { level: 2, name: 'Staff' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Back office' });
      expect(await nav.getByRole('link', { name: 'Staff' }).getAttribute('aria-current')).toBe(
        'page',
      );
      await staffRow(page, 'Aoife Brennan').getByText('You').waitFor();
      await expectAccessible(page, 'staff page');

      // Add the cook.
      const add = page.getByRole('form', { name: 'Add someone' });
      await add.getByLabel('Name').fill(COOK.name);
      await add.getByLabel('Email (they sign in with it)').fill(COOK.email);
      await add.getByLabel('Role').selectOption('kitchen');
      await add.getByLabel('First password').fill(COOK.password);
      await add.getByRole('button', { name: 'Add to the team' }).click();
      await staffRow(page, COOK.name).waitFor();
      await page.getByText(`Added ${COOK.name}. They can sign in now.`).waitFor();

      // The same email again: refused beside the email field.
      await add.getByLabel('Name').fill('Róisín Again');
      await add.getByLabel('Email (they sign in with it)').fill(' ROISIN@harbour.example');
      await add.getByLabel('First password').fill('another pass');
      await add.getByRole('button', { name: 'Add to the team' }).click();
      const email = add.getByLabel('Email (they sign in with it)');
      await page.getByText('There is already an account with that email.').waitFor();
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, 'staff page, a taken email refused');
      await screenshot(page, 'manage-staff-laptop');
      await add.getByLabel('Name').fill('');
      await email.fill('');
      await add.getByLabel('First password').fill('');

      // The cook signs in on the kitchen's tablet.
      const board = await cookSignsIn(chromium);
      try {
        // Deactivate: a confirm step that says the screens sign out.
        const row = staffRow(page, COOK.name);
        await row.getByRole('button', { name: `Deactivate ${COOK.name}` }).click();
        const confirm = row.getByRole('group', { name: new RegExp(`Deactivate ${COOK.name}\\?`) });
        expect(await confirm.textContent()).toMatch(/screens sign out at once/);
        await expectAccessible(page, 'staff page, deactivation confirm open');
        const asked = Date.now();
        await confirm.getByRole('button', { name: `Deactivate ${COOK.name}` }).click();
        await boardSignsOut(board.page);
        console.log(`[staff] board signed out ${Date.now() - asked} ms after the deactivation`);
        await row.getByText('Deactivated').waitFor();
        await screenshot(page, 'manage-staff-deactivated');
      } finally {
        await board.close();
      }

      // Back on the team, on the board again; a role change signs the board out too.
      const row = staffRow(page, COOK.name);
      await row.getByRole('button', { name: `Reactivate ${COOK.name}` }).click();
      await row
        .getByRole('group')
        .getByRole('button', { name: `Reactivate ${COOK.name}` })
        .click();
      await row.getByText('Active', { exact: true }).waitFor();
      const again = await cookSignsIn(chromium);
      try {
        await row.getByRole('button', { name: `Edit ${COOK.name}` }).click();
        const edit = page.getByRole('form', { name: `Edit ${COOK.name}` });
        await edit.getByLabel('Role').selectOption('front_of_house');
        await edit.getByText('signs them out on every screen at once').waitFor();
        await expectAccessible(page, 'staff page, a role change being edited');
        await edit.getByRole('button', { name: 'Save' }).click();
        await boardSignsOut(again.page);
        await row.getByText('Front of house').waitFor();
      } finally {
        await again.close();
      }
      expect(unexpected(errors, ['staff.add'])).toEqual([]);
    } finally {
      await close();
    }
  });

  test('the last manager cannot demote themselves: the refusal is beside the role', async () => {
    const { page, errors, close } = await openBackOffice(chromium, server.url, {
      path: STAFF_PATH,
    });
    try {
      const me = staffRow(page, 'Aoife Brennan');
      await me.getByRole('button', { name: 'Edit Aoife Brennan' }).click();
      const edit = page.getByRole('form', { name: 'Edit Aoife Brennan' });
      const role = edit.getByLabel('Role');
      await role.selectOption('kitchen');
      await edit.getByRole('button', { name: 'Save' }).click();
      const refusal = edit.getByText(
        /^Aoife Brennan is the last active manager at .+; make someone else a manager first\.$/,
      );
      await refusal.waitFor();
      expect(await role.getAttribute('aria-invalid')).toBe('true');
      expect(await role.getAttribute('aria-describedby')).toContain(
        (await refusal.getAttribute('id')) ?? 'no id',
      );
      await expectAccessible(page, 'staff page, the last manager’s demotion refused');
      await screenshot(page, 'manage-staff-last-manager', { fullPage: false });

      // Leaving with the change unsaved asks first; staying keeps it.
      await page
        .getByRole('navigation', { name: 'Back office' })
        .getByRole('link', { name: 'Tables' })
        .click();
      const leave = page.getByRole('alertdialog');
      await leave.getByText(/Your changes to this person are not saved/).waitFor();
      await expectAccessible(page, 'staff page, leaving with an unsaved change');
      await leave.getByRole('button', { name: 'Stay' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(STAFF_PATH);
      expect(await role.inputValue()).toBe('kitchen');
      await edit.getByRole('button', { name: 'Cancel' }).click();

      // An upright tablet.
      await page.setViewportSize({ width: 800, height: 1280 });
      await screenshot(page, 'manage-staff-tablet-upright');
      await expectAccessible(page, 'staff page on an upright tablet');
      expect(unexpected(errors, ['staff.update'])).toEqual([]);
    } finally {
      await close();
    }
  });
});
