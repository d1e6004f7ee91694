/**
 * Whether a guest can order now, from the location's settings on the menu
 * (kept live by `location.settings` events) and the page's clock: the same
 * words the server refuses with (`orderingRefusal` in shared/), so the banner
 * and a refused order never disagree. Rechecked every half minute, so the
 * banner goes when the doors open without a reload.
 */
import { useEffect, useState } from 'react';
import { orderingRefusal, quotedWaitWords } from '@ticketrail/shared';
import { useClock } from '../lib/clock-context';
import type { Menu } from './menu-model';

const RECHECK_MS = 30_000;

export interface OrderingState {
  /** Null when the guest can order; else why not, e.g. "… is closed now. It opens at 17:00." */
  refusal: string | null;
  /** "Ready in about 35 min — we’re busy" */
  wait: string;
}

export function useOrderingState(location: Menu['location'] | undefined): OrderingState | null {
  const clock = useClock();
  const [now, setNow] = useState(() => clock());
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), RECHECK_MS);
    return () => clearInterval(timer);
  }, [clock]);
  if (!location) return null;
  return {
    refusal: orderingRefusal(location.name, location, now),
    wait: quotedWaitWords(location),
  };
}
