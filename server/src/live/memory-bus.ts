/**
 * The in-process bus of the embedded default (one server, nothing installed).
 * A broker can be shared by several buses to run more than one "instance" in
 * a test process.
 */
import type { BusHandlers, RoomBus } from './bus';

export class MemoryBroker {
  readonly #subscribers = new Map<string, Set<MemoryBus>>();

  subscribe(channel: string, bus: MemoryBus): void {
    let buses = this.#subscribers.get(channel);
    if (!buses) {
      buses = new Set();
      this.#subscribers.set(channel, buses);
    }
    buses.add(bus);
  }

  unsubscribe(channel: string, bus: MemoryBus): void {
    const buses = this.#subscribers.get(channel);
    buses?.delete(bus);
    if (buses?.size === 0) this.#subscribers.delete(channel);
  }

  publish(channel: string, payload: string): void {
    for (const bus of this.#subscribers.get(channel) ?? []) bus.receive(channel, payload);
  }
}

export class MemoryBus implements RoomBus {
  readonly kind = 'memory';
  /** In-process: never down. */
  readonly state = 'up';
  #handlers: BusHandlers | null = null;
  readonly #broker: MemoryBroker;

  constructor(broker = new MemoryBroker()) {
    this.#broker = broker;
  }

  attach(handlers: BusHandlers): void {
    this.#handlers = handlers;
  }

  async subscribe(channel: string): Promise<void> {
    this.#broker.subscribe(channel, this);
  }

  async unsubscribe(channel: string): Promise<void> {
    this.#broker.unsubscribe(channel, this);
  }

  async publish(channel: string, payload: string): Promise<void> {
    // Delivered on a later tick, as a network bus would: never inside the publisher's call.
    queueMicrotask(() => this.#broker.publish(channel, payload));
  }

  receive(channel: string, payload: string): void {
    this.#handlers?.message(channel, payload);
  }

  async close(): Promise<void> {}
}
