import { staffMemberInputSchema } from '@ticketrail/shared';
import { deactivateStaff } from './deactivate';
import { managerProcedure, router } from '../trpc';

/** The team: managers' actions on staff accounts. */
export const staffRouter = router({
  /**
   * Takes an account off the team: no more sign-ins, and its sessions and
   * open live feeds end on every instance within a second.
   */
  deactivate: managerProcedure.input(staffMemberInputSchema).mutation(async ({ ctx, input }) => {
    const result = await deactivateStaff(ctx.db, ctx.staff, input.staffId);
    ctx.realtime.sessions.checkSoon();
    return result;
  }),
});
