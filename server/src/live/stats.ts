/**
 * What the live layer reports as it works, for metrics (observability/) and
 * tests. The live layer only calls these; it never reads them back, so a
 * process without metrics passes `noLiveStats`.
 */
export type RepairKind =
  /** A room saw a message whose predecessor it had not delivered. */
  | 'gap'
  /** A sweep found a room behind the log (after a reconnect, a failed publish, or on its timer). */
  | 'sweep'
  /** The bus was down and the room was kept moving by reading the log. */
  | 'poll';

export type BusState = 'up' | 'down';

export interface LiveStats {
  /** One event handed to a room's local listeners; `lagMs` since its commit, when known. */
  delivered(listeners: number, lagMs: number | null): void;
  /** One room message put on the bus (or failing to be). */
  published(ok: boolean): void;
  /** Events a room read from the log because the bus had not brought them. */
  repaired(by: RepairKind, events: number): void;
  /** The bus went down or came back (re-subscribed and confirmed). */
  busState(state: BusState): void;
}

export const noLiveStats: LiveStats = {
  delivered: () => {},
  published: () => {},
  repaired: () => {},
  busState: () => {},
};
