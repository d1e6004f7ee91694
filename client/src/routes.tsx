/**
 * Every address the app answers, typed: a `<Link>` or `navigate` to a path,
 * param or search value that is not here fails to compile. Each face is its
 * own lazy chunk (its route component is loaded when first visited), so a
 * guest's phone never downloads the kitchen board.
 *
 * The addresses are the ones printed on QR codes, receipts and screens, so
 * they keep the exact shape the app always had:
 *
 *   /                                   home
 *   /l/<location>?table=<secret>        ordering (the table is optional)
 *   /track/<order id>#token=<token>     tracking (tracking/tracking-link.ts)
 *   /board/<location>                   ready board
 *   /kitchen[/<location>][?station=…]   kitchen board
 *   /manage[/<location>]                back office (a location opens on its menu)
 *   /manage/<location>/menu             the location's menu editor
 *   /manage/<location>/tables           the location's tables and their QR codes
 *   /manage/<location>/qr               the tables' QR cards, to print
 *   /manage/<location>/staff            the location's team, and one's own password
 *   /manage/<location>/settings         the location's settings, and where each comes from
 *
 * anything else is "Page not found". A location is lowercase letters, digits
 * and dashes, and an order id hex digits and dashes: any other value in those
 * places is not found either, as before.
 */
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  Outlet,
  redirect,
  useLocation,
  type RouterHistory,
} from '@tanstack/react-router';
import { STATIONS, type Station } from '@ticketrail/shared';
import { useLayoutEffect } from 'react';
import { createAppHistory } from './lib/router-history';
import { NotFoundPage } from './pages/NotFoundPage';

const LOCATION_SLUG = /^[a-z0-9-]+$/;
const ORDER_ID = /^[0-9a-fA-F-]{1,64}$/;

/** A param of the wrong shape is a page that does not exist, not a page that fails. */
function mustMatch(value: string, shape: RegExp): void {
  // notFound() is the router's signal, not an Error: it renders the not-found page.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (!shape.test(value)) throw notFound();
}

const TITLE = 'Ticketrail';

/**
 * The app's frame. The title goes back to the app's own on every new page, as
 * a fresh load would have it; a page that names itself (the boards, an order)
 * sets its own after this, from its effects.
 */
function Root() {
  const pathname = useLocation({ select: (location) => location.pathname });
  useLayoutEffect(() => {
    document.title = TITLE;
  }, [pathname]);
  return <Outlet />;
}

const rootRoute = createRootRoute({ component: Root });

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./pages/HomePage'), 'HomePage'),
});

const menuRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/l/$slug',
  beforeLoad: ({ params }) => mustMatch(params.slug, LOCATION_SLUG),
  // A table's QR code adds its secret; ordering checks it (ordering/useTableLink.ts).
  validateSearch: (search: Record<string, unknown>): { table?: string } =>
    typeof search['table'] === 'string' ? { table: search['table'] } : {},
  component: lazyRouteComponent(() => import('./ordering/MenuRoute'), 'MenuRoute'),
});

const trackRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/track/$orderId',
  beforeLoad: ({ params }) => mustMatch(params.orderId, ORDER_ID),
  // The token is no search param: it rides in the fragment, which the page reads itself.
  component: lazyRouteComponent(() => import('./tracking/TrackingRoute'), 'TrackingRoute'),
});

const boardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/board/$slug',
  beforeLoad: ({ params }) => mustMatch(params.slug, LOCATION_SLUG),
  component: lazyRouteComponent(() => import('./ready-board/ReadyBoardRoute'), 'ReadyBoardRoute'),
});

const kitchenPickerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kitchen',
  component: lazyRouteComponent(() => import('./kitchen/KitchenRoute'), 'KitchenPickerRoute'),
});

const kitchenRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kitchen/$slug',
  beforeLoad: ({ params }) => mustMatch(params.slug, LOCATION_SLUG),
  // One station's tickets only; anything but a station shows them all.
  validateSearch: (search: Record<string, unknown>): { station?: Station } => ({
    station: STATIONS.find((station) => station === search['station']),
  }),
  component: lazyRouteComponent(() => import('./kitchen/KitchenRoute'), 'KitchenRoute'),
});

const managePickerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/manage',
  component: lazyRouteComponent(() => import('./manage/ManageRoute'), 'ManagePickerRoute'),
});

/** The back office of one location: sign-in, the manager check and the frame its pages share. */
const manageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/manage/$slug',
  beforeLoad: ({ params }) => mustMatch(params.slug, LOCATION_SLUG),
  component: lazyRouteComponent(() => import('./manage/ManageRoute'), 'ManageRoute'),
});

const manageHomeRoute = createRoute({
  getParentRoute: () => manageRoute,
  path: '/',
  // The menu is what a manager changes most often: the back office opens on it.
  beforeLoad: ({ params }) => {
    // redirect() is the router's signal, not an Error, as notFound() above.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw redirect({ to: '/manage/$slug/menu', params, replace: true });
  },
});

/** A chunk of its own: the drag-and-drop library loads only for the menu editor. */
const manageMenuRoute = createRoute({
  getParentRoute: () => manageRoute,
  path: 'menu',
  component: lazyRouteComponent(() => import('./manage/menu/MenuRoute'), 'MenuRoute'),
});

const manageTablesRoute = createRoute({
  getParentRoute: () => manageRoute,
  path: 'tables',
  component: lazyRouteComponent(() => import('./manage/TablesRoute'), 'TablesRoute'),
});

const manageStaffRoute = createRoute({
  getParentRoute: () => manageRoute,
  path: 'staff',
  component: lazyRouteComponent(() => import('./manage/staff/StaffRoute'), 'StaffRoute'),
});

const manageSettingsRoute = createRoute({
  getParentRoute: () => manageRoute,
  path: 'settings',
  component: lazyRouteComponent(() => import('./manage/settings/SettingsRoute'), 'SettingsRoute'),
});

/** A chunk of its own: the QR code library loads only for the page that prints them. */
const manageQrRoute = createRoute({
  getParentRoute: () => manageRoute,
  path: 'qr',
  component: lazyRouteComponent(() => import('./manage/QrCardsRoute'), 'QrCardsRoute'),
});

export const routeTree = rootRoute.addChildren([
  homeRoute,
  menuRoute,
  trackRoute,
  boardRoute,
  kitchenPickerRoute,
  kitchenRoute,
  managePickerRoute,
  manageRoute.addChildren([
    manageHomeRoute,
    manageMenuRoute,
    manageTablesRoute,
    manageStaffRoute,
    manageSettingsRoute,
    manageQrRoute,
  ]),
]);

/**
 * A query string as the browser reads it: every value a string, the first of
 * a repeated key winning. (The router's default reads values as JSON, which
 * would turn a table secret of digits into a number.)
 */
export function parseSearch(query: string): Record<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(query)) {
    if (!values.has(key)) values.set(key, value);
  }
  return Object.fromEntries(values);
}

/** The query string for `search`, leaving out what is unset; '' for none. */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (typeof value === 'string' || typeof value === 'number') params.append(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The app's router, over the window's history unless given another. */
export function createAppRouter(options: { history?: RouterHistory } = {}) {
  return createRouter({
    routeTree,
    history: options.history ?? createAppHistory(),
    // `/L/harbour` was never the menu of `harbour`: paths match exactly.
    caseSensitive: true,
    parseSearch,
    stringifySearch,
    defaultNotFoundComponent: NotFoundPage,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
