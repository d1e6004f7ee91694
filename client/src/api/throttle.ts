/**
 * The server's "slow down": TOO_MANY_REQUESTS (HTTP 429) when a sign-in, an
 * order or a quote was asked for too often from here. Its message already
 * says in plain words how long to wait ("Try again in 2 minutes."); the
 * screens show it and hold back until then rather than ask again at once,
 * which would only be refused again.
 */
import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@ticketrail/server';

export interface Throttled {
  message: string;
  /** How long the server asked us to wait; null when it did not say. */
  retryAfterMs: number | null;
}

/** The longest a screen holds back, whatever the server said: a wrong clock must not lock it for days. */
const MAX_WAIT_MS = 60 * 60_000;

/** The refusal as a throttle, or null when it is something else. */
export function throttled(error: unknown): Throttled | null {
  if (!(error instanceof TRPCClientError)) return null;
  // The server's error shape, inferred from the router like everything else.
  const data = (error as TRPCClientError<AppRouter>).data;
  if (data?.code !== 'TOO_MANY_REQUESTS') return null;
  const seconds = data.retryAfterSeconds;
  const retryAfterMs =
    seconds !== null && Number.isFinite(seconds) && seconds >= 0
      ? Math.min(seconds * 1000, MAX_WAIT_MS)
      : null;
  return { message: error.message, retryAfterMs };
}
