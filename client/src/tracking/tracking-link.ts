/**
 * The guest's tracking link: `/track/<order id>#token=<tracking token>`.
 *
 * The token is the only key to the order, so it rides in the fragment, which
 * a browser never sends anywhere: not in the request line that our server and
 * every proxy on the way log, and not in a Referer. Links printed or shared
 * before carried it in the query (`?token=`); they keep working, and the page
 * moves the token to the fragment as soon as it opens.
 */
import { linkOptions } from '@tanstack/react-router';

const tokenFragment = (token: string) => `token=${encodeURIComponent(token)}`;

export function trackingHref(orderId: string, token: string): string {
  return `/track/${orderId}#${tokenFragment(token)}`;
}

/** The same link as router options, for `<Link {...trackingLink(…)}>` and `navigate`. */
export function trackingLink(orderId: string, token: string) {
  return linkOptions({ to: '/track/$orderId', params: { orderId }, hash: tokenFragment(token) });
}

export interface TrackingAddress {
  /** The token from the fragment, else from an old link's query; null when there is none. */
  token: string | null;
  /**
   * The same address with the token in the fragment and out of the query,
   * when the query still holds one; null when there is nothing to move.
   */
  rewrite: string | null;
}

export function readTrackingAddress(address: URL): TrackingAddress {
  const inFragment = new URLSearchParams(address.hash.slice(1)).get('token');
  const inQuery = address.searchParams.get('token');
  // An empty `#token=` says nothing: the query may still have it.
  const token = inFragment || inQuery || null;
  if (inQuery === null || token === null) return { token, rewrite: null };
  // Anything else in the query (say, a campaign tag) is not ours to drop.
  const rest = new URLSearchParams(address.searchParams);
  rest.delete('token');
  const search = rest.toString();
  return {
    token,
    rewrite: `${address.pathname}${search ? `?${search}` : ''}#token=${encodeURIComponent(token)}`,
  };
}
