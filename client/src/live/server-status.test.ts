import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServerStatusStore, type StatusObserver } from './server-status';

/** A stand-in for `live.status`: records each subscription for the test to drive. */
function fakeSource() {
  const started: { observer: StatusObserver; stopped: boolean }[] = [];
  const source = (observer: StatusObserver) => {
    const entry = { observer, stopped: false };
    started.push(entry);
    return { unsubscribe: () => void (entry.stopped = true) };
  };
  const current = () => {
    const entry = started.at(-1);
    if (!entry) throw new Error('never subscribed');
    return entry;
  };
  return { source, started, current };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const setup = () => {
  const fake = fakeSource();
  const store = new ServerStatusStore(fake.source, { retryDelayMs: () => 1_000 });
  return { ...fake, store };
};

describe('the server’s live status', () => {
  it('is one subscription however many feeds listen, unknown until the server says', () => {
    const { store, started, current } = setup();
    const first = vi.fn();
    const second = vi.fn();
    store.subscribe(first);
    store.subscribe(second);
    expect(started).toHaveLength(1);
    expect(store.getState()).toBeNull();

    current().observer.onData({ bus: 'down' });
    expect(store.getState()).toBe('down');
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    current().observer.onData({ bus: 'up' });
    expect(store.getState()).toBe('up');
  });

  it('forgets what it was told when the socket drops, until the server says again', () => {
    const { store, started, current } = setup();
    store.subscribe(() => {});
    current().observer.onConnection(true);
    current().observer.onData({ bus: 'down' });
    current().observer.onConnection(false);
    expect(store.getState()).toBeNull();
    // wsLink re-subscribes by itself on the new socket: no second subscription from here.
    current().observer.onConnection(true);
    expect(store.getState()).toBeNull();
    current().observer.onData({ bus: 'down' });
    expect(store.getState()).toBe('down');
    expect(started).toHaveLength(1);
  });

  it('forgets it when the subscription fails, and subscribes again after a wait', () => {
    const { store, started, current } = setup();
    store.subscribe(() => {});
    current().observer.onData({ bus: 'down' });
    current().observer.onError(new Error('Too many live feeds'));
    expect(store.getState()).toBeNull();
    vi.advanceTimersByTime(999);
    expect(started).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(started).toHaveLength(2);
    current().observer.onData({ bus: 'down' });
    expect(store.getState()).toBe('down');
  });

  it('forgets it and stops when the client closes (the subscription completes)', () => {
    const { store, started, current } = setup();
    store.subscribe(() => {});
    current().observer.onData({ bus: 'down' });
    current().observer.onComplete();
    expect(store.getState()).toBeNull();
    vi.advanceTimersByTime(60_000);
    expect(started).toHaveLength(1);
  });

  it('stops once the last feed has gone, but not between one page and the next', () => {
    const { store, started, current } = setup();
    const leave = store.subscribe(() => {});
    current().observer.onData({ bus: 'down' });
    // One page's feeds unmount and the next page's mount in the same commit.
    leave();
    const leaveNext = store.subscribe(() => {});
    vi.runAllTimers();
    expect(started).toHaveLength(1);
    expect(current().stopped).toBe(false);
    expect(store.getState()).toBe('down');

    leaveNext();
    vi.runAllTimers();
    expect(current().stopped).toBe(true);
    // Nobody hears it any more: what it said no longer holds.
    expect(store.getState()).toBeNull();
    store.subscribe(() => {});
    expect(started).toHaveLength(2);
  });

  it('does not subscribe again after a failure once nobody listens', () => {
    const { store, started, current } = setup();
    const leave = store.subscribe(() => {});
    current().observer.onError(new Error('gone'));
    leave();
    vi.advanceTimersByTime(60_000);
    expect(started).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
