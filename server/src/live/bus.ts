/**
 * The room bus: how one server process tells the others (and itself) that an
 * event was committed. It is a doorbell with the event attached, not the
 * record: the event log is the record, and whatever the bus drops is read back
 * from it (see hub.ts).
 */
import type { BusState } from './stats';

export interface BusHandlers {
  message(channel: string, payload: string): void;
  /**
   * The bus lost its connection: until `up`, messages may not arrive, and the
   * hub keeps its rooms moving by reading the log.
   */
  down(): void;
  /**
   * The bus is (back) up and every channel asked for is subscribed again. What
   * was published while it was down is gone from pub/sub: re-read the log.
   */
  up(): void;
}

export interface RoomBus {
  readonly kind: 'memory' | 'redis';
  readonly state: BusState;
  /** Where messages go; set once, before any subscribe. */
  attach(handlers: BusHandlers): void;
  /**
   * Resolves once the channel is subscribed, or at once while the bus is
   * down (the channel is then subscribed before `up`). Never rejects: a bus
   * that cannot subscribe reconnects and reports `down`.
   */
  subscribe(channel: string): Promise<void>;
  unsubscribe(channel: string): Promise<void>;
  publish(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}
