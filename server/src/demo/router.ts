import { demoWelcome } from './status';
import { publicProcedure, router } from '../trpc';

/** What the home page tells a newcomer about the demo restaurant, while it is one. */
export const demoRouter = router({
  /** The demo logins and table links that still work; null on a real installation. */
  welcome: publicProcedure.query(({ ctx }) => demoWelcome(ctx.db)),
});
