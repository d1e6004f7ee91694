import type { Kysely } from 'kysely';
import { orderingRefusal, priceCart, type CartLine, type PricedLine } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { cartRefused, DomainError } from '../errors';
import { findLocation } from '../locations/locations';
import { loadPricingMenu } from '../menu/pricing-menu';
import { settingsOf, type SettingsLocks } from '../settings/read';

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
  now: Date,
  locks: SettingsLocks,
): Promise<Quote> {
  const location = await findLocation(db, input.locationSlug);
  const settings = await settingsOf(db, location.id, locks);
  // The order type is not known yet: closed or not accepting is, and says so before checkout.
  const refusal = orderingRefusal(location.name, settings, now);
  if (refusal) throw new DomainError('closed', refusal);
  const menu = await loadPricingMenu(
    db,
    location.id,
    input.items.map((line) => line.itemId),
  );
  const priced = priceCart(menu, input.items);
  if (!priced.ok) throw cartRefused(priced.problems);
  const { lines, subtotalCents, totalCents } = priced;
  return { currency: settings.currency, lines, subtotalCents, totalCents };
}
