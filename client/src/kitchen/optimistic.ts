/**
 * Optimistic moves on the kitchen board, kept beside the cache rather than
 * written into it. The cache holds only what the server said (snapshot plus
 * feed); the screen shows the cache with the moves in flight laid over it.
 *
 * A move is `sending` until the server answers: the screen shows it applied.
 * If the server refuses (say CONFLICT: another screen moved the ticket first)
 * the move is dropped, and the screen is the cache again: that is the
 * rollback, with nothing to undo by hand. If the server accepts, the move
 * becomes `confirmed` with the ticket the server returned, and is shown until
 * the feed brings the cache to that version (the feed may lag the answer by a
 * moment; without this, the ticket would flick back).
 */
import { isOpen } from '@ticketrail/shared';
import { compareTickets, type KitchenTicket } from './kitchen-feed';

export type PendingMove =
  | {
      key: number;
      orderId: string;
      state: 'sending';
      /** The move on the ticket as the screen has it; null takes it off the board. */
      apply: (ticket: KitchenTicket | undefined) => KitchenTicket | null;
    }
  | { key: number; orderId: string; state: 'confirmed'; ticket: KitchenTicket };

/** Whether the cache already shows what a confirmed move returned (or something newer). */
export function caughtUp(
  move: Extract<PendingMove, { state: 'confirmed' }>,
  cached: KitchenTicket | undefined,
): boolean {
  if (!isOpen(move.ticket.status))
    return cached === undefined || cached.version > move.ticket.version;
  return cached !== undefined && cached.version >= move.ticket.version;
}

/** The tickets to show: the cache with every move still in flight laid over it, oldest first. */
export function visibleTickets(
  cache: readonly KitchenTicket[],
  moves: readonly PendingMove[],
): KitchenTicket[] {
  if (moves.length === 0) return cache as KitchenTicket[];
  const byId = new Map(cache.map((ticket) => [ticket.id, ticket]));
  for (const move of moves) {
    const current = byId.get(move.orderId);
    let next: KitchenTicket | null | undefined;
    if (move.state === 'sending') {
      next = move.apply(current);
    } else {
      const cached = cache.find((ticket) => ticket.id === move.orderId);
      if (caughtUp(move, cached)) continue;
      next = isOpen(move.ticket.status) ? move.ticket : null;
    }
    if (next) byId.set(move.orderId, next);
    else byId.delete(move.orderId);
  }
  return [...byId.values()].sort(compareTickets);
}

/** Confirmed moves the cache has caught up with are done; the same array when none are. */
export function pruneMoves(
  moves: readonly PendingMove[],
  cache: readonly KitchenTicket[],
): readonly PendingMove[] {
  const kept = moves.filter(
    (move) =>
      move.state === 'sending' ||
      !caughtUp(
        move,
        cache.find((ticket) => ticket.id === move.orderId),
      ),
  );
  return kept.length === moves.length ? moves : kept;
}

/**
 * The version the next move on an order must name: the newest the client
 * knows, from the cache or from an answer the feed has not brought yet.
 */
export function knownVersion(
  orderId: string,
  cache: readonly KitchenTicket[],
  moves: readonly PendingMove[],
): number | null {
  let version = cache.find((ticket) => ticket.id === orderId)?.version ?? null;
  for (const move of moves) {
    if (move.state === 'confirmed' && move.orderId === orderId) {
      version = Math.max(version ?? 0, move.ticket.version);
    }
  }
  return version;
}
