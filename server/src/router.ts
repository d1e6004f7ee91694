/**
 * The one router. Clients import only types from here: `AppRouter` for the
 * tRPC client, `RouterInputs`/`RouterOutputs` for props and helpers.
 */
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { authRouter } from './staff/auth-router';
import { boardRouter } from './ready-board/router';
import { demoRouter } from './demo/router';
import { kitchenRouter } from './kitchen/router';
import { liveRouter } from './live/router';
import { menuAdminRouter } from './menu/admin/router';
import { menuRouter } from './menu/router';
import { ordersRouter } from './orders/router';
import { staffRouter } from './staff/router';
import { tablesRouter } from './locations/tables-router';
import { settingsRouter } from './settings/router';
import { automationRouter } from './automation/router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  menu: menuRouter,
  menuAdmin: menuAdminRouter,
  orders: ordersRouter,
  kitchen: kitchenRouter,
  board: boardRouter,
  demo: demoRouter,
  staff: staffRouter,
  tables: tablesRouter,
  settings: settingsRouter,
  automation: automationRouter,
  live: liveRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/**
 * One item a subscription delivers, e.g. `Delivered<RouterOutputs['kitchen']['live']>`:
 * `{ id, data }`, where `id` is the event id to resume after.
 */
export type Delivered<Output> = Output extends AsyncIterable<infer Item> ? Item : never;

/** Calls procedures in-process (tests, scripts) with the same checks as over HTTP. */
export const createCaller = createCallerFactory(appRouter);
