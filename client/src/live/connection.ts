/**
 * What a screen tells its user about its live feed: live, live but delayed
 * (the server's bus is down), still connecting, reconnecting after a drop, or
 * offline long enough that what it shows may be stale. Kept outside React (a
 * small store the hook subscribes to) so the clock and the timer live in one
 * testable place, not in renders.
 */

/**
 * - `connecting`: never live yet (the snapshot or the first subscribe is on its way).
 * - `live`: subscribed; every change reaches the screen as it happens.
 * - `delayed`: subscribed, but the server says its bus is down: changes still
 *   come (it reads its event log instead), a second or so late. Only a live
 *   feed can be delayed: a socket that is away says so instead.
 * - `reconnecting`: was live, lost the connection moments ago, and is retrying.
 *   Brief drops (a server restart, a Wi-Fi hand-over) stay here and heal unseen.
 * - `offline`: away (or never connected) for longer than `offlineAfterMs`. Still retrying.
 */
export type LiveStatus = 'connecting' | 'live' | 'delayed' | 'reconnecting' | 'offline';

export interface LiveConnection {
  status: LiveStatus;
  /**
   * When the feed left `live` (or began trying, if it never got there); set
   * while `reconnecting` or `offline`, null otherwise.
   */
  offlineSince: Date | null;
  /**
   * The last moment the screen is known to have matched the server: the
   * snapshot arriving, the feed (re)starting, or the last event received.
   */
  lastSyncedAt: Date | null;
}

export interface ConnectionTrackerOptions {
  offlineAfterMs: number;
  now?: () => Date;
}

export const DEFAULT_OFFLINE_AFTER_MS = 5_000;

export class ConnectionTracker {
  readonly #offlineAfterMs: number;
  readonly #now: () => Date;
  #live = false;
  #delayed = false;
  #everLive = false;
  /** Null until started; then when it last left live, or when it began trying. */
  #awaySince: Date | null = null;
  #lastSyncedAt: Date | null = null;
  #state: LiveConnection = { status: 'connecting', offlineSince: null, lastSyncedAt: null };
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #listeners = new Set<() => void>();

  constructor(options: ConnectionTrackerOptions) {
    this.#offlineAfterMs = options.offlineAfterMs;
    this.#now = options.now ?? (() => new Date());
  }

  /** The current state; the same object until something changes (for useSyncExternalStore). */
  readonly getState = (): LiveConnection => this.#state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Starts the clock towards `offline`. Safe to call again after `stop()`. */
  start(): void {
    if (!this.#live && this.#awaySince === null) this.#awaySince = this.#now();
    this.#publish();
  }

  /** Stops the timer; nothing is published until `start()` again. */
  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  setLive(live: boolean): void {
    if (live === this.#live) return;
    const now = this.#now();
    this.#live = live;
    if (live) {
      this.#everLive = true;
      this.#awaySince = null;
      this.#lastSyncedAt = now;
    } else {
      this.#awaySince = now;
    }
    this.#publish();
  }

  /** The server says live updates reach it late (its bus is down), or no longer. */
  setDelayed(delayed: boolean): void {
    if (delayed === this.#delayed) return;
    this.#delayed = delayed;
    this.#publish();
  }

  /** The screen matched the server at `at` (a snapshot arrived, an event was applied). */
  synced(at: Date = this.#now()): void {
    if (this.#lastSyncedAt && this.#lastSyncedAt >= at) return;
    this.#lastSyncedAt = at;
    this.#publish();
  }

  #compute(): LiveConnection {
    if (this.#live) {
      const status = this.#delayed ? 'delayed' : 'live';
      return { status, offlineSince: null, lastSyncedAt: this.#lastSyncedAt };
    }
    const since = this.#awaySince;
    const away = since ? this.#now().getTime() - since.getTime() : 0;
    if (since && away >= this.#offlineAfterMs) {
      return { status: 'offline', offlineSince: since, lastSyncedAt: this.#lastSyncedAt };
    }
    return this.#everLive
      ? { status: 'reconnecting', offlineSince: since, lastSyncedAt: this.#lastSyncedAt }
      : { status: 'connecting', offlineSince: null, lastSyncedAt: this.#lastSyncedAt };
  }

  #publish(): void {
    const next = this.#compute();
    const previous = this.#state;
    if (
      next.status !== previous.status ||
      next.offlineSince !== previous.offlineSince ||
      next.lastSyncedAt !== previous.lastSyncedAt
    ) {
      this.#state = next;
      for (const listener of this.#listeners) listener();
    }
    this.#schedule();
  }

  /** While away and not yet offline, wake up when the grace period ends. */
  #schedule(): void {
    this.stop();
    const since = this.#awaySince;
    if (this.#live || !since || this.#state.status === 'offline') return;
    const remaining = since.getTime() + this.#offlineAfterMs - this.#now().getTime();
    this.#timer = setTimeout(() => this.#publish(), Math.max(0, remaining));
  }
}
