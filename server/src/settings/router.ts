import {
  settingsGetInputSchema,
  settingsResetInputSchema,
  settingsUpdateInputSchema,
} from '@ticketrail/shared';
import { managerProcedure, router } from '../trpc';
import { readSettingsForManager } from './manage';
import { resetLocationSettings, updateLocationSettings } from './update';

/**
 * A location's settings for its managers (the back office's Settings page):
 * each one's effective value, where it comes from and whether the operator
 * locked it, and each scope's version for saving. Installation-wide defaults
 * are the operator's, like the locks (cli/settings.ts), not a location
 * manager's: they reach every location, including ones the manager does not run.
 */
export const settingsRouter = router({
  get: managerProcedure
    .input(settingsGetInputSchema)
    .query(({ ctx, input }) =>
      readSettingsForManager(ctx.db, ctx.staff, input.locationId, ctx.settingsLocks),
    ),

  /** Saves location overrides; a stale `version` is a CONFLICT, a locked setting refused. */
  update: managerProcedure
    .input(settingsUpdateInputSchema)
    .mutation(({ ctx, input }) =>
      updateLocationSettings(ctx.db, ctx.staff, input, ctx.settingsLocks, ctx.now()),
    ),

  /** Removes the location's own values for `keys`: they inherit again. */
  reset: managerProcedure
    .input(settingsResetInputSchema)
    .mutation(({ ctx, input }) =>
      resetLocationSettings(ctx.db, ctx.staff, input, ctx.settingsLocks, ctx.now()),
    ),
});
