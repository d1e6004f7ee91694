/** Pieces of test orders that every face's tests build the same way. Test code only. */
import type { KitchenTicket } from '../live/reducers';

/** The stage times of an order placed at `placedAt` that has gone no further. */
export function placedAt(placedAt: string): KitchenTicket['times'] {
  return {
    placedAt,
    acceptedAt: null,
    preparingAt: null,
    readyAt: null,
    completedAt: null,
    rejectedAt: null,
    cancelledAt: null,
  };
}

/** The demo's first location as `menu.locations` lists it. */
export const HARBOUR_KITCHEN = {
  id: 1,
  slug: 'harbour-kitchen',
  name: 'Harbour Kitchen',
  timezone: 'Europe/Dublin',
  currency: 'EUR',
  acceptingOrders: true,
};
