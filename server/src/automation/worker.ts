/**
 * The automation worker every instance runs: read the event log of each
 * location with rules (matcher.ts), fire late-ticket timers that fell due
 * (timers.ts), and work the runs that are due (runner.ts). All three claim
 * their rows with SKIP LOCKED, so any number of instances share the work and
 * none does a piece another is doing; all their state is in the database, so
 * a restart picks up where the last process stopped.
 *
 * Why not a job library: pg-boss and graphile-worker drive their own `pg`
 * pools and LISTEN/NOTIFY, which the embedded PGlite default cannot give
 * them; the claims here are three short queries on the Kysely we already run
 * on both databases.
 *
 * It wakes when this instance commits an event, and polls for the rest (an
 * event another instance committed, a retry or a timer falling due).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { onEventsCommitted } from '../live/event-log';
import type { SettingsLocks } from '../settings/read';
import { MATCH_BATCH, matchNextEvents } from './matcher';
import { locationsWithRules } from './rules';
import { claimRuns, executeRun } from './runner';
import { fireDueTimers } from './timers';
import type { WebhookNetworkPolicy } from './webhook/address-guard';

export interface AutomationOptions {
  locks: SettingsLocks;
  policy: WebhookNetworkPolicy;
  now?: () => Date;
  /** How often to look for work another instance or the clock made; 1 s by default. */
  pollMs?: number;
  /** Runs worked at once by this instance (webhooks wait on the network). */
  concurrency?: number;
  random?: () => number;
  log?: (message: string) => void;
}

export interface AutomationWorker {
  /** Look for work now rather than at the next poll. */
  wake(): void;
  /**
   * Works until nothing is due now (tests: "after this, every matching event
   * has been handled"). Runs waiting for a retry later are left waiting.
   */
  drain(): Promise<void>;
  /** Stops polling, gives up webhooks in flight, and waits for the pass under way. */
  close(): Promise<void>;
}

export function startAutomation(
  db: Kysely<Database>,
  options: AutomationOptions,
): AutomationWorker {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.error(message));
  const pollMs = options.pollMs ?? 1_000;
  const concurrency = options.concurrency ?? 4;
  const stopping = new AbortController();
  const deps = { locks: options.locks, now };
  const runnerDeps = {
    now,
    policy: options.policy,
    log,
    signal: stopping.signal,
    ...(options.random ? { random: options.random } : {}),
  };

  /** One round of each kind of work; true when it did something (there may be more). */
  async function pass(): Promise<boolean> {
    let did = false;
    for (const locationId of await locationsWithRules(db)) {
      let read: number;
      do {
        read = await matchNextEvents(db, locationId, deps);
        if (read > 0) did = true;
      } while (read === MATCH_BATCH && !stopping.signal.aborted);
    }
    if ((await fireDueTimers(db, deps)) > 0) did = true;
    const runs = await claimRuns(db, now(), concurrency);
    await Promise.all(runs.map((run) => executeRun(db, run, runnerDeps)));
    return did || runs.length > 0;
  }

  let failing = false;
  async function passLogged(): Promise<boolean> {
    try {
      const did = await pass();
      if (failing) log('[automation] working again');
      failing = false;
      return did;
    } catch (error) {
      // The database is down or restarting: say so once, and keep polling.
      if (!failing) log(`[automation] cannot work just now: ${String(error)}`);
      failing = true;
      return false;
    }
  }

  let wakeUp: (() => void) | null = null;
  let woken = false;
  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const unlisten = onEventsCommitted(db, wake);

  // One pass at a time: drain() and the loop share it.
  let current: Promise<boolean> | null = null;
  const once = () => (current ??= passLogged().finally(() => (current = null)));

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      woken = false;
      const did = await once();
      if (did || woken || stopping.signal.aborted) continue;
      await new Promise<void>((resolve) => {
        // Every way out removes the others: a listener left on the signal per
        // poll would pile up for as long as the process runs.
        const done = () => {
          clearTimeout(timer);
          stopping.signal.removeEventListener('abort', done);
          wakeUp = null;
          resolve();
        };
        const timer = setTimeout(done, pollMs);
        wakeUp = done;
        stopping.signal.addEventListener('abort', done, { once: true });
      });
    }
  })();

  return {
    wake,
    async drain() {
      // A pass already under way may have started before what the caller just did.
      if (current) await current;
      while (await once()) {
        // keep going until a pass finds nothing due
      }
    },
    async close() {
      unlisten();
      stopping.abort();
      await loop;
    },
  };
}
