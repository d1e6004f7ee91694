import { changeOwnPasswordInputSchema, loginInputSchema } from '@ticketrail/shared';
import { changeOwnPassword } from './password-admin';
import { login, logout } from './sessions';
import { publicProcedure, router, staffProcedure } from '../trpc';

export const authRouter = router({
  /**
   * Signs a staff member in; the token goes in `Authorization: Bearer …`.
   * Repeated wrong passwords are throttled (TOO_MANY_REQUESTS, with
   * `data.retryAfterSeconds`) before any password is checked.
   */
  login: publicProcedure
    .input(loginInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.throttles.signIn.attempt({ email: input.email, address: ctx.clientAddress }, () =>
        login(ctx.db, input.email, input.password, ctx.now()),
      ),
    ),

  /** Who is signed in, with the locations they work at. */
  me: staffProcedure.query(({ ctx }) => ctx.staff),

  /**
   * Ends this session only; other devices stay signed in. Live feeds opened
   * with it end too, on every instance (see live/sessions.ts).
   */
  logout: staffProcedure.mutation(async ({ ctx }) => {
    await logout(ctx.db, ctx.sessionToken);
    ctx.realtime.sessions.checkSoon();
    return { ok: true as const };
  }),

  /**
   * One's own new password, given the current one (a wrong one is
   * BAD_REQUEST, and counts against sign-in attempts, so it cannot be used to
   * guess). Other sessions end; this one stays signed in.
   */
  changePassword: staffProcedure
    .input(changeOwnPasswordInputSchema)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.throttles.signIn.attempt(
        { email: ctx.staff.email, address: ctx.clientAddress },
        () =>
          changeOwnPassword(
            ctx.db,
            ctx.staff,
            ctx.sessionToken,
            input.currentPassword,
            input.newPassword,
          ),
      );
      if (result.otherSessionsEnded > 0) ctx.realtime.sessions.checkSoon();
      return result;
    }),
});
