/**
 * How long a client waits before its next reconnect attempt.
 *
 * Exponential backoff with FULL jitter: attempt n waits a random time up to
 * min(maxMs, baseMs · 2ⁿ). tRPC's own default backs off without jitter, so after
 * a server restart every tablet and phone in the building would reconnect in
 * the same instant and hit the fresh process together; spreading the attempts
 * over the whole window turns that spike into a trickle.
 */

export interface BackoffOptions {
  /** The window of the first attempt (attempt 0). */
  baseMs: number;
  /** The widest window, however many attempts have failed. */
  maxMs: number;
  /**
   * The shortest wait. The random part is spread ABOVE the floor rather than
   * clamped up to it: clamping would put every draw below the floor on exactly
   * the floor, and half the first attempts would land in the same instant again.
   */
  floorMs: number;
  /** A number in [0, 1); tests pass their own to pin the draw. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  baseMs: 1_000,
  maxMs: 30_000,
  floorMs: 250,
  random: Math.random,
};

/** The wait before reconnect attempt `attempt` (0 for the first). */
export type RetryDelay = (attempt: number) => number;

export function createBackoff(options: Partial<BackoffOptions> = {}): RetryDelay {
  const { baseMs, maxMs, floorMs, random } = { ...DEFAULT_BACKOFF, ...options };
  return (attempt) => {
    // 2 ** attempt is Infinity for a very long outage; min() caps it all the same.
    const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
    const spread = Math.max(0, ceiling - floorMs);
    // A random() outside [0, 1) from a bad stub must not make a negative or huge wait.
    const draw = Math.min(Math.max(random(), 0), 1);
    return floorMs + draw * spread;
  };
}
