/**
 * The crew's moves on the board — bump, tap an item, a station's bump,
 * recall, reject or cancel with a reason — applied on screen at once and sent to the server.
 *
 * Moves on one ticket go to the server one after another, each naming the
 * version the previous answer left, so two quick taps are two changes and
 * not a conflict with ourselves. A refusal drops the move (the screen falls
 * back to what the server said) and says why.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { recallTarget, type Station } from '@ticketrail/shared';
import { trpc } from '../api/client';
import type { KitchenTicket } from './kitchen-feed';
import type { CloseTo } from './close-order';
import { bumped, itemTapped, recalled, stationBumped } from './moves';
import { knownVersion, pruneMoves, visibleTickets, type PendingMove } from './optimistic';

/** The last bump, which a recall can undo while the window is open. */
export interface LastBump {
  ticket: KitchenTicket;
  at: number;
}

export interface BoardMoves {
  /** The tickets to show: the server's, with moves in flight applied. */
  tickets: KitchenTicket[];
  bump: (ticket: KitchenTicket, station: Station | null) => void;
  tapItem: (ticket: KitchenTicket, itemId: number) => void;
  recall: () => void;
  /** Rejects or cancels the order with the guest's reason: off the board at once. */
  close: (ticket: KitchenTicket, to: CloseTo, reason: string) => void;
  lastBump: LastBump | null;
}

export interface BoardMovesOptions {
  /** The tickets as the server has them (the live board query's data). */
  serverTickets: readonly KitchenTicket[];
  /** Says what went wrong, in the server's words. */
  onRefused: (message: string) => void;
}

type Send = (expectedVersion: number) => Promise<KitchenTicket>;

export function useBoardMoves({ serverTickets, onRefused }: BoardMovesOptions): BoardMoves {
  const [moves, setMoves] = useState<readonly PendingMove[]>([]);
  const [lastBump, setLastBump] = useState<LastBump | null>(null);
  const transition = trpc.kitchen.transition.useMutation();
  const setItemStatus = trpc.kitchen.setItemStatus.useMutation();
  const bumpStation = trpc.kitchen.bumpStation.useMutation();
  const recallMutation = trpc.kitchen.recall.useMutation();

  // Read when a queued move is finally sent, not when it was made.
  const latest = useRef({ serverTickets, moves, onRefused });
  useLayoutEffect(() => {
    latest.current = { serverTickets, moves, onRefused };
  });
  const queues = useRef(new Map<string, Promise<KitchenTicket | null>>());
  const nextKey = useRef(1);
  /** Changes the moves, first dropping confirmed ones the feed has caught up with. */
  const updateMoves = useCallback((change: (moves: readonly PendingMove[]) => PendingMove[]) => {
    setMoves((current) => change(pruneMoves(current, latest.current.serverTickets)));
  }, []);

  /** Shows `apply` at once, then sends the move after any earlier one on the ticket. */
  const move = useCallback(
    (
      orderId: string,
      apply: (ticket: KitchenTicket | undefined) => KitchenTicket | null,
      send: Send,
      fallbackVersion: number,
    ): Promise<KitchenTicket | null> => {
      const key = nextKey.current++;
      updateMoves((current) => [...current, { key, orderId, state: 'sending', apply }]);
      const previous = queues.current.get(orderId) ?? Promise.resolve(null);
      const result = previous.then(async (before) => {
        const { serverTickets: cache, moves: inFlight } = latest.current;
        // The answer to the move before this one may not have been rendered yet.
        const version = Math.max(
          knownVersion(orderId, cache, inFlight) ?? fallbackVersion,
          before?.version ?? 0,
        );
        try {
          const ticket = await send(version);
          updateMoves((current) =>
            current.map((pending) =>
              pending.key === key ? { key, orderId, state: 'confirmed', ticket } : pending,
            ),
          );
          return ticket;
        } catch (error) {
          updateMoves((current) => current.filter((pending) => pending.key !== key));
          latest.current.onRefused(
            error instanceof Error ? error.message : 'The server did not take that change.',
          );
          return null;
        }
      });
      queues.current.set(orderId, result);
      void result.finally(() => {
        if (queues.current.get(orderId) === result) queues.current.delete(orderId);
      });
      return result;
    },
    [updateMoves],
  );

  const bump = useCallback(
    (ticket: KitchenTicket, station: Station | null) => {
      // On a station's screen, a ticket in the works is bumped for that station only.
      const forStation =
        station !== null && (ticket.status === 'accepted' || ticket.status === 'preparing');
      if (forStation) {
        const open = ticket.items.some(
          (item) => item.station === station && item.status !== 'done',
        );
        if (!open) {
          onRefused(`Nothing left for ${station} on ${ticket.displayNumber}.`);
          return;
        }
        void move(
          ticket.id,
          (current) => stationBumped(current ?? ticket, station),
          (expectedVersion) =>
            bumpStation.mutateAsync({ orderId: ticket.id, expectedVersion, station }),
          ticket.version,
        );
        return;
      }
      const next = bumped(ticket);
      if (!next) return;
      void move(
        ticket.id,
        (current) => (next.to === 'completed' ? null : (bumped(current ?? ticket)?.ticket ?? null)),
        (expectedVersion) =>
          transition.mutateAsync({ orderId: ticket.id, expectedVersion, to: next.to }),
        ticket.version,
      ).then((done) => {
        if (done && recallTarget(done.status)) setLastBump({ ticket: done, at: Date.now() });
      });
    },
    [move, bumpStation, transition, onRefused],
  );

  const tapItem = useCallback(
    (ticket: KitchenTicket, itemId: number) => {
      const { status } = itemTapped(ticket, itemId);
      void move(
        ticket.id,
        (current) => {
          const base = current ?? ticket;
          // Set the status the tap meant, even if a move before it changed the item.
          const tapped = itemTapped(base, itemId);
          return tapped.status === status ? tapped.ticket : base;
        },
        (expectedVersion) =>
          setItemStatus.mutateAsync({
            orderId: ticket.id,
            orderItemId: itemId,
            expectedVersion,
            status,
          }),
        ticket.version,
      );
    },
    [move, setItemStatus],
  );

  const recall = useCallback(() => {
    if (!lastBump) return;
    const ticket = lastBump.ticket;
    setLastBump(null);
    void move(
      ticket.id,
      (current) => recalled(current ?? ticket),
      (expectedVersion) => recallMutation.mutateAsync({ orderId: ticket.id, expectedVersion }),
      ticket.version,
    );
  }, [lastBump, move, recallMutation]);

  const close = useCallback(
    (ticket: KitchenTicket, to: CloseTo, reason: string) => {
      void move(
        ticket.id,
        () => null,
        (expectedVersion) =>
          transition.mutateAsync({ orderId: ticket.id, expectedVersion, to, reason }),
        ticket.version,
      );
    },
    [move, transition],
  );

  const tickets = useMemo(() => visibleTickets(serverTickets, moves), [serverTickets, moves]);
  return { tickets, bump, tapItem, recall, close, lastBump };
}
