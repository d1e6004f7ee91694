/**
 * Which tickets just arrived: highlighted for a few seconds, and announced
 * (the page plays the chime). Tickets on the board when it first loads are
 * not new; ones that arrive while it is open, or that a reconnect catches up
 * on, are.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KitchenTicket } from './kitchen-feed';

export const FRESH_FOR_MS = 6000;

export function useFreshTickets(
  tickets: readonly KitchenTicket[],
  onNewTickets?: (count: number) => void,
): ReadonlySet<string> {
  const known = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const announce = useRef(onNewTickets);
  useLayoutEffect(() => {
    announce.current = onNewTickets;
  });
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    if (known.current === null) {
      known.current = new Set(tickets.map((ticket) => ticket.id));
      return;
    }
    const seen = known.current;
    const arrived = tickets.filter((ticket) => !seen.has(ticket.id)).map((ticket) => ticket.id);
    if (arrived.length === 0) return;
    for (const id of arrived) seen.add(id);
    setFresh((current) => new Set([...current, ...arrived]));
    announce.current?.(arrived.length);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setFresh((current) => {
        const next = new Set(current);
        for (const id of arrived) next.delete(id);
        return next;
      });
    }, FRESH_FOR_MS);
    timers.current.add(timer);
  }, [tickets]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  return fresh;
}
