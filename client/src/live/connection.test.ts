import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionTracker } from './connection';

const at = (time: string) => new Date(`2026-11-24T${time}`);

describe('connection state', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(at('14:00:00'));
  });
  afterEach(() => vi.useRealTimers());

  const tracker = () => {
    const created = new ConnectionTracker({ offlineAfterMs: 5_000 });
    const changes = vi.fn();
    created.subscribe(changes);
    created.start();
    return { tracker: created, changes };
  };

  it('is connecting until the feed is live, then live', () => {
    const { tracker: t } = tracker();
    expect(t.getState()).toEqual({ status: 'connecting', offlineSince: null, lastSyncedAt: null });
    vi.advanceTimersByTime(1_000);
    t.setLive(true);
    expect(t.getState()).toEqual({
      status: 'live',
      offlineSince: null,
      lastSyncedAt: at('14:00:01'),
    });
  });

  it('is reconnecting after a drop, and offline once away longer than the grace period', () => {
    const { tracker: t, changes } = tracker();
    t.setLive(true);
    vi.advanceTimersByTime(60_000);
    t.synced(); // an event at 14:01:00
    vi.advanceTimersByTime(4_000);
    t.setLive(false); // dropped at 14:01:04
    expect(t.getState()).toEqual({
      status: 'reconnecting',
      offlineSince: at('14:01:04'),
      lastSyncedAt: at('14:01:00'),
    });
    changes.mockClear();
    vi.advanceTimersByTime(4_999);
    expect(t.getState().status).toBe('reconnecting');
    vi.advanceTimersByTime(1);
    // The timer alone moves it on: no event has to arrive for the screen to say so.
    expect(changes).toHaveBeenCalledTimes(1);
    expect(t.getState()).toEqual({
      status: 'offline',
      offlineSince: at('14:01:04'),
      lastSyncedAt: at('14:01:00'),
    });
  });

  it('heals a short drop without ever saying offline', () => {
    const { tracker: t } = tracker();
    t.setLive(true);
    t.setLive(false);
    vi.advanceTimersByTime(2_000);
    t.setLive(true);
    vi.advanceTimersByTime(60_000);
    expect(t.getState().status).toBe('live');
    expect(t.getState().offlineSince).toBeNull();
  });

  it('is offline when it never got through, counted from when it began', () => {
    const { tracker: t } = tracker();
    vi.advanceTimersByTime(5_000);
    expect(t.getState()).toEqual({
      status: 'offline',
      offlineSince: at('14:00:00'),
      lastSyncedAt: null,
    });
  });

  it('is delayed while live and the server says its updates are late, then live again', () => {
    const { tracker: t, changes } = tracker();
    t.setLive(true);
    changes.mockClear();
    t.setDelayed(true);
    expect(t.getState()).toEqual({
      status: 'delayed',
      offlineSince: null,
      lastSyncedAt: at('14:00:00'),
    });
    t.setDelayed(true); // said again: no change
    expect(changes).toHaveBeenCalledTimes(1);
    t.setDelayed(false);
    expect(t.getState().status).toBe('live');
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('says reconnecting, then offline, rather than delayed once the feed is away', () => {
    const { tracker: t } = tracker();
    t.setDelayed(true);
    // Not live yet: still connecting, however late the server is.
    expect(t.getState().status).toBe('connecting');
    t.setLive(true);
    expect(t.getState().status).toBe('delayed');
    t.setLive(false);
    expect(t.getState().status).toBe('reconnecting');
    vi.advanceTimersByTime(5_000);
    expect(t.getState().status).toBe('offline');
    // Back, and the server still says late: delayed again, not offline or plain live.
    t.setLive(true);
    expect(t.getState().status).toBe('delayed');
  });

  it('keeps the newest sync time and the same state object when nothing changed', () => {
    const { tracker: t, changes } = tracker();
    t.synced(at('14:00:00'));
    const state = t.getState();
    t.synced(at('13:59:00'));
    expect(t.getState()).toBe(state);
    t.setLive(false); // not live already: no change
    expect(t.getState()).toBe(state);
    expect(changes).toHaveBeenCalledTimes(1);
  });

  it('stops its timer when stopped', () => {
    const { tracker: t, changes } = tracker();
    t.stop();
    vi.advanceTimersByTime(60_000);
    expect(changes).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
