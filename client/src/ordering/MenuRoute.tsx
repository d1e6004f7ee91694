/** The ordering face's entry, loaded with its own chunk: `/l/<location>?table=<secret>`. */
import { getRouteApi } from '@tanstack/react-router';
import { MenuPage } from './MenuPage';

const route = getRouteApi('/l/$slug');

export function MenuRoute() {
  const { slug } = route.useParams();
  const { table } = route.useSearch();
  return <MenuPage slug={slug} table={table ?? null} />;
}
