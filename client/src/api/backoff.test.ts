import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff';

/** A fixed draw: the delay at a known point of each window. */
const at = (draw: number) => () => draw;

describe('reconnect backoff', () => {
  const options = { baseMs: 1_000, maxMs: 30_000, floorMs: 250 };

  it('stays between the floor and the window at every attempt', () => {
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const ceiling = Math.min(30_000, 1_000 * 2 ** attempt);
      for (const draw of [0, 0.25, 0.5, 0.999999]) {
        const delay = createBackoff({ ...options, random: at(draw) })(attempt);
        expect(delay).toBeGreaterThanOrEqual(250);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('doubles its window with each failed attempt', () => {
    const top = createBackoff({ ...options, random: at(1) });
    expect([0, 1, 2, 3, 4].map(top)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('caps the window at maxMs, however long the outage', () => {
    const top = createBackoff({ ...options, random: at(1) });
    expect(top(5)).toBe(30_000);
    expect(top(12)).toBe(30_000);
    expect(top(2_000)).toBe(30_000); // 2 ** 2000 is Infinity
  });

  it('never waits less than the floor, even on a zero draw', () => {
    const bottom = createBackoff({ ...options, random: at(0) });
    expect(bottom(0)).toBe(250);
    expect(bottom(10)).toBe(250);
  });

  it('spreads clients over the whole window (full jitter), not around one point', () => {
    const draws = [0.05, 0.3, 0.55, 0.8, 0.95];
    const delays = draws.map((draw) => createBackoff({ ...options, random: at(draw) })(3));
    expect(new Set(delays).size).toBe(draws.length);
    // From near the floor to near the top of the 8 s window.
    expect(Math.min(...delays)).toBeLessThan(1_000);
    expect(Math.max(...delays)).toBeGreaterThan(7_000);
    // And the order of the draws is the order of the delays.
    expect([...delays].sort((a, b) => a - b)).toEqual(delays);
  });

  it('does not pile the first attempts onto the floor', () => {
    // Clamping random() * 1000 up to 250 would put a quarter of all clients at exactly 250 ms.
    const first = (draw: number) => createBackoff({ ...options, random: at(draw) })(0);
    expect(first(0.1)).not.toBe(first(0.2));
    expect(first(0.1)).toBeGreaterThan(250);
  });

  it('uses Math.random by default and keeps a bad random() in range', () => {
    const real = createBackoff(options);
    const delays = Array.from({ length: 50 }, () => real(2));
    expect(new Set(delays).size).toBeGreaterThan(1);
    expect(createBackoff({ ...options, random: at(-1) })(2)).toBe(250);
    expect(createBackoff({ ...options, random: at(7) })(2)).toBe(4_000);
  });
});
