/**
 * A room feed read as an AsyncIterable — how tRPC's types see it and how any
 * consumer other than the WebSocket handler (which pipes it) would read it.
 */
import { rooms } from '@ticketrail/shared';
import { describe, expect, it } from 'vitest';
import { roomFeed } from './stream';
import { backend } from '../../test/support/database';
import { guest, pickupOrder, testDeps } from '../../test/support/fixture';
import { waitUntil } from '../../test/support/live';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();

describe(`room feed as an async iterable (${backend})`, () => {
  it('replays from the log, goes live, and leaves its room when aborted', async () => {
    const deps = testDeps(t.db);
    const first = await guest(t.db).orders.place(pickupOrder(t.fixture));
    const stop = new AbortController();
    const feed = roomFeed(deps, rooms.kitchen(t.fixture.main.id), 'kitchen', '0', stop.signal);
    const seen: string[] = [];
    const reading = (async () => {
      for await (const [id, event] of feed) {
        seen.push(
          `${id} ${event.type === 'order.changed' ? event.ticket.displayNumber : event.type}`,
        );
        if (seen.length === 3) stop.abort();
      }
    })();
    await waitUntil(
      () => seen.length === 1 && deps.realtime.hub.roomCount === 1,
      'the replayed order',
    );
    const second = await guest(t.db).orders.place(pickupOrder(t.fixture));
    const third = await guest(t.db).orders.place(pickupOrder(t.fixture));
    await reading;
    expect(seen.map((line) => line.split(' ')[1])).toEqual(['#001', '#002', '#003']);
    expect([first, second, third].map((placed) => placed.order.number)).toEqual([1, 2, 3]);
    expect(deps.realtime.hub.roomCount).toBe(0);
  });
});
