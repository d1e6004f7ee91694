import {
  itemStatusInputSchema,
  kitchenLiveInputSchema,
  kitchenSettingsInputSchema,
  locationInputSchema,
  recallInputSchema,
  rooms,
  stationBumpInputSchema,
  transitionInputSchema,
} from '@ticketrail/shared';
import { assertWorksAt } from '../staff/access';
import { roomFeed } from '../live/stream';
import { kitchenBoard } from './board';
import { bumpStation, recallOrder, setItemStatus, transitionOrder } from '../orders/transition';
import { updateKitchenSettings } from './settings';
import { managerProcedure, router, staffProcedure } from '../trpc';

/** The crew's side: the board of open tickets and the moves on it. */
export const kitchenRouter = router({
  /** Every open ticket of a location, oldest first, with the event id it is current to. */
  board: staffProcedure
    .input(locationInputSchema)
    .query(({ ctx, input }) =>
      kitchenBoard(ctx.db, ctx.staff, input.locationId, ctx.settingsLocks),
    ),

  /**
   * Every change at the location as it happens: new tickets, bumps, items,
   * cancellations and availability, each with the full ticket. Resumes after
   * `lastEventId` (the board query's, or the last event seen) without gaps.
   */
  live: staffProcedure
    .input(kitchenLiveInputSchema)
    .subscription(async ({ ctx, input, signal }) => {
      assertWorksAt(ctx.staff, input.locationId);
      // Ends (UNAUTHORIZED) as soon as the session does, on whichever instance it ended.
      return roomFeed(ctx, rooms.kitchen(input.locationId), 'kitchen', input.lastEventId, signal, {
        session: ctx.sessionToken,
      });
    }),

  /**
   * Moves an order to a named status (accept, reject, cancel, …). The board's
   * bump is this, to `bumpTarget(status)` from shared/.
   */
  transition: staffProcedure
    .input(transitionInputSchema)
    .mutation(({ ctx, input }) => transitionOrder(ctx.db, ctx.staff, input, ctx.now())),

  /** Undoes the order's last bump, within the location's recall window. */
  recall: staffProcedure
    .input(recallInputSchema)
    .mutation(({ ctx, input }) =>
      recallOrder(ctx.db, ctx.staff, input, ctx.now(), ctx.settingsLocks),
    ),

  /** A station's bump: all of that station's items on the order are done. */
  bumpStation: staffProcedure
    .input(stationBumpInputSchema)
    .mutation(({ ctx, input }) => bumpStation(ctx.db, ctx.staff, input, ctx.now())),

  /**
   * The board's timer thresholds and recall window, as a location override
   * (the settings page writes the same ones). Managers only.
   */
  updateSettings: managerProcedure
    .input(kitchenSettingsInputSchema)
    .mutation(({ ctx, input }) =>
      updateKitchenSettings(
        ctx.db,
        ctx.staff,
        input.locationId,
        input.settings,
        ctx.settingsLocks,
        ctx.now(),
      ),
    ),

  /** Marks one item queued, cooking or done; the order follows its items. */
  setItemStatus: staffProcedure
    .input(itemStatusInputSchema)
    .mutation(({ ctx, input }) => setItemStatus(ctx.db, ctx.staff, input, ctx.now())),
});
