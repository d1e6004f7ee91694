/**
 * Where a live subscription resumes from, kept apart from React so the rules
 * can be tested on their own.
 */

/**
 * Where the subscription resumes from. `from` is frozen when the snapshot
 * first arrives (the cache's own cursor moves with every event, and a moving
 * input would re-subscribe each time); `generation` counts deliberate restarts.
 */
export interface ResumePoint {
  key: string;
  /** The newest cursor seen in the cache under this key. */
  seen: number | null;
  from: number | null;
  generation: number;
}

export function initialResumePoint(key: string): ResumePoint {
  return { key, seen: null, from: null, generation: 0 };
}

/**
 * The resume point after the cache's cursor moved. Events only ever advance it;
 * if it went BACK, a refetch replaced the snapshot with one older than events
 * already applied, and those events are gone from the cache: subscribe again
 * from the new snapshot's cursor so the server replays them.
 */
export function nextResumePoint(
  point: ResumePoint,
  key: string,
  cursor: number | null,
): ResumePoint {
  // Another feed (say, another location): its input differs, so it subscribes anew anyway.
  if (point.key !== key) return { ...initialResumePoint(key), seen: cursor, from: cursor };
  if (cursor === null || cursor === point.seen) return point;
  if (point.from === null) return { ...point, seen: cursor, from: cursor };
  if (point.seen !== null && cursor < point.seen) {
    return { key, seen: cursor, from: cursor, generation: point.generation + 1 };
  }
  return { ...point, seen: cursor };
}

/** Subscribe again from the newest event the cache holds (after the server ended the feed). */
export function restartFromNewest(point: ResumePoint): ResumePoint {
  return { ...point, from: point.seen ?? point.from, generation: point.generation + 1 };
}

/**
 * The server would not replay so long a backlog (PAYLOAD_TOO_LARGE): the feed
 * stops until a fresh snapshot is in (`from` null, as before the first one),
 * then resumes after the new snapshot's cursor, which `nextResumePoint` picks up.
 */
export function awaitFreshSnapshot(point: ResumePoint): ResumePoint {
  return { ...point, from: null };
}

/**
 * The fresh snapshot is in at `cursor`. Usually `nextResumePoint` has resumed
 * from it already; not if the cursor did not move, which this covers.
 */
export function resumeAfterSnapshot(point: ResumePoint, cursor: number): ResumePoint {
  if (point.from !== null) return point;
  return { ...point, seen: cursor, from: cursor, generation: point.generation + 1 };
}
