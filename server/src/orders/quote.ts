import type { Kysely } from 'kysely';
import { priceCart, type CartLine, type PricedLine } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { cartRefused } from '../errors';
import { findLocation } from '../locations/locations';
import { loadPricingMenu } from '../menu/pricing-menu';

export interface Quote {
  currency: string;
  lines: PricedLine[];
  subtotalCents: number;
  totalCents: number;
}

/** Prices a cart the way placing it would, without taking anything. */
export async function quoteCart(
  db: Kysely<Database>,
  input: { locationSlug: string; items: CartLine[] },
): Promise<Quote> {
  const location = await findLocation(db, input.locationSlug);
  const menu = await loadPricingMenu(
    db,
    location.id,
    input.items.map((line) => line.itemId),
  );
  const priced = priceCart(menu, input.items);
  if (!priced.ok) throw cartRefused(priced.problems);
  const { lines, subtotalCents, totalCents } = priced;
  return { currency: location.currency, lines, subtotalCents, totalCents };
}
