/**
 * The socket's reconnect waits, counting sockets the server closed at once.
 *
 * tRPC counts failed attempts only until a socket opens, and starts again
 * from the first, shortest wait after every close. A server that takes the
 * socket and closes it straight away (too many sockets from this address, or
 * too many subscriptions on it) would then be called back within a second,
 * for ever. Counting such short-lived sockets as failed attempts too keeps
 * the waits growing until a socket stays open; it is not a permanent refusal,
 * so the client never stops trying.
 */
import type { RetryDelay } from './backoff';

export interface SocketBackoff {
  /** For `createWSClient({ retryDelayMs })`. */
  retryDelayMs: RetryDelay;
  /** For `createWSClient({ onOpen })`. */
  onOpen: () => void;
  /** For `createWSClient({ onClose })`. */
  onClose: () => void;
}

export interface SocketBackoffOptions {
  /** A socket open at least this long was a good one: the waits start over. */
  stableAfterMs?: number;
  /** Milliseconds since the epoch; tests pass their own. */
  now?: () => number;
}

export function createSocketBackoff(
  retryDelay: RetryDelay,
  { stableAfterMs = 10_000, now = Date.now }: SocketBackoffOptions = {},
): SocketBackoff {
  let openedAt: number | null = null;
  let shortLived = 0;
  return {
    retryDelayMs: (attempt) => retryDelay(attempt + shortLived),
    onOpen: () => {
      openedAt = now();
    },
    onClose: () => {
      // A socket that never opened (refused, unreachable) is tRPC's own attempt to count.
      if (openedAt === null) return;
      shortLived = now() - openedAt >= stableAfterMs ? 0 : shortLived + 1;
      openedAt = null;
    },
  };
}
