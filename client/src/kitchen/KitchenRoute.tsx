/**
 * The kitchen face's entries, loaded with their own chunk: `/kitchen` (sign
 * in, pick a kitchen) and `/kitchen/<location>?station=<station>`.
 */
import { getRouteApi } from '@tanstack/react-router';
import { KitchenPage } from './KitchenPage';

const route = getRouteApi('/kitchen/$slug');

export function KitchenRoute() {
  const { slug } = route.useParams();
  const { station } = route.useSearch();
  return <KitchenPage slug={slug} station={station ?? null} />;
}

export function KitchenPickerRoute() {
  return <KitchenPage slug={null} />;
}
