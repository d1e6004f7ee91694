import { describe, expect, it } from 'vitest';
import {
  awaitFreshSnapshot,
  initialResumePoint,
  nextResumePoint,
  restartFromNewest,
  resumeAfterSnapshot,
  type ResumePoint,
} from './resume';

/** The cache's cursor over time, and where the subscription resumes from after each. */
function follow(cursors: (number | null)[], key = 'k'): ResumePoint[] {
  let point = initialResumePoint(key);
  return cursors.map((cursor) => (point = nextResumePoint(point, key, cursor)));
}

describe('resume point', () => {
  it('waits for the snapshot, then resumes after its lastEventId', () => {
    const [loading, loaded] = follow([null, 10]);
    expect(loading?.from).toBeNull();
    expect(loaded).toMatchObject({ from: 10, seen: 10, generation: 0 });
  });

  it('stays put while events advance the cache (no re-subscribe per event)', () => {
    const points = follow([10, 11, 12, 15]);
    expect(points.map((p) => p.from)).toEqual([10, 10, 10, 10]);
    expect(points.at(-1)).toMatchObject({ seen: 15, generation: 0 });
  });

  it('restarts from an older snapshot that replaced the cache, so missed events replay', () => {
    const points = follow([10, 11, 12, 9]);
    expect(points.at(-1)).toMatchObject({ from: 9, seen: 9, generation: 1 });
  });

  it('restarts even when the older snapshot has the cursor it started from', () => {
    // The input is then unchanged; the generation tells the hook to reset by hand.
    const points = follow([10, 12, 10]);
    expect(points.at(-1)).toMatchObject({ from: 10, generation: 1 });
  });

  it('returns the same point when nothing moved', () => {
    const [first] = follow([10]);
    expect(nextResumePoint(first!, 'k', 10)).toBe(first);
    expect(nextResumePoint(first!, 'k', null)).toBe(first);
  });

  it('starts over for another feed', () => {
    const [first] = follow([10]);
    expect(nextResumePoint(first!, 'other', 3)).toEqual({
      key: 'other',
      seen: 3,
      from: 3,
      generation: 0,
    });
  });

  it('restarts after a failure from the newest event the cache holds', () => {
    const last = follow([10, 14]).at(-1)!;
    expect(restartFromNewest(last)).toMatchObject({ from: 14, generation: 1 });
  });

  it('stops for a fresh snapshot after a refused backlog, then resumes after its cursor', () => {
    const last = follow([10, 14]).at(-1)!;
    const waiting = awaitFreshSnapshot(last);
    expect(waiting.from).toBeNull();
    // The refetched snapshot lands, far ahead of what the feed had seen.
    const resumed = nextResumePoint(waiting, 'k', 2_014);
    expect(resumed).toMatchObject({ from: 2_014, seen: 2_014 });
    // Nothing more to do once the snapshot's arrival resumed it.
    expect(resumeAfterSnapshot(resumed, 2_014)).toBe(resumed);
  });

  it('resumes after a fresh snapshot whose cursor did not move', () => {
    const waiting = awaitFreshSnapshot(follow([10, 14]).at(-1)!);
    expect(nextResumePoint(waiting, 'k', 14)).toBe(waiting);
    expect(resumeAfterSnapshot(waiting, 14)).toMatchObject({ from: 14, generation: 1 });
  });
});
