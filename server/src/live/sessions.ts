/**
 * Ends live feeds whose staff session has ended: signed out on any screen or
 * instance, expired, or the account deactivated. A feed was authorised once,
 * when it started, and would otherwise stream to a signed-out tablet forever.
 *
 * The database is the record of sessions, so each process re-reads the
 * sessions its open feeds stand on, every `checkMs` while there are any (one
 * indexed query; none when no staff feed is open). That reaches every
 * instance within `checkMs` whatever happened to the bus; a sign-out on this
 * instance asks for a check at once.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { liveSessionHashes } from '../staff/sessions';
import { hashToken } from '../tokens';

export interface SessionWatchOptions {
  checkMs: number;
  now: () => Date;
  log: (message: string) => void;
}

/** Enough to keep one `in (…)` list a modest size. */
const CHECK_CHUNK = 500;

export class SessionWatch {
  readonly #db: Kysely<Database>;
  readonly #options: SessionWatchOptions;
  /** Token hash → what to call when that session ends. */
  readonly #watchers = new Map<string, Set<() => void>>();
  #timer: NodeJS.Timeout | null = null;
  #checking: Promise<void> | null = null;
  #checkAgain = false;
  /** Logged once when checks start failing, once when they work again (not twice a second). */
  #failing = false;

  constructor(db: Kysely<Database>, options: SessionWatchOptions) {
    this.#db = db;
    this.#options = options;
  }

  /** Calls `onEnd` once when the session behind `token` ends; the returned function stops watching. */
  watch(token: string, onEnd: () => void): () => void {
    const hash = hashToken(token);
    let ends = this.#watchers.get(hash);
    if (!ends) {
      ends = new Set();
      this.#watchers.set(hash, ends);
    }
    ends.add(onEnd);
    this.#startTimer();
    return () => {
      const current = this.#watchers.get(hash);
      current?.delete(onEnd);
      if (current?.size === 0) this.#watchers.delete(hash);
      if (this.#watchers.size === 0) this.#stopTimer();
    };
  }

  /** Sessions being watched (for tests and health output). */
  get watchedSessions(): number {
    return this.#watchers.size;
  }

  /** Checks without waiting for the timer: a session just ended on this instance. */
  checkSoon(): void {
    void this.check();
  }

  /** Re-reads every watched session; ends the feeds of those that are gone. */
  check(): Promise<void> {
    if (this.#checking) {
      // A session may have ended after the running check read it: look again after.
      this.#checkAgain = true;
      return this.#checking;
    }
    this.#checking = this.#checkAll().finally(() => {
      this.#checking = null;
      if (this.#checkAgain) {
        this.#checkAgain = false;
        this.checkSoon();
      }
    });
    return this.#checking;
  }

  close(): void {
    this.#stopTimer();
    this.#watchers.clear();
  }

  async #checkAll(): Promise<void> {
    const hashes = [...this.#watchers.keys()];
    for (let start = 0; start < hashes.length; start += CHECK_CHUNK) {
      const chunk = hashes.slice(start, start + CHECK_CHUNK);
      let alive: Set<string>;
      try {
        alive = await liveSessionHashes(this.#db, chunk, this.#options.now());
      } catch (error) {
        // The database is away: that is no proof a session ended. Try again next time.
        if (!this.#failing) {
          this.#options.log(`[sessions] cannot check staff sessions: ${String(error)}`);
        }
        this.#failing = true;
        return;
      }
      if (this.#failing) this.#options.log('[sessions] checking staff sessions again');
      this.#failing = false;
      // Only the hashes this query read: a session watched meanwhile is not judged.
      for (const hash of chunk) {
        if (alive.has(hash)) continue;
        const ends = this.#watchers.get(hash);
        this.#watchers.delete(hash);
        for (const end of ends ?? []) end();
      }
    }
    if (this.#watchers.size === 0) this.#stopTimer();
  }

  #startTimer(): void {
    if (this.#timer || this.#options.checkMs <= 0) return;
    this.#timer = setInterval(() => void this.check(), this.#options.checkMs);
    this.#timer.unref();
  }

  #stopTimer(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
