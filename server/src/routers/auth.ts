import { loginInputSchema } from '@ticketrail/shared';
import { login, logout } from '../domain/staff';
import { publicProcedure, router, staffProcedure } from '../trpc';

export const authRouter = router({
  /** Signs a staff member in; the token goes in `Authorization: Bearer …`. */
  login: publicProcedure
    .input(loginInputSchema)
    .mutation(({ ctx, input }) => login(ctx.db, input.email, input.password, ctx.now())),

  /** Who is signed in, with the locations they work at. */
  me: staffProcedure.query(({ ctx }) => ctx.staff),

  /** Ends this session only; other devices stay signed in. */
  logout: staffProcedure.mutation(async ({ ctx }) => {
    await logout(ctx.db, ctx.sessionToken);
    return { ok: true as const };
  }),
});
