import {
  availabilityInputSchema,
  locationLiveInputSchema,
  locationSlugSchema,
  rooms,
  tableInputSchema,
} from '@ticketrail/shared';
import { z } from 'zod';
import { findLocation, listLocations } from '../locations/locations';
import { findTable } from '../locations/tables';
import { setAvailability } from './availability';
import { getMenu } from './public-menu';
import { roomFeed } from '../live/stream';
import { publicProcedure, router, staffProcedure } from '../trpc';

export const menuRouter = router({
  /** Every location, for the home page and the staff's location picker. */
  locations: publicProcedure.query(({ ctx }) => listLocations(ctx.db, ctx.settingsLocks)),

  /** A location's whole menu with availability: what a guest browses. */
  get: publicProcedure
    .input(z.strictObject({ locationSlug: locationSlugSchema }))
    .query(({ ctx, input }) => getMenu(ctx.db, input.locationSlug, ctx.settingsLocks)),

  /** The table a QR link is for: the guest sees "Table 4" before ordering to it. */
  table: publicProcedure
    .input(tableInputSchema)
    .query(({ ctx, input }) => findTable(ctx.db, input)),

  /** Availability changes as they happen: an item 86'd, back on, or sold out. */
  live: publicProcedure
    .input(locationLiveInputSchema)
    .subscription(async ({ ctx, input, signal }) => {
      const location = await findLocation(ctx.db, input.locationSlug);
      return roomFeed(ctx, rooms.menu(location.id), 'menu', input.lastEventId, signal);
    }),

  /** "86" an item, or bring it back. */
  setAvailability: staffProcedure
    .input(availabilityInputSchema)
    .mutation(({ ctx, input }) => setAvailability(ctx.db, ctx.staff, input)),
});
