/**
 * Believable orders for the demo restaurant, placed through the API as a
 * guest's phone would: varied items with their required options, some notes,
 * dine-in at a table, pickup and delivery.
 */
import { randomUUID } from 'node:crypto';
import { minimumChoices } from '@ticketrail/shared';
import { DEMO_LOCATIONS } from '@ticketrail/server/testing';
import type { RouterInputs, RouterOutputs } from '@ticketrail/server';
import type { Api } from './api';

type Menu = RouterOutputs['menu']['get'];
type MenuItem = Menu['categories'][number]['items'][number];
type CartLine = RouterInputs['orders']['place']['items'][number];

export const DEMO_SLUG = 'harbour-kitchen';

const NAMES = ['Aoife', 'Ciarán', 'Maeve', 'Tomás', 'Niamh', 'Oisín', 'Saoirse', 'Darragh'];
const NOTES = [null, 'no onions', null, 'extra crispy', null, 'sauce on the side', 'NUT ALLERGY'];

/** The demo's counted items (a few portions a night): a long test would sell them out. */
const COUNTED = new Set(
  DEMO_LOCATIONS[0]!.menu.flatMap((category) =>
    [category, ...(category.children ?? [])].flatMap((section) =>
      section.items.filter((item) => item.stock !== undefined).map((item) => item.name),
    ),
  ),
);

/** Every item of the menu that can be ordered any number of times, in menu order. */
export function orderableItems(menu: Menu): MenuItem[] {
  return menu.categories
    .flatMap((category) => [category.items, ...category.children.map((child) => child.items)])
    .flat()
    .filter((item) => item.available && !item.soldOut && !COUNTED.has(item.name));
}

/** A line for `item` with the fewest options it needs (choosing later ones for variety). */
export function lineFor(item: MenuItem, quantity: number, seed: number, notes?: string | null) {
  const optionIds = item.optionGroups.flatMap((group) => {
    const need = minimumChoices(group);
    const open = group.options.filter((option) => option.available);
    const start = need > 0 ? seed % Math.max(1, open.length - need + 1) : 0;
    return open.slice(start, start + need).map((option) => option.id);
  });
  const line: CartLine = { itemId: item.id, quantity, optionIds };
  if (notes) line.notes = notes;
  return line;
}

/** The n-th order of a busy evening: 1–4 lines, a mix of fulfilment types. */
export function demoOrder(menu: Menu, n: number): RouterInputs['orders']['place'] {
  const items = orderableItems(menu);
  const lines = 1 + (n % 4);
  const cart: CartLine[] = [];
  for (let line = 0; line < lines; line += 1) {
    const item = items[(n * 7 + line * 11) % items.length]!;
    if (cart.some((existing) => existing.itemId === item.id)) continue;
    cart.push(
      lineFor(item, 1 + ((n + line) % 3 === 0 ? 1 : 0), n + line, NOTES[(n + line) % NOTES.length]),
    );
  }
  const tables = DEMO_LOCATIONS[0]!.tables;
  const kind = n % 3;
  return {
    locationSlug: DEMO_SLUG,
    idempotencyKey: randomUUID(),
    guest: { name: NAMES[n % NAMES.length]! },
    fulfilment:
      kind === 0
        ? { type: 'dine_in', tableSecret: tables[n % tables.length]!.secret }
        : kind === 1
          ? { type: 'pickup' }
          : { type: 'delivery', address: `${10 + n} Quay Street, Galway` },
    items: cart,
  };
}

/** Places `count` orders one after another; returns them in order. */
export async function placeOrders(guest: Api, count: number, from = 0) {
  const menu = await guest.menu.get.query({ locationSlug: DEMO_SLUG });
  const placed = [];
  for (let n = from; n < from + count; n += 1) {
    placed.push(await guest.orders.place.mutate(demoOrder(menu, n)));
  }
  return placed;
}
