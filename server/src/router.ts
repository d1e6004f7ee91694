/**
 * The one router. Clients import only types from here: `AppRouter` for the
 * tRPC client, `RouterInputs`/`RouterOutputs` for props and helpers.
 */
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { authRouter } from './routers/auth';
import { boardRouter } from './routers/board';
import { kitchenRouter } from './routers/kitchen';
import { menuRouter } from './routers/menu';
import { ordersRouter } from './routers/orders';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  menu: menuRouter,
  orders: ordersRouter,
  kitchen: kitchenRouter,
  board: boardRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Calls procedures in-process (tests, scripts) with the same checks as over HTTP. */
export const createCaller = createCallerFactory(appRouter);
