import {
  locationInputSchema,
  staffAddInputSchema,
  staffMemberInputSchema,
  staffSetPasswordInputSchema,
  staffUpdateInputSchema,
} from '@ticketrail/shared';
import { deactivateStaff } from './deactivate';
import { setStaffPassword } from './password-admin';
import { addStaff, listStaff, reactivateStaff, updateStaff } from './team';
import { managerProcedure, router } from '../trpc';

/**
 * The team: managers' actions on staff accounts at their locations. Whoever
 * works only elsewhere is NOT_FOUND. Every change that ends someone's
 * sessions wakes the session watch, so their open screens sign out on every
 * instance within a second.
 */
export const staffRouter = router({
  /** Everyone at the location, deactivated accounts too, sorted by name. */
  list: managerProcedure.input(locationInputSchema).query(async ({ ctx, input }) => ({
    staff: await listStaff(ctx.db, ctx.staff, input.locationId),
  })),

  /** A new account working at the location; a taken email is a CONFLICT. */
  add: managerProcedure
    .input(staffAddInputSchema)
    .mutation(({ ctx, input }) => addStaff(ctx.db, ctx.staff, input)),

  /**
   * Name, role and which of the manager's locations they work at. A new role
   * or a location taken away signs them out everywhere (`signedOut`). The
   * last active manager of a location cannot be demoted or taken off it.
   */
  update: managerProcedure.input(staffUpdateInputSchema).mutation(async ({ ctx, input }) => {
    const result = await updateStaff(ctx.db, ctx.staff, input);
    if (result.signedOut) ctx.realtime.sessions.checkSoon();
    return result;
  }),

  /** Someone else's new password; their sessions end. Not for one's own account. */
  setPassword: managerProcedure
    .input(staffSetPasswordInputSchema)
    .mutation(async ({ ctx, input }) => {
      const result = await setStaffPassword(ctx.db, ctx.staff, input.staffId, input.password);
      ctx.realtime.sessions.checkSoon();
      return result;
    }),

  /**
   * Takes an account off the team: no more sign-ins, and its sessions and
   * open live feeds end on every instance within a second. Not one's own
   * account, nor a location's last active manager.
   */
  deactivate: managerProcedure.input(staffMemberInputSchema).mutation(async ({ ctx, input }) => {
    const result = await deactivateStaff(ctx.db, ctx.staff, input.staffId);
    ctx.realtime.sessions.checkSoon();
    return result;
  }),

  /** A deactivated account may sign in again with its password. */
  reactivate: managerProcedure
    .input(staffMemberInputSchema)
    .mutation(({ ctx, input }) => reactivateStaff(ctx.db, ctx.staff, input.staffId)),
});
