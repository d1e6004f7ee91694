import { describe, expect, it } from 'vitest';
import { initialResumePoint, nextResumePoint, restartFromNewest, type ResumePoint } from './resume';

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
});
