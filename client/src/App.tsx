/**
 * The app's pages, chosen by path. A handful of routes do not need a router
 * library: `navigation.ts` keeps the path, this picks the page.
 */
import { KitchenPage } from './kitchen/KitchenPage';
import { useLocation } from './navigation';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { MenuPage } from './ordering/MenuPage';
import { ReadyBoardPage } from './ready-board/ReadyBoardPage';
import { TrackingPage } from './tracking/TrackingPage';

export function App() {
  const location = useLocation();
  const path = location.pathname;
  const menu = /^\/l\/([a-z0-9-]+)\/?$/.exec(path);
  if (menu?.[1]) return <MenuPage slug={menu[1]} />;
  const kitchen = /^\/kitchen(?:\/([a-z0-9-]+))?\/?$/.exec(path);
  if (kitchen) return <KitchenPage slug={kitchen[1] ?? null} />;
  const track = /^\/track\/([0-9a-fA-F-]{1,64})\/?$/.exec(path);
  // The page reads the token from the address itself: it may have to move it (tracking-link.ts).
  if (track?.[1]) return <TrackingPage orderId={track[1]} />;
  const board = /^\/board\/([a-z0-9-]+)\/?$/.exec(path);
  if (board?.[1]) return <ReadyBoardPage slug={board[1]} />;
  if (path === '/' || path === '') return <HomePage />;
  return <NotFoundPage />;
}
