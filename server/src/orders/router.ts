import {
  orderLiveInputSchema,
  placeOrderInputSchema,
  quoteInputSchema,
  rooms,
  trackOrderInputSchema,
} from '@ticketrail/shared';
import { placeOrder } from './place';
import { quoteCart } from './quote';
import { authorizeOrderWatch, trackOrder } from './tracking';
import { roomFeed } from '../live/stream';
import { maybeStaffProcedure, publicProcedure, router, throttledProcedure } from '../trpc';

/** The guest's side: no account, just the order and its tracking link. */
export const ordersRouter = router({
  /** Prices a cart; the guest sees the server's totals, never the client's own sums. */
  quote: throttledProcedure('quote')
    .input(quoteInputSchema)
    .query(({ ctx, input }) => quoteCart(ctx.db, input, ctx.now(), ctx.settingsLocks)),

  /** Places an order. Retrying with the same idempotency key returns the same order. */
  place: throttledProcedure('place')
    .input(placeOrderInputSchema)
    .mutation(({ ctx, input }) => placeOrder(ctx.db, input, ctx.now(), ctx.settingsLocks)),

  /** The order behind a tracking link. */
  track: publicProcedure
    .input(trackOrderInputSchema)
    .query(({ ctx, input }) => trackOrder(ctx.db, input)),

  /** The order's changes as the guest may see them; the tracking token or staff may watch. */
  live: maybeStaffProcedure
    .input(orderLiveInputSchema)
    .subscription(async ({ ctx, input, signal }) => {
      // The token from the input, or the one the guest's socket connected with.
      const token = input.token ?? ctx.trackingToken ?? undefined;
      const { by } = await authorizeOrderWatch(
        ctx.db,
        { orderId: input.orderId, token },
        ctx.staff,
      );
      // Staff watching without the token lose the feed when their session ends.
      return roomFeed(ctx, rooms.order(input.orderId), 'order', input.lastEventId, signal, {
        session: by === 'staff' ? ctx.sessionToken : null,
      });
    }),
});
