/**
 * The public edge as staff meet it in a real browser: a guesser's wrong
 * passwords are throttled with a wait the form says out loud, and a board
 * whose session ends elsewhere goes back to the sign-in form, saying why,
 * instead of showing a board that quietly stopped. Every page here also runs
 * under the server's Content-Security-Policy (the page's close checks it).
 */
import { describe, expect, test } from 'vitest';
import { screenshot, useChromium } from './support/chromium';
import { openBoard } from './support/kitchen';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
/** The guesser's target: not the kitchen account, which the other test signs in with. */
const MANAGER = { email: 'manager@harbour.example', password: 'demo-manager' };
const chromium = useChromium();

describe('the public edge, in the browser', () => {
  test('too many wrong passwords: the form says how long to wait, and waits', async () => {
    const { page, errors, close } = await chromium.openPage({ baseURL: server.url });
    try {
      await page.goto('/kitchen');
      await page.getByLabel('Email').fill(MANAGER.email);
      const alert = page.locator('#sign-in-error');
      const attempt = async (password: string) => {
        await page.getByLabel('Password').fill(password);
        const answered = page.waitForResponse((response) => response.url().includes('auth.login'));
        await page.getByRole('button', { name: 'Sign in' }).click();
        return (await answered).status();
      };
      // The server's default: five wrong passwords for one account from one address.
      for (let wrong = 1; wrong <= 5; wrong += 1) {
        expect(await attempt(`wrong ${wrong}`)).toBe(401);
      }
      expect(await alert.textContent()).toMatch(/password is wrong/);
      // Refused before the password is even checked: the right one waits too.
      expect(await attempt(MANAGER.password)).toBe(429);
      await expect
        .poll(() => alert.textContent())
        .toMatch(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
      // Another try now would only be refused: the button holds for the wait.
      expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
      await screenshot(page, 'public-edge-sign-in-throttled');
      const refusals = errors.filter((error) => /status of (401|429)/.test(error));
      expect(refusals).toHaveLength(errors.length);
      expect(refusals.some((error) => error.includes('429'))).toBe(true);
    } finally {
      await close();
    }
  });

  test('signed out on another device: the board goes back to the sign-in, saying why', async () => {
    const board = await openBoard(chromium, server.url);
    try {
      await board.staff.api.auth.logout.mutate();
      await board.page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
      expect(await board.page.getByRole('status').textContent()).toBe(
        'Your session has ended. Please sign in again.',
      );
      expect(await board.page.locator('.board').count()).toBe(0);
      await screenshot(board.page, 'public-edge-session-ended');
    } finally {
      await board.close();
    }
  });
});
