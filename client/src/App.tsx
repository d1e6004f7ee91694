/**
 * The app's pages, chosen by path. A handful of routes do not need a router
 * library: `navigation.ts` keeps the path, this picks the page.
 */
import { KitchenPage } from './kitchen/KitchenPage';
import { usePath } from './navigation';
import { HomePage } from './pages/HomePage';
import { MenuPage } from './pages/MenuPage';
import { NotFoundPage } from './pages/NotFoundPage';

export function App() {
  const path = usePath();
  const menu = /^\/l\/([a-z0-9-]+)\/?$/.exec(path);
  if (menu?.[1]) return <MenuPage slug={menu[1]} />;
  const kitchen = /^\/kitchen(?:\/([a-z0-9-]+))?\/?$/.exec(path);
  if (kitchen) return <KitchenPage slug={kitchen[1] ?? null} />;
  if (path === '/' || path === '') return <HomePage />;
  return <NotFoundPage />;
}
