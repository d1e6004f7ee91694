// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useScreenWakeLock } from './wake-lock';

/** A browser's wake lock: hands out sentinels the test can release as the browser would. */
class FakeSentinel extends EventTarget {
  released = false;
  release = vi.fn(() => {
    this.released = true;
    this.dispatchEvent(new Event('release'));
    return Promise.resolve();
  });
}

let granted: FakeSentinel[];

beforeEach(() => {
  granted = [];
  Object.defineProperty(navigator, 'wakeLock', {
    configurable: true,
    value: {
      request: vi.fn((type: string) => {
        expect(type).toBe('screen');
        const sentinel = new FakeSentinel();
        granted.push(sentinel);
        return Promise.resolve(sentinel);
      }),
    },
  });
});

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'wakeLock');
});

const settle = () => act(() => Promise.resolve());

describe('useScreenWakeLock', () => {
  it('holds the screen awake while mounted, asks again when the page shows, lets go on unmount', async () => {
    const { unmount } = renderHook(() => useScreenWakeLock());
    await settle();
    expect(granted).toHaveLength(1);

    // Hiding the page drops the lock (the browser does it); showing it asks again.
    act(() => void granted[0]!.release());
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(granted).toHaveLength(2);

    // Already held: another show does not stack a second lock.
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(granted).toHaveLength(2);

    unmount();
    expect(granted[1]!.released).toBe(true);
  });

  it('does nothing where the browser has no wake lock', async () => {
    Reflect.deleteProperty(navigator, 'wakeLock');
    renderHook(() => useScreenWakeLock());
    await settle();
    expect(granted).toHaveLength(0);
  });
});
