/**
 * An in-process bus a browser test can take down and bring back, as Redis
 * going away and returning would: while down it reports `down`, drops what is
 * published (pub/sub keeps nothing for later), and the server's hub keeps its
 * rooms moving by reading the event log. The e2e servers' default, the memory
 * bus, is never down.
 */
import {
  type BusHandlers,
  type RoomBus,
  MemoryBus,
  type BusState,
} from '@ticketrail/server/testing';

export class SwitchableBus implements RoomBus {
  readonly kind = 'memory';
  readonly #inner = new MemoryBus();
  #state: BusState;
  #handlers: BusHandlers | null = null;

  constructor(initial: BusState = 'up') {
    this.#state = initial;
  }

  get state(): BusState {
    return this.#state;
  }

  attach(handlers: BusHandlers): void {
    this.#handlers = handlers;
    this.#inner.attach({
      message: (channel, payload) => {
        if (this.#state === 'up') handlers.message(channel, payload);
      },
      down: () => {},
      up: () => {},
    });
  }

  /** The bus goes away: the server says so to its screens and polls the log. */
  goDown(): void {
    if (this.#state === 'down') return;
    this.#state = 'down';
    this.#handlers?.down();
  }

  /** The bus is back, every channel subscribed again. */
  goUp(): void {
    if (this.#state === 'up') return;
    this.#state = 'up';
    this.#handlers?.up();
  }

  subscribe(channel: string): Promise<void> {
    return this.#inner.subscribe(channel);
  }

  unsubscribe(channel: string): Promise<void> {
    return this.#inner.unsubscribe(channel);
  }

  async publish(channel: string, payload: string): Promise<void> {
    if (this.#state === 'up') await this.#inner.publish(channel, payload);
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
}
