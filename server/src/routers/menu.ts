import { availabilityInputSchema, locationSlugSchema } from '@ticketrail/shared';
import { z } from 'zod';
import { getMenu, listLocations, setAvailability } from '../domain/menu';
import { publicProcedure, router, staffProcedure } from '../trpc';

export const menuRouter = router({
  /** Every location, for the home page and the staff's location picker. */
  locations: publicProcedure.query(({ ctx }) => listLocations(ctx.db)),

  /** A location's whole menu with availability: what a guest browses. */
  get: publicProcedure
    .input(z.strictObject({ locationSlug: locationSlugSchema }))
    .query(({ ctx, input }) => getMenu(ctx.db, input.locationSlug)),

  /** "86" an item, or bring it back. */
  setAvailability: staffProcedure
    .input(availabilityInputSchema)
    .mutation(({ ctx, input }) => setAvailability(ctx.db, ctx.staff, input)),
});
