/**
 * The server's time now, ticking every second. A screen on the wall may keep
 * the wrong time (a TV stick without network time, a clock set by hand), and
 * a collected number must leave when the server's collected time is up, not
 * minutes early or late: each snapshot says what time the server had, and
 * the difference to when it arrived corrects this machine's clock.
 */
import { useState } from 'react';
import { useNow } from '../lib/clock';

export function useServerNow(
  snapshot: { serverTime: string } | undefined,
  /** When the snapshot arrived, by this machine's clock (the query's `dataUpdatedAt`). */
  arrivedAt: number,
): number {
  const now = useNow();
  // Measured once per snapshot: live events change `dataUpdatedAt` but not `serverTime`.
  const [skew, setSkew] = useState<{ serverTime: string; offsetMs: number } | null>(null);
  if (snapshot && skew?.serverTime !== snapshot.serverTime) {
    const offsetMs = Date.parse(snapshot.serverTime) - arrivedAt;
    setSkew({
      serverTime: snapshot.serverTime,
      offsetMs: Number.isFinite(offsetMs) ? offsetMs : 0,
    });
  }
  return now + (skew?.offsetMs ?? 0);
}
