/**
 * Generous per-address budgets for the guest's calls that cost the server
 * real work (pricing a cart, placing an order). A dining room on the venue's
 * Wi-Fi is dozens of phones behind one address, so the defaults sit far above
 * what a full room does at the peak of service; what they stop is one
 * machine sending thousands a minute.
 */
import { throttled } from '../errors';
import { addressKey } from '../http/client-address';
import { take, type Limiter, type ThrottleStore } from './store';
import { waitWords } from './words';

export type AddressBudgetName = 'quote' | 'place';

/** Calls per minute per address; 0 means no limit. */
export type AddressLimits = Record<AddressBudgetName, number>;

export const DEFAULT_ADDRESS_LIMITS: AddressLimits = { quote: 1200, place: 300 };

const REFUSAL: Record<AddressBudgetName, string> = {
  quote: 'Too many price checks from this network just now.',
  place: 'Too many orders from this network just now.',
};

export interface AddressThrottle {
  /** Counts one call; refuses with a `throttled` DomainError when the budget is spent. */
  take(name: AddressBudgetName, address: string | null): Promise<void>;
}

export function addressThrottle(store: ThrottleStore, limits: AddressLimits): AddressThrottle {
  const limiters = new Map<AddressBudgetName, Limiter>();
  for (const name of Object.keys(limits) as AddressBudgetName[]) {
    if (limits[name] > 0) {
      limiters.set(name, store.limiter({ name, points: limits[name], windowSeconds: 60 }));
    }
  }
  return {
    async take(name, address) {
      const limiter = limiters.get(name);
      // In-process calls (tests, scripts) have no address and are not counted.
      if (!limiter || address === null) return;
      const wait = await take(limiter, addressKey(address));
      if (wait !== null) {
        throw throttled(`${REFUSAL[name]} Please try again in ${waitWords(wait)}.`, wait);
      }
    },
  };
}
