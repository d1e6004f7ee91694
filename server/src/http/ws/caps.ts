/**
 * What one socket may hold at once, and how many sockets one address may
 * open. A stranger's socket could otherwise hold thousands of feeds (tens of
 * MB) or queue thousands of calls, and one script open thousands of sockets;
 * a screen needs a few of each.
 */
export interface WebSocketCaps {
  /** Live feeds one socket may hold at once (0: no cap). */
  maxSubscriptions: number;
  /** Queries and mutations one socket may have running at once. */
  maxInFlight: number;
  /** Calls one message may batch. */
  maxBatch: number;
  /** How long a socket that promised connectionParams may take to send them. */
  connectionParamsMs: number;
}

/** Why a new call of this type is refused on this socket now, or null. */
export function overCap(
  caps: Pick<WebSocketCaps, 'maxSubscriptions' | 'maxInFlight'>,
  type: 'query' | 'mutation' | 'subscription',
  now: { subscriptions: number; inFlight: number },
): string | null {
  const { maxSubscriptions, maxInFlight } = caps;
  if (type === 'subscription') {
    return maxSubscriptions > 0 && now.subscriptions >= maxSubscriptions
      ? `One connection may hold at most ${maxSubscriptions} live feeds; stop one first.`
      : null;
  }
  return maxInFlight > 0 && now.inFlight >= maxInFlight
    ? `One connection may run at most ${maxInFlight} calls at once; wait for an answer first.`
    : null;
}

/** Open sockets per address, against the cap. */
export function socketsPerAddress(cap: number) {
  const open = new Map<string, number>();
  return {
    open(key: string): boolean {
      const count = open.get(key) ?? 0;
      if (cap > 0 && count >= cap) return false;
      open.set(key, count + 1);
      return true;
    },
    close(key: string): void {
      const count = (open.get(key) ?? 1) - 1;
      if (count <= 0) open.delete(key);
      else open.set(key, count);
    },
  };
}
