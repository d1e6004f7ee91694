/**
 * Moving between pages without a reload: the path lives in the address bar,
 * pages read it with `useLocation`, and `navigate` changes it.
 */
import { useSyncExternalStore } from 'react';

const EVENT = 'ticketrail:navigate';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener('hashchange', listener);
  window.addEventListener(EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener('hashchange', listener);
    window.removeEventListener(EVENT, listener);
  };
}

// The fragment too: a tracking link keeps its token there (tracking-link.ts).
const current = () => window.location.pathname + window.location.search + window.location.hash;

/** The path, query and fragment, e.g. "/kitchen/harbour-kitchen?station=grill". */
export function useLocation(): URL {
  const href = useSyncExternalStore(subscribe, current);
  return new URL(href, window.location.origin);
}

/** The path alone, re-rendering on navigation. */
export function usePath(): string {
  return useLocation().pathname;
}

/** Goes to `href` (same origin); `replace` keeps the back button where it was. */
export function navigate(href: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(EVENT));
}
