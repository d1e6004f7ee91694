import {
  advanceInputSchema,
  itemStatusInputSchema,
  kitchenLiveInputSchema,
  locationInputSchema,
  rooms,
  transitionInputSchema,
} from '@ticketrail/shared';
import { assertWorksAt } from '../domain/staff';
import { roomFeed } from '../realtime/stream';
import { kitchenBoard } from '../domain/orders/read';
import { advanceOrder, setItemStatus, transitionOrder } from '../domain/orders/transition';
import { router, staffProcedure } from '../trpc';

/** The crew's side: the board of open tickets and the moves on it. */
export const kitchenRouter = router({
  /** Every open ticket of a location, oldest first, with the event id it is current to. */
  board: staffProcedure
    .input(locationInputSchema)
    .query(({ ctx, input }) => kitchenBoard(ctx.db, ctx.staff, input.locationId)),

  /**
   * Every change at the location as it happens: new tickets, bumps, items,
   * cancellations and availability, each with the full ticket. Resumes after
   * `lastEventId` (the board query's, or the last event seen) without gaps.
   */
  live: staffProcedure
    .input(kitchenLiveInputSchema)
    .subscription(async ({ ctx, input, signal }) => {
      assertWorksAt(ctx.staff, input.locationId);
      return roomFeed(ctx, rooms.kitchen(input.locationId), 'kitchen', input.lastEventId, signal);
    }),

  /** Moves an order to a named status (accept, reject, cancel, …). */
  transition: staffProcedure
    .input(transitionInputSchema)
    .mutation(({ ctx, input }) => transitionOrder(ctx.db, ctx.staff, input, ctx.now())),

  /** Bumps an order to its next stage. */
  advance: staffProcedure
    .input(advanceInputSchema)
    .mutation(({ ctx, input }) => advanceOrder(ctx.db, ctx.staff, input, ctx.now())),

  /** Marks one item queued, cooking or done; the order follows its items. */
  setItemStatus: staffProcedure
    .input(itemStatusInputSchema)
    .mutation(({ ctx, input }) => setItemStatus(ctx.db, ctx.staff, input, ctx.now())),
});
