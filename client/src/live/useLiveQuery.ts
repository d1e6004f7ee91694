/**
 * Keeps a snapshot query current with its live feed: one hook for every feed
 * (kitchen, guest order, ready board, menu).
 *
 * The snapshot query says where it is current to (`lastEventId`); the hook
 * subscribes from there, so nothing between the snapshot and the subscription
 * is missed, and applies each event to the TanStack Query cache with the
 * feed's reducer. After a dropped socket tRPC's wsLink re-subscribes by itself
 * with the last event id it saw, and the server replays what was missed. A
 * screen away so long that the backlog is more than the server replays
 * (MAX_REPLAY_EVENTS) loads a fresh snapshot instead and resumes after it.
 * While the server says its bus is down, a live feed reads `delayed`.
 */
import { skipToken, type SkipToken } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createBackoff, type RetryDelay } from '../api/backoff';
import { throttled } from '../api/throttle';
import { ConnectionTracker, DEFAULT_OFFLINE_AFTER_MS, type LiveConnection } from './connection';
import type { Reducer } from './reducer';
import {
  awaitFreshSnapshot,
  initialResumePoint,
  nextResumePoint,
  restartFromNewest,
  resumeAfterSnapshot,
} from './resume';
import { useServerLiveStatus } from './server-status';

/**
 * The options of a snapshot query that a feed keeps current: a time-based
 * refetch would only race the feed. (If one happens anyway, say after an
 * invalidation, the hook notices the older cursor and replays from it.)
 */
export const LIVE_SNAPSHOT = { staleTime: Infinity } as const;

/** What @trpc/react-query's `useSubscription` reports: 'pending' means subscribed and live. */
export type SubscriptionStatus = 'idle' | 'connecting' | 'pending' | 'error';

/** The part of a tRPC error the hook reads: the code says whether retrying can help. */
export interface FeedError {
  message: string;
  data?: { code?: string } | null;
}

/** A subscription procedure of the React client, e.g. `trpc.kitchen.live`. */
export interface LiveFeed<Input, Item> {
  useSubscription(
    input: Input | SkipToken,
    opts: {
      onStarted?: () => void;
      onData?: (item: Item) => void;
      onError?: (error: FeedError) => void;
    },
  ): { status: SubscriptionStatus; reset: () => void };
}

/** The part of a query result the hook reads. */
export interface SnapshotQuery<Snapshot> {
  data: Snapshot | undefined;
  /** When the cached data last changed (0 before it first did). */
  dataUpdatedAt: number;
  /** Loads the snapshot anew; resolves with it (no data when that failed). */
  refetch: () => Promise<{ data: Snapshot | undefined }>;
}

export interface UseLiveQueryOptions<Snapshot extends { lastEventId: number }, Input, Item> {
  snapshot: SnapshotQuery<Snapshot>;
  /** `(updater) => utils.<path>.setData(input, updater)` for the snapshot's query. */
  setSnapshot: (updater: (current: Snapshot | undefined) => Snapshot | undefined) => void;
  feed: LiveFeed<Input, Item>;
  /** The feed's input resuming after `lastEventId`; the rest of it names what to watch. */
  feedInput: (lastEventId: string) => Input;
  reduce: Reducer<Snapshot, Item>;
  /** How long away before `reconnecting` becomes `offline`. */
  offlineAfterMs?: number;
  /** The wait before re-subscribing after the server ended the feed with an error. */
  retryDelayMs?: RetryDelay;
}

export interface LiveQueryState extends LiveConnection {
  /** The server's last refusal or failure; cleared once live again. */
  error: FeedError | null;
}

/**
 * Errors that another attempt cannot fix: the user must sign in, or the thing
 * is gone. TOO_MANY_REQUESTS is not one of them: it is retried, after the
 * server's wait if it gave one.
 */
const PERMANENT_ERRORS = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST']);

/** The server will not replay the backlog since our cursor: it is too long. */
const BACKLOG_TOO_LONG = 'PAYLOAD_TOO_LARGE';

export function useLiveQuery<Snapshot extends { lastEventId: number }, Input, Item>(
  options: UseLiveQueryOptions<Snapshot, Input, Item>,
): LiveQueryState {
  const { snapshot, setSnapshot, feed, feedInput, reduce } = options;
  const cursor = snapshot.data?.lastEventId ?? null;
  // What to watch, without the resume point: a change means a different feed.
  const key = JSON.stringify(feedInput(''));

  const [point, setPoint] = useState(() => initialResumePoint(key));
  // Derived from the previous render's point and this render's cursor
  // (React's "adjusting state when a prop changes"): no effect, no extra frame.
  const resume = nextResumePoint(point, key, cursor);
  if (resume !== point) setPoint(resume);

  const [tracker] = useState(
    () =>
      new ConnectionTracker({ offlineAfterMs: options.offlineAfterMs ?? DEFAULT_OFFLINE_AFTER_MS }),
  );
  const connection = useSyncExternalStore(tracker.subscribe, tracker.getState);
  const [error, setError] = useState<FeedError | null>(null);
  const [retryDelay] = useState(() => options.retryDelayMs ?? createBackoff());
  const retry = useRef<{
    attempt: number;
    timer: ReturnType<typeof setTimeout> | null;
    mounted: boolean;
  }>({ attempt: 0, timer: null, mounted: false });

  /** Runs `next` after `delayMs`, instead of anything scheduled before; counts the attempt. */
  const later = (delayMs: number, next: () => void) => {
    retry.current.attempt += 1;
    if (retry.current.timer !== null) clearTimeout(retry.current.timer);
    retry.current.timer = setTimeout(() => {
      retry.current.timer = null;
      next();
    }, delayMs);
  };

  /** A fresh snapshot, then the feed after it; again after a wait if the snapshot fails. */
  const reloadSnapshot = () => {
    setPoint(awaitFreshSnapshot);
    void snapshot.refetch().then(({ data }) => {
      if (!retry.current.mounted) return;
      if (data) setPoint((current) => resumeAfterSnapshot(current, data.lastEventId));
      else later(retryDelay(retry.current.attempt), reloadSnapshot);
    });
  };

  const subscription = feed.useSubscription(
    resume.from === null ? skipToken : feedInput(String(resume.from)),
    {
      onStarted: () => setError(null),
      onData: (item) => {
        setSnapshot((current) => (current === undefined ? current : reduce(current, item)));
        tracker.synced();
        // Events flow again: the next failure starts the backoff from the beginning.
        retry.current.attempt = 0;
      },
      onError: (failure) => {
        const code = failure.data?.code ?? '';
        if (code === BACKLOG_TOO_LONG) {
          // Routine after a long absence: nothing to tell the user. At once the
          // first time; after a wait if it keeps happening without events between.
          const attempt = retry.current.attempt;
          if (attempt === 0) {
            retry.current.attempt = 1;
            reloadSnapshot();
          } else later(retryDelay(attempt), reloadSnapshot);
          return;
        }
        // Only the server's own refusals are worth words; a socket that failed
        // under the feed is what the badge's "Reconnecting…" already says.
        if (failure.data) setError(failure);
        if (PERMANENT_ERRORS.has(code)) return;
        // The server ended the feed (say, the database failed mid-replay, or
        // too many feeds from here). wsLink only retries dropped sockets, so
        // start again ourselves, from the newest event the cache holds.
        const wait = Math.max(
          retryDelay(retry.current.attempt),
          throttled(failure)?.retryAfterMs ?? 0,
        );
        later(wait, () => setPoint(restartFromNewest));
      },
    },
  );

  // A restart that resumes from the same event id leaves the input unchanged,
  // so useSubscription would not notice it: reset it by hand.
  const started = useRef<{ from: number | null; generation: number } | null>(null);
  const { reset } = subscription;
  useEffect(() => {
    const previous = started.current;
    started.current = { from: resume.from, generation: resume.generation };
    if (
      previous !== null &&
      resume.from !== null &&
      previous.from === resume.from &&
      previous.generation !== resume.generation
    ) {
      reset();
    }
  }, [resume.from, resume.generation, reset]);

  useEffect(() => {
    tracker.setLive(subscription.status === 'pending');
  }, [tracker, subscription.status]);

  // One report for the whole socket, shared by every feed on it.
  const bus = useServerLiveStatus(resume.from !== null);
  useEffect(() => {
    tracker.setDelayed(bus === 'down');
  }, [tracker, bus]);

  useEffect(() => {
    if (snapshot.dataUpdatedAt > 0) tracker.synced(new Date(snapshot.dataUpdatedAt));
  }, [tracker, snapshot.dataUpdatedAt]);

  useEffect(() => {
    tracker.start();
    const pending = retry.current;
    pending.mounted = true;
    return () => {
      tracker.stop();
      pending.mounted = false;
      if (pending.timer !== null) clearTimeout(pending.timer);
    };
  }, [tracker]);

  return { ...connection, error };
}
