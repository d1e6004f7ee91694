/**
 * Whether the server's live path is running late: `live.status` says
 * `{ bus: 'down' }` while its bus (Redis) is away and it reads its event log
 * instead, so changes come a second or so late. Every feed on the socket is
 * late alike, so one subscription per API client (one per socket) serves
 * them all, however many feeds a screen holds; it runs while at least one
 * feed is mounted, so a page without a feed opens no socket for it.
 *
 * What the server said is only trusted while it could still say otherwise:
 * when the socket drops or the subscription fails, the state is forgotten
 * (not delayed, as far as we know) until the server tells us again.
 */
import { getUntypedClient } from '@trpc/client';
import type { Delivered, RouterOutputs } from '@ticketrail/server';
import { useSyncExternalStore } from 'react';
import { createBackoff, type RetryDelay } from '../api/backoff';
import { trpc } from '../api/client';
import { throttled } from '../api/throttle';

/** One report from `live.status`. */
export type ServerLiveStatus = Delivered<RouterOutputs['live']['status']>;

/** The server's bus as last reported; null while unknown (taken as not delayed). */
export type BusState = ServerLiveStatus['bus'] | null;

/** What the store hears from its one subscription to `live.status`. */
export interface StatusObserver {
  onData: (status: ServerLiveStatus) => void;
  /** The server ended the subscription with an error, or it failed under it. */
  onError: (error: unknown) => void;
  /** The socket under the subscription opened (true) or dropped and is retrying (false). */
  onConnection: (open: boolean) => void;
  /** Ended for good: the API client was closed. */
  onComplete: () => void;
}

/** Starts one subscription to `live.status`; the store calls it again to retry. */
export type StatusSource = (observer: StatusObserver) => { unsubscribe(): void };

export interface ServerStatusOptions {
  /** The wait before subscribing again after an error. */
  retryDelayMs?: RetryDelay;
}

export class ServerStatusStore {
  readonly #source: StatusSource;
  readonly #retryDelay: RetryDelay;
  #bus: BusState = null;
  #subscription: { unsubscribe(): void } | null = null;
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #idleTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #listeners = new Set<() => void>();

  constructor(source: StatusSource, options: ServerStatusOptions = {}) {
    this.#source = source;
    this.#retryDelay = options.retryDelayMs ?? createBackoff();
  }

  readonly getState = (): BusState => this.#bus;

  /** The first listener starts the subscription; it stops once the last one has gone. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (this.#idleTimer !== null) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    if (this.#subscription === null && this.#retryTimer === null) this.#start();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size > 0 || this.#idleTimer !== null) return;
      // Not at once: moving from one live page to the next (or React's
      // development remount) would otherwise stop and restart it.
      this.#idleTimer = setTimeout(() => {
        this.#idleTimer = null;
        if (this.#listeners.size === 0) this.#stop();
      }, 0);
    };
  };

  #start(): void {
    let ended = false;
    // The source may report synchronously, before it returns its subscription.
    const subscription = this.#source({
      onData: ({ bus }) => {
        if (ended) return;
        this.#attempt = 0;
        this.#set(bus);
      },
      onConnection: (open) => {
        if (!ended && !open) this.#set(null);
      },
      onError: (error) => {
        if (ended) return;
        ended = true;
        this.#subscription = null;
        this.#set(null);
        const wait = Math.max(this.#retryDelay(this.#attempt), throttled(error)?.retryAfterMs ?? 0);
        this.#attempt += 1;
        this.#retryTimer = setTimeout(() => {
          this.#retryTimer = null;
          if (this.#listeners.size > 0) this.#start();
        }, wait);
      },
      onComplete: () => {
        if (ended) return;
        ended = true;
        this.#subscription = null;
        this.#set(null);
      },
    });
    if (ended) subscription.unsubscribe();
    else this.#subscription = subscription;
  }

  #stop(): void {
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#subscription?.unsubscribe();
    this.#subscription = null;
    this.#attempt = 0;
    this.#bus = null;
  }

  #set(bus: BusState): void {
    if (bus === this.#bus) return;
    this.#bus = bus;
    for (const listener of this.#listeners) listener();
  }
}

/** One store per API client: the client owns the socket the subscription rides on. */
const stores = new WeakMap<object, ServerStatusStore>();

const unknown = (): BusState => null;
const nothingToHear = () => () => {};

/**
 * The server's bus as last reported on this app's socket; null while unknown.
 * Listens only while `listening` (a feed is subscribed): a page whose snapshot
 * failed has no feed, and asks the server nothing more.
 */
export function useServerLiveStatus(listening: boolean): BusState {
  const { client } = trpc.useUtils();
  const key = getUntypedClient(client);
  let store = stores.get(key);
  if (!store) {
    store = new ServerStatusStore((observer) =>
      client.live.status.subscribe(undefined, {
        onData: observer.onData,
        onError: observer.onError,
        onComplete: observer.onComplete,
        onConnectionStateChange: ({ state }) => observer.onConnection(state === 'pending'),
      }),
    );
    stores.set(key, store);
  }
  return useSyncExternalStore(
    listening ? store.subscribe : nothingToHear,
    listening ? store.getState : unknown,
  );
}
