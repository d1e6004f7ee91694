/**
 * The Redis bus: one publisher and one subscriber connection per process, one
 * channel per room. Channels are subscribed when a room gets its first local
 * listener and unsubscribed when its last one leaves (the hub decides).
 *
 * The bus is `up` only while every channel a room asked for is confirmed by
 * Redis on the current subscriber connection. When that connection drops (a
 * Redis restart, a network cut, or Redis cutting a subscriber whose output
 * buffer overflowed) the bus is `down`: the hub reads the log meanwhile. On
 * every new connection we subscribe all channels ourselves, and only then
 * report `up`, so that the hub re-reads whatever was published in between.
 */
import { Redis } from 'ioredis';
import type { BusHandlers, RoomBus } from './bus';
import type { BusState } from './stats';

export interface RedisBusOptions {
  /** Prepended to every channel, so several installations can share one Redis. */
  prefix: string;
  log: (message: string) => void;
}

/** Publishes kept while the publisher is away; past this the oldest go (a sweep finds them). */
const MAX_UNSENT = 10_000;
/** Channels per SUBSCRIBE when re-subscribing everything, to keep each command modest. */
const SUBSCRIBE_CHUNK = 1_000;

/** Reconnect soon: every second without the bus, screens run on log polling. */
const retryStrategy = (attempt: number) => Math.min(50 * attempt, 500);
/**
 * A Redis that hangs (stopped, swapping, a half-open TCP connection) closes
 * nothing, so it is found by asking: a command unanswered this long fails,
 * and a subscriber that does not answer a PING starts over (down, polling).
 */
const COMMAND_TIMEOUT_MS = 3_000;
const HEARTBEAT_MS = 2_000;

export class RedisBus implements RoomBus {
  readonly kind = 'redis';
  readonly publisher: Redis;
  readonly subscriber: Redis;
  /** The subscriber connection's CLIENT SETNAME. */
  readonly connectionName: string;
  /** Channels rooms asked for. */
  readonly #wanted = new Set<string>();
  /** Channels Redis confirmed on the current subscriber connection. */
  readonly #confirmed = new Set<string>();
  readonly #prefix: string;
  readonly #log: (message: string) => void;
  #handlers: BusHandlers | null = null;
  #state: BusState = 'down';
  #wasUp = false;
  /** Bumped whenever the subscriber connection changes: older work stops. */
  #epoch = 0;
  #unsent: [channel: string, payload: string][] = [];
  #droppedUnsent = 0;
  readonly #heartbeat: NodeJS.Timeout;
  #pinging = false;

  constructor(url: string, options: RedisBusOptions) {
    this.#prefix = options.prefix;
    this.#log = options.log;
    // Named so an operator can tell them apart in CLIENT LIST.
    const name = `${options.prefix.replace(/[^A-Za-z0-9_-]/g, '')}-${process.pid}`;
    this.publisher = new Redis(url, {
      // A publish while Redis is away fails at once and waits in #unsent,
      // which is bounded; ioredis's own offline queue is not.
      enableOfflineQueue: false,
      connectionName: `${name}-pub`,
      commandTimeout: COMMAND_TIMEOUT_MS,
      retryStrategy,
    });
    this.subscriber = new Redis(url, {
      autoResubscribe: false,
      // Nothing is sent on a connection that is not ready. ioredis would write
      // a SUBSCRIBE in the middle of its handshake; its ready check then fails
      // in subscriber mode and it reconnects without the channel: a deaf room.
      enableOfflineQueue: false,
      maxRetriesPerRequest: null,
      connectionName: `${name}-sub`,
      commandTimeout: COMMAND_TIMEOUT_MS,
      retryStrategy,
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
    this.subscriber.on('ready', () => void this.#subscribeAll((this.#epoch += 1)));
    this.subscriber.on('close', () => this.#lost());
    this.publisher.on('ready', () => this.#sendUnsent());
    this.#heartbeat = setInterval(() => this.#checkSubscriber(), HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  get state(): BusState {
    return this.#state;
  }

  attach(handlers: BusHandlers): void {
    this.#handlers = handlers;
  }

  async subscribe(channel: string): Promise<void> {
    this.#wanted.add(channel);
    // While down, #subscribeAll takes it before the bus reports `up`.
    if (this.#state !== 'up') return;
    const epoch = this.#epoch;
    try {
      await this.subscriber.subscribe(this.#prefix + channel);
      if (epoch === this.#epoch) this.#confirm([channel]);
    } catch (error) {
      if (epoch === this.#epoch) this.#restart(`subscribing ${channel} failed: ${String(error)}`);
    }
  }

  async unsubscribe(channel: string): Promise<void> {
    this.#wanted.delete(channel);
    if (!this.#confirmed.delete(channel) || this.subscriber.status !== 'ready') return;
    // A failure means the connection went, and its subscriptions with it.
    await this.subscriber.unsubscribe(this.#prefix + channel).catch(() => {});
  }

  async publish(channel: string, payload: string): Promise<void> {
    try {
      await this.publisher.publish(this.#prefix + channel, payload);
    } catch (error) {
      // Sent again when the publisher is back: another instance whose
      // subscriber never dropped would otherwise miss it until a sweep.
      this.#keep([[channel, payload]]);
      throw error;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    this.#epoch += 1;
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }

  /** Subscribes every wanted channel on a new connection, then reports `up`. */
  async #subscribeAll(epoch: number): Promise<void> {
    try {
      for (;;) {
        // Rooms may join while this runs: go round until none is missing.
        const missing = [...this.#wanted].filter((channel) => !this.#confirmed.has(channel));
        if (missing.length === 0) break;
        for (let start = 0; start < missing.length; start += SUBSCRIBE_CHUNK) {
          const chunk = missing.slice(start, start + SUBSCRIBE_CHUNK);
          await this.subscriber.subscribe(...chunk.map((channel) => this.#prefix + channel));
          if (epoch !== this.#epoch) return;
          this.#confirm(chunk);
        }
      }
    } catch (error) {
      if (epoch === this.#epoch) this.#restart(`re-subscribing failed: ${String(error)}`);
      return;
    }
    if (epoch !== this.#epoch) return;
    this.#state = 'up';
    if (this.#wasUp) {
      this.#log(`[redis] subscriber back; catching up ${this.#wanted.size} rooms from the log`);
    }
    this.#wasUp = true;
    this.#handlers?.up();
  }

  /** Marks channels confirmed; one a room left meanwhile is unsubscribed again. */
  #confirm(channels: readonly string[]): void {
    const stale: string[] = [];
    for (const channel of channels) {
      if (this.#wanted.has(channel)) this.#confirmed.add(channel);
      else stale.push(channel);
    }
    if (stale.length > 0) {
      this.subscriber
        .unsubscribe(...stale.map((channel) => this.#prefix + channel))
        .catch(() => {});
    }
  }

  #lost(): void {
    this.#epoch += 1;
    this.#confirmed.clear();
    if (this.#state === 'down') return;
    this.#state = 'down';
    this.#log('[redis] subscriber connection lost; live rooms read the log until it is back');
    this.#handlers?.down();
  }

  #checkSubscriber(): void {
    if (this.#state !== 'up' || this.#pinging) return;
    this.#pinging = true;
    const epoch = this.#epoch;
    this.subscriber
      .ping()
      .catch((error: unknown) => {
        if (epoch === this.#epoch) this.#restart(`no answer to PING: ${String(error)}`);
      })
      .finally(() => {
        this.#pinging = false;
      });
  }

  /** A subscriber in an unknown state starts over: down, reconnect, subscribe all, up. */
  #restart(reason: string): void {
    this.#log(`[redis] ${reason}; reconnecting the subscriber`);
    // Down now, not on 'close': a hung peer never answers the FIN that
    // disconnect() sends, so 'close' (and the reconnect) may wait for it.
    this.#lost();
    this.subscriber.disconnect(true);
  }

  #keep(messages: [string, string][]): void {
    this.#unsent.push(...messages);
    const over = this.#unsent.length - MAX_UNSENT;
    if (over > 0) {
      this.#unsent.splice(0, over);
      if (this.#droppedUnsent === 0) {
        this.#log(`[redis] over ${MAX_UNSENT} publishes waiting; the oldest are left to the sweep`);
      }
      this.#droppedUnsent += over;
    }
  }

  #sendUnsent(): void {
    const unsent = this.#unsent;
    this.#unsent = [];
    this.#droppedUnsent = 0;
    if (unsent.length === 0) return;
    const pipeline = this.publisher.pipeline();
    for (const [channel, payload] of unsent) pipeline.publish(this.#prefix + channel, payload);
    pipeline.exec().then(
      (results) => this.#keep(unsent.filter((_, index) => results?.[index]?.[0])),
      () => this.#keep(unsent),
    );
  }
}
