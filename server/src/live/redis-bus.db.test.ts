/**
 * The Redis bus on its own, against a real Redis: a channel asked for at any
 * moment of the connection's life is subscribed, and the bus says when it is
 * down and when it is back with every channel confirmed.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BusHandlers } from './bus';
import { RedisBus } from './redis-bus';
import { waitUntil } from '../../test/support/live';
import { hasRedisServer, startOwnRedis, type OwnRedis } from '../../test/support/redis-server';

/** What a bus told its hub. */
class Heard implements BusHandlers {
  readonly messages: string[] = [];
  readonly states: ('down' | 'up')[] = [];
  message(_channel: string, payload: string) {
    this.messages.push(payload);
  }
  down() {
    this.states.push('down');
  }
  up() {
    this.states.push('up');
  }
}

const buses: RedisBus[] = [];
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.close();
});

function bus(url: string): { bus: RedisBus; heard: Heard } {
  const created = new RedisBus(url, { prefix: 'bus-test:', log: () => {} });
  const heard = new Heard();
  created.attach(heard);
  buses.push(created);
  return { bus: created, heard };
}

describe.runIf(hasRedisServer)('the Redis bus', () => {
  let redis: OwnRedis;
  let publisher: Redis;
  beforeAll(async () => {
    redis = await startOwnRedis();
    publisher = new Redis(redis.url, { retryStrategy: () => 50 });
    publisher.on('error', () => {});
  });
  afterAll(async () => {
    publisher?.disconnect();
    await redis?.kill();
  });

  it('a channel subscribed during the connection handshake is heard', async () => {
    // The moment a restarted instance's screens reconnect: TCP is up, the
    // handshake (CLIENT SETNAME, the ready check) is not done. A SUBSCRIBE
    // written now used to put the connection in subscriber mode, fail the
    // ready check, and leave the channel unsubscribed after the reconnect.
    const { bus: fresh, heard } = bus(redis.url);
    await new Promise((resolve) => fresh.subscriber.once('connect', resolve));
    expect(fresh.subscriber.status).toBe('connect');
    await fresh.subscribe('room-a');
    // Redis itself says whether anyone listens (the old bus showed 0, for good).
    let subscribers = 0;
    for (let tries = 0; tries < 100 && subscribers === 0; tries += 1) {
      subscribers = await redis.numsub('bus-test:room-a');
      if (subscribers === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(subscribers).toBe(1);

    await publisher.publish('bus-test:room-a', 'hello');
    await waitUntil(() => heard.messages.length === 1, 'the message');
    expect(heard.messages).toEqual(['hello']);
  });

  it('down when Redis dies; back up with every channel, old and new, confirmed', async () => {
    const { bus: live, heard } = bus(redis.url);
    await live.subscribe('room-b');
    await waitUntil(() => live.state === 'up', 'the bus to be up');
    expect(heard.states).toEqual(['up']);

    await redis.kill();
    await waitUntil(() => live.state === 'down', 'the bus to notice');
    expect(heard.states).toEqual(['up', 'down']);
    // Asked for while down: answered at once, subscribed before `up`.
    await live.subscribe('room-c');

    await redis.start();
    await waitUntil(() => live.state === 'up', 'the bus to come back', 10_000);
    expect(heard.states).toEqual(['up', 'down', 'up']);
    expect(await redis.numsub('bus-test:room-b')).toBe(1);
    expect(await redis.numsub('bus-test:room-c')).toBe(1);

    await publisher.publish('bus-test:room-c', 'after');
    await waitUntil(() => heard.messages.includes('after'), 'a message on the new channel');
  });

  it('a publish that failed is sent again when the publisher is back', async () => {
    // Only this instance's publisher lost Redis: other instances' subscribers
    // never dropped, so no reconnect would make them re-read the log.
    const { bus: live, heard } = bus(redis.url);
    await live.subscribe('room-g');
    await waitUntil(() => live.state === 'up', 'the bus to be up');
    live.publisher.disconnect();
    await waitUntil(() => live.publisher.status === 'end', 'the publisher to be gone');
    await expect(live.publish('room-g', 'sent-while-away')).rejects.toThrow();
    expect(heard.messages).toEqual([]);
    await live.publisher.connect();
    await waitUntil(() => heard.messages.includes('sent-while-away'), 'the kept publish');
  });

  it('a Redis that hangs is taken for down, and the bus recovers when it answers again', async () => {
    const { bus: live, heard } = bus(redis.url);
    await live.subscribe('room-f');
    await waitUntil(() => live.state === 'up', 'the bus to be up');
    redis.pause();
    try {
      // Nothing closes: the unanswered heartbeat is what tells.
      await waitUntil(() => live.state === 'down', 'the bus to notice the hang', 15_000);
    } finally {
      redis.resume();
    }
    await waitUntil(() => live.state === 'up', 'the bus to come back', 15_000);
    expect(heard.states).toEqual(['up', 'down', 'up']);
    expect(await redis.numsub('bus-test:room-f')).toBe(1);
  });

  it('a channel left while the bus was down is not subscribed again', async () => {
    const { bus: live } = bus(redis.url);
    await live.subscribe('room-d');
    await live.subscribe('room-e');
    await waitUntil(() => live.state === 'up', 'the bus to be up');
    await redis.kill();
    await waitUntil(() => live.state === 'down', 'the bus to notice');
    await live.unsubscribe('room-d');
    await redis.start();
    await waitUntil(() => live.state === 'up', 'the bus to come back', 10_000);
    expect(await redis.numsub('bus-test:room-d')).toBe(0);
    expect(await redis.numsub('bus-test:room-e')).toBe(1);
  });
});
