// @vitest-environment jsdom
/**
 * `useLiveQuery` when the server ends a feed on purpose, through a link the
 * test answers by hand (useLiveQuery.test.tsx runs the real server): a
 * backlog too long to replay loads a fresh snapshot and resumes after it; too
 * many feeds from here is retried after the server's wait, never given up;
 * an ended session is not retried at all.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_REPLAY_EVENTS } from '@ticketrail/shared';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { SETTINGS } from '../kitchen/test-settings';
import { fakeApiProviders, lastCall, type FakeCall } from '../test-support/fake-api';
import { ticket } from '../test-support/orders';
import type { KitchenBoard, KitchenTicket } from '../kitchen/kitchen-feed';
import { useLiveKitchenBoard } from '../kitchen/useLiveKitchenBoard';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const board = (lastEventId: number, tickets: KitchenTicket[]): KitchenBoard => ({
  locationId: 1,
  tickets,
  settings: SETTINGS,
  lastEventId,
});

function Tickets() {
  const { board: snapshot, live } = useLiveKitchenBoard(1);
  return (
    <section>
      <ConnectionBadge connection={live} />
      {live.error ? <p role="alert">{live.error.message}</p> : null}
      <ul aria-label="tickets">
        {snapshot.data?.tickets.map((each) => (
          <li key={each.id}>{each.displayNumber}</li>
        ))}
      </ul>
    </section>
  );
}

/** The board answered from `snapshots`, one per `kitchen.board` call, in turn. */
async function renderBoard(...snapshots: KitchenBoard[]) {
  let next = 0;
  const Providers = fakeApiProviders(calls, (call) => {
    if (call.path === 'kitchen.board') {
      const answer = snapshots[Math.min(next, snapshots.length - 1)];
      next += 1;
      call.answer(answer);
    }
  });
  render(
    <Providers>
      <Tickets />
    </Providers>,
  );
  await vi.waitFor(() => lastCall(calls, 'kitchen.live'));
}

const feeds = () => calls.filter((call) => call.path === 'kitchen.live');
const snapshots = () => calls.filter((call) => call.path === 'kitchen.board');
const cursorOf = (call: FakeCall) => (call.input as { lastEventId: string }).lastEventId;
const shown = () =>
  within(screen.getByRole('list', { name: 'tickets' }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent);
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('a backlog too long to replay', () => {
  it(`loads a fresh snapshot and resumes after its lastEventId, not the old cursor`, async () => {
    const later = 10 + MAX_REPLAY_EVENTS + 500;
    await renderBoard(board(10, [ticket(1)]), board(later, [ticket(1), ticket(2), ticket(3)]));
    expect(cursorOf(lastCall(calls, 'kitchen.live'))).toBe('10');

    act(() =>
      lastCall(calls, 'kitchen.live').refuse('PAYLOAD_TOO_LARGE', 'Too many events to replay.'),
    );
    await vi.waitFor(() => expect(feeds()).toHaveLength(2));
    expect(snapshots()).toHaveLength(2);
    expect(cursorOf(lastCall(calls, 'kitchen.live'))).toBe(String(later));
    expect(shown()).toEqual(['#001', '#002', '#003']);
    // Routine, not a failure to tell anyone about.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not loop when it keeps happening: the next reload waits', async () => {
    await renderBoard(board(10, []), board(20, []));
    act(() => lastCall(calls, 'kitchen.live').refuse('PAYLOAD_TOO_LARGE', 'Too many.'));
    await vi.waitFor(() => expect(feeds()).toHaveLength(2));
    act(() => lastCall(calls, 'kitchen.live').refuse('PAYLOAD_TOO_LARGE', 'Too many.'));
    await wait(200);
    expect(snapshots()).toHaveLength(2);
    await wait(30_000);
    expect(snapshots()).toHaveLength(3);
    await vi.waitFor(() => expect(feeds()).toHaveLength(3));
  });
});

describe('too many feeds from here', () => {
  it('retries from the same cursor after the server’s wait, reconnecting meanwhile', async () => {
    await renderBoard(board(10, [ticket(1)]));
    act(() =>
      lastCall(calls, 'kitchen.live').refuse('TOO_MANY_REQUESTS', 'Too many live feeds.', {
        httpStatus: 429,
        retryAfterSeconds: 3,
      }),
    );
    expect(screen.getByRole('status').textContent).toMatch(/^(Reconnecting…|Connecting…)/);
    expect(shown()).toEqual(['#001']);
    await wait(2_900);
    expect(feeds()).toHaveLength(1);
    await wait(200);
    await vi.waitFor(() => expect(feeds()).toHaveLength(2));
    expect(cursorOf(lastCall(calls, 'kitchen.live'))).toBe('10');
    // And again, however often: it is never taken as final.
    act(() =>
      lastCall(calls, 'kitchen.live').refuse('TOO_MANY_REQUESTS', 'Too many live feeds.', {
        httpStatus: 429,
        retryAfterSeconds: null,
      }),
    );
    await wait(60_000);
    expect(feeds().length).toBeGreaterThanOrEqual(3);
  });
});

describe('a socket that fails under the feed', () => {
  it('is retried, with no technical words on the screen', async () => {
    await renderBoard(board(10, [ticket(1)]));
    act(() => lastCall(calls, 'kitchen.live').drop('Active connection is not open'));
    expect(screen.queryByRole('alert')).toBeNull();
    await wait(1_000);
    await vi.waitFor(() => expect(feeds()).toHaveLength(2));
    expect(cursorOf(lastCall(calls, 'kitchen.live'))).toBe('10');
  });
});

describe('an ended session', () => {
  it('is not retried', async () => {
    await renderBoard(board(10, []));
    act(() =>
      lastCall(calls, 'kitchen.live').refuse(
        'UNAUTHORIZED',
        'Your session has ended. Please sign in again.',
      ),
    );
    await wait(60_000);
    expect(feeds()).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toBe(
      'Your session has ended. Please sign in again.',
    );
  });
});
