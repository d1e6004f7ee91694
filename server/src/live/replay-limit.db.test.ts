/**
 * A subscription may ask for at most MAX_REPLAY_EVENTS events from the log.
 * A stranger asking the public menu feed for its whole history (lastEventId
 * 0) gets PAYLOAD_TOO_LARGE at once, without the server reading it; a screen
 * that was away reloads its snapshot and resumes from there.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_REPLAY_EVENTS, rooms } from '@ticketrail/shared';
import type { Delivered, RouterOutputs } from '../router';
import { backend } from '../../test/support/database';
import {
  busMaker,
  liveClient,
  Recorder,
  startInstance,
  waitUntil,
  type Instance,
  type LiveClient,
} from '../../test/support/live';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();

type MenuEvent = Delivered<RouterOutputs['menu']['live']>['data'];

/** `count` availability events in the location's menu room, written in one statement. */
async function fillMenuRoom(count: number): Promise<number> {
  const { main, items } = t.fixture;
  const payload = JSON.stringify({
    type: 'menu.availability',
    itemId: items.burger,
    name: 'Burger',
    available: true,
    soldOut: false,
  });
  const room = rooms.menu(main.id);
  await sql`
    with written as (
      insert into events (location_id, rooms, type, payload)
      select ${main.id}, array[${room}]::text[], 'menu.availability', ${payload}::jsonb
      from generate_series(1, ${count})
      returning id
    )
    insert into event_rooms (room, event_id) select ${room}, id from written
  `.execute(t.db);
  const head = await t.db
    .selectFrom('event_rooms')
    .select((eb) => eb.fn.max('event_id').as('head'))
    .where('room', '=', room)
    .executeTakeFirstOrThrow();
  return Number(head.head);
}

describe(`replay is bounded (${backend})`, () => {
  let instance: Instance;
  let client: LiveClient;
  beforeEach(async () => {
    instance = await startInstance(t.db, busMaker('memory')());
    client = liveClient(instance.wsUrl);
  });
  afterEach(async () => {
    await client.close();
    await instance.close();
  });

  const subscribe = (lastEventId: string) => {
    const feed = new Recorder<MenuEvent>();
    client.trpc.menu.live.subscribe(
      { locationSlug: t.fixture.main.slug, lastEventId },
      feed.handlers,
    );
    return feed;
  };

  it('refuses to replay more than the limit, and says what to do instead', async () => {
    await fillMenuRoom(MAX_REPLAY_EVENTS + 1);
    const feed = subscribe('0');
    await waitUntil(() => feed.errors.length > 0, 'the refusal');
    expect(feed.errors).toEqual([
      {
        code: 'PAYLOAD_TOO_LARGE',
        message:
          `More than ${MAX_REPLAY_EVENTS} events happened since event 0: ` +
          'reload the snapshot and resume from its lastEventId.',
      },
    ]);
    expect(feed.data).toEqual([]);
    expect(instance.realtime.hub.roomCount).toBe(0);
  });

  it('replays up to the limit in full, in order', async () => {
    const head = await fillMenuRoom(MAX_REPLAY_EVENTS + 5);
    const from = head - MAX_REPLAY_EVENTS;
    const feed = subscribe(String(from));
    await waitUntil(() => feed.data.length === MAX_REPLAY_EVENTS, 'the whole replay');
    expect(feed.errors).toEqual([]);
    expect(feed.ids[0]).toBe(from + 1);
    expect(feed.ids.at(-1)).toBe(head);
  });
});
