import { locationLiveInputSchema, locationSlugSchema, rooms } from '@ticketrail/shared';
import { z } from 'zod';
import { findLocation } from '../locations/locations';
import { readyBoard } from './board';
import { roomFeed } from '../live/stream';
import { publicProcedure, router } from '../trpc';

/** The customer-facing ready board: order numbers and stages, nothing else. */
export const boardRouter = router({
  /**
   * The numbers on the board now (collected ones for the location's collected
   * time), the restaurant's name, and the event id they are current to.
   */
  get: publicProcedure
    .input(z.strictObject({ locationSlug: locationSlugSchema }))
    .query(async ({ ctx, input }) =>
      readyBoard(
        ctx.db,
        await findLocation(ctx.db, input.locationSlug),
        ctx.now(),
        ctx.settingsLocks,
      ),
    ),

  /** Numbers moving between stages, and changes to the collected time, live. */
  live: publicProcedure
    .input(locationLiveInputSchema)
    .subscription(async ({ ctx, input, signal }) => {
      const location = await findLocation(ctx.db, input.locationSlug);
      return roomFeed(ctx, rooms.board(location.id), 'board', input.lastEventId, signal);
    }),
});
