/**
 * The app's pages, chosen by path. A full router arrives with the guest and
 * kitchen pages; two routes do not need one.
 */
import { HomePage } from './pages/HomePage';
import { MenuPage } from './pages/MenuPage';
import { NotFoundPage } from './pages/NotFoundPage';

export function App() {
  const path = window.location.pathname;
  const menu = /^\/l\/([a-z0-9-]+)\/?$/.exec(path);
  if (menu?.[1]) return <MenuPage slug={menu[1]} />;
  if (path === '/' || path === '') return <HomePage />;
  return <NotFoundPage />;
}
