/**
 * Holding back after the server said "too many": `waiting` is true until the
 * wait it asked for is over, and the screen keeps its button disabled until
 * then. A timer, not the clock: nothing here depends on what time it is.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { throttled } from './throttle';

/** The wait when the server did not say how long. */
export const DEFAULT_COOL_DOWN_MS = 10_000;

export interface CoolDown {
  waiting: boolean;
  /** Holds back if `error` is a throttle (for as long as it asks); says whether it was. */
  after: (error: unknown) => boolean;
}

export function useCoolDown(): CoolDown {
  const [waiting, setWaiting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const after = useCallback((error: unknown) => {
    const refusal = throttled(error);
    if (!refusal) return false;
    if (timer.current !== null) clearTimeout(timer.current);
    setWaiting(true);
    timer.current = setTimeout(() => {
      timer.current = null;
      setWaiting(false);
    }, refusal.retryAfterMs ?? DEFAULT_COOL_DOWN_MS);
    return true;
  }, []);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return { waiting, after };
}
