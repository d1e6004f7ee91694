/** The tracking face's entry, loaded with its own chunk: `/track/<order id>#token=<token>`. */
import { getRouteApi } from '@tanstack/react-router';
import { TrackingPage } from './TrackingPage';

const route = getRouteApi('/track/$orderId');

export function TrackingRoute() {
  const { orderId } = route.useParams();
  // The page reads the token from the address itself: it may have to move it (tracking-link.ts).
  return <TrackingPage orderId={orderId} />;
}
