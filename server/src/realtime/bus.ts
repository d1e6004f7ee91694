/**
 * The room bus: how one server process tells the others (and itself) that an
 * event was committed. It is a doorbell with the event attached, not the
 * record: the event log is the record, and whatever the bus drops is read back
 * from it (see hub.ts).
 */
export interface BusHandlers {
  message(channel: string, payload: string): void;
  /** The bus may have lost messages (its connection came back): re-read the log. */
  resync(): void;
}

export interface RoomBus {
  readonly kind: 'memory' | 'redis';
  /** Where messages go; set once, before any subscribe. */
  attach(handlers: BusHandlers): void;
  subscribe(channel: string): Promise<void>;
  unsubscribe(channel: string): Promise<void>;
  publish(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}
