/**
 * The Redis bus: one publisher and one subscriber connection per process, one
 * channel per room. Channels are subscribed when a room gets its first local
 * listener and unsubscribed when its last one leaves (the hub decides).
 *
 * When the subscriber connection comes back after a drop (a Redis restart, or
 * Redis cutting a subscriber whose output buffer overflowed in a burst), what
 * was published meanwhile is gone from pub/sub. We re-subscribe ourselves and,
 * once Redis has confirmed, ask the hub to re-read the log for every live room.
 */
import { Redis } from 'ioredis';
import type { BusHandlers, RoomBus } from './bus';

export interface RedisBusOptions {
  /** Prepended to every channel, so several installations can share one Redis. */
  prefix: string;
  log: (message: string) => void;
}

export class RedisBus implements RoomBus {
  readonly kind = 'redis';
  readonly publisher: Redis;
  readonly subscriber: Redis;
  /** The subscriber connection's CLIENT SETNAME. */
  readonly connectionName: string;
  readonly #channels = new Set<string>();
  readonly #prefix: string;
  readonly #log: (message: string) => void;
  #handlers: BusHandlers | null = null;
  #connectedBefore = false;

  constructor(url: string, options: RedisBusOptions) {
    this.#prefix = options.prefix;
    this.#log = options.log;
    // Named so an operator can tell them apart in CLIENT LIST.
    const name = `${options.prefix.replace(/[^A-Za-z0-9_-]/g, '')}-${process.pid}`;
    this.publisher = new Redis(url, { maxRetriesPerRequest: 2, connectionName: `${name}-pub` });
    this.subscriber = new Redis(url, {
      // We re-subscribe ourselves, so that we know when it is done (see above).
      autoResubscribe: false,
      maxRetriesPerRequest: null,
      connectionName: `${name}-sub`,
    });
    this.connectionName = `${name}-sub`;
    for (const [name, connection] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      connection.on('error', (error: Error) => this.#log(`[redis ${name}] ${error.message}`));
    }
    this.subscriber.on('message', (channel: string, payload: string) => {
      this.#handlers?.message(channel.slice(this.#prefix.length), payload);
    });
    this.subscriber.on('ready', () => {
      if (!this.#connectedBefore) {
        this.#connectedBefore = true;
        return;
      }
      void this.#resubscribe();
    });
  }

  async #resubscribe(): Promise<void> {
    try {
      if (this.#channels.size > 0) {
        await this.subscriber.subscribe(...[...this.#channels].map((c) => this.#prefix + c));
      }
      this.#log(`[redis] subscriber back; catching up ${this.#channels.size} rooms from the log`);
      this.#handlers?.resync();
    } catch (error) {
      this.#log(`[redis] re-subscribing failed: ${String(error)}`);
    }
  }

  attach(handlers: BusHandlers): void {
    this.#handlers = handlers;
  }

  async subscribe(channel: string): Promise<void> {
    this.#channels.add(channel);
    await this.subscriber.subscribe(this.#prefix + channel);
  }

  async unsubscribe(channel: string): Promise<void> {
    this.#channels.delete(channel);
    await this.subscriber.unsubscribe(this.#prefix + channel);
  }

  async publish(channel: string, payload: string): Promise<void> {
    await this.publisher.publish(this.#prefix + channel, payload);
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
