/**
 * The guest's side of the browser tests: the demo's table links, and the
 * orders a test's guest placed, read from the database to prove how many
 * there are.
 */
import { DEMO_LOCATIONS } from '@ticketrail/server/testing';
import type { Page } from 'playwright-core';
import type { TicketrailServer } from './ticketrail-server';

export const DEMO_TABLE = DEMO_LOCATIONS[0]!.tables[3]!;

/** The link a table's QR code holds. */
export const tableLink = (slug: string, secret: string) =>
  `/l/${slug}?table=${encodeURIComponent(secret)}`;

/** Every order placed under `guestName`, oldest first. */
export function ordersOf(server: TicketrailServer, guestName: string) {
  return server.db
    .selectFrom('orders')
    .leftJoin('tables', 'tables.id', 'orders.table_id')
    .select([
      'orders.id',
      'orders.number',
      'orders.type',
      'orders.total_cents',
      'orders.status',
      'tables.label as table_label',
    ])
    .where('orders.guest_name', '=', guestName)
    .orderBy('orders.placed_at')
    .execute();
}

/** Opens a dish from the menu list by its name. */
export async function openDish(page: Page, name: string) {
  await page.locator('.menu-item__open').filter({ hasText: name }).first().click();
  await page.getByRole('dialog', { name }).waitFor();
}

/** The cart sheet, opened from the bar at the bottom. */
export async function openCart(page: Page) {
  await page.getByRole('button', { name: /^View order/ }).click();
  const cart = page.getByRole('dialog', { name: /^Your order/ });
  await cart.waitFor();
  return cart;
}

/**
 * Waits until a closed sheet has taken its history step back out (it does so
 * just after closing); a navigation started before then would be cut short.
 */
export async function sheetStepGone(page: Page) {
  await page.waitForFunction(() => {
    const state: unknown = window.history.state;
    return !(typeof state === 'object' && state !== null && 'ticketrailSheet' in state);
  });
}
