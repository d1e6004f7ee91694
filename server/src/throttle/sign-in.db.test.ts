/**
 * Throttles at the public edge, over real HTTP: password guessing is slowed
 * per account and address, per address, and per account (but never at an
 * address where the account signed in before); guests' quotes and orders
 * have a generous budget per address; the counts are shared through Redis.
 * Addresses come from X-Forwarded-For behind one trusted proxy, as in production.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../http/server';
import { createThrottles, DEFAULT_THROTTLE_LIMITS, type ThrottleLimits } from '.';
import { memoryThrottleStore, redisThrottleStore, type ThrottleStore } from './store';
import { backend } from '../../test/support/database';
import { PASSWORD, pickupOrder, testDeps } from '../../test/support/fixture';
import { liveClient } from '../../test/support/live';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();
const servers: RunningServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(
  limits: Partial<ThrottleLimits>,
  store: ThrottleStore = memoryThrottleStore(),
): Promise<RunningServer> {
  const throttles = createThrottles(store, { ...DEFAULT_THROTTLE_LIMITS, ...limits });
  const server = await startServer({
    deps: { ...testDeps(t.db), throttles },
    port: 0,
    clientDist: '/nonexistent',
    trustProxy: 1,
    log: () => {},
  });
  servers.push({ ...server, close: () => server.close().then(() => throttles.close()) });
  return server;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  code: string | undefined;
  message: string | undefined;
  retryAfterSeconds: number | null | undefined;
}

async function call(server: RunningServer, path: string, input: unknown, from: string) {
  const response = await fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as {
    error?: { message: string; data: { code: string; retryAfterSeconds: number | null } };
  };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    code: body.error?.data.code,
    message: body.error?.message,
    retryAfterSeconds: body.error?.data.retryAfterSeconds,
  } satisfies Answer;
}

const signIn = (server: RunningServer, email: string, password: string, from: string) =>
  call(server, 'auth.login', { email, password }, from);

describe(`sign-in throttling (${backend})`, () => {
  it('pauses one account at one address after a few wrong passwords, checking none', async () => {
    const server = await serve({
      signIn: { perAccountAndAddress: 5, perAddressPerHour: 0, perAccountPerHour: 0 },
    });
    const email = t.fixture.staff.kitchen;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signIn(server, email, 'wrong', '198.51.100.1')).code).toBe('UNAUTHORIZED');
    }
    // Refused before the password is checked: even the right one waits.
    const refused = await signIn(server, email, PASSWORD, '198.51.100.1');
    expect(refused).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(refused.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(refused.retryAfter).toBe(String(refused.retryAfterSeconds));
    // The same person on another device is not held up by the guesser.
    expect((await signIn(server, email, PASSWORD, '198.51.100.2')).status).toBe(200);
  });

  it('a success wipes the slate: only consecutive failures count', async () => {
    const server = await serve({
      signIn: { perAccountAndAddress: 3, perAddressPerHour: 0, perAccountPerHour: 0 },
    });
    const email = t.fixture.staff.kitchen;
    for (let round = 0; round < 3; round += 1) {
      await signIn(server, email, 'wrong', '198.51.100.3');
      await signIn(server, email, 'wrong', '198.51.100.3');
      expect((await signIn(server, email, PASSWORD, '198.51.100.3')).status).toBe(200);
    }
  });

  it('pauses an address that tries many accounts', async () => {
    const server = await serve({
      signIn: { perAccountAndAddress: 100, perAddressPerHour: 4, perAccountPerHour: 0 },
    });
    const accounts = Object.values(t.fixture.staff);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const email = accounts[attempt % accounts.length] ?? '';
      expect((await signIn(server, email, 'wrong', '203.0.113.9')).status).toBe(401);
    }
    const refused = await signIn(server, t.fixture.staff.manager, PASSWORD, '203.0.113.9');
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.retryAfterSeconds).toBeGreaterThan(60);
    expect((await signIn(server, t.fixture.staff.manager, PASSWORD, '203.0.113.10')).status).toBe(
      200,
    );
  });

  it('counts IPv6 callers by their /64, so one phone cannot rotate addresses', async () => {
    const server = await serve({
      signIn: { perAccountAndAddress: 2, perAddressPerHour: 0, perAccountPerHour: 0 },
    });
    const email = t.fixture.staff.kitchen;
    await signIn(server, email, 'wrong', '2001:db8:1:2::1');
    await signIn(server, email, 'wrong', '2001:db8:1:2::2');
    expect((await signIn(server, email, 'wrong', '2001:db8:1:2:ffff::3')).code).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect((await signIn(server, email, 'wrong', '2001:db8:1:3::1')).code).toBe('UNAUTHORIZED');
  });

  it('a guesser spread over many addresses cannot lock the kitchen’s own tablet out', async () => {
    const server = await serve({
      signIn: { perAccountAndAddress: 100, perAddressPerHour: 0, perAccountPerHour: 3 },
    });
    const email = t.fixture.staff.kitchen;
    // The tablet signed in here before the attack.
    expect((await signIn(server, email, PASSWORD, '192.0.2.50')).status).toBe(200);
    for (let host = 1; host <= 3; host += 1) {
      expect((await signIn(server, email, 'wrong', `203.0.113.${host}`)).status).toBe(401);
    }
    const stranger = await signIn(server, email, 'wrong', '203.0.113.200');
    expect(stranger.code).toBe('TOO_MANY_REQUESTS');
    expect(stranger.retryAfterSeconds).toBeLessThanOrEqual(5 * 60);
    // A new address waits too, but the tablet's own address signs in at once.
    expect((await signIn(server, email, PASSWORD, '192.0.2.50')).status).toBe(200);
  });
});

describe(`per-address budgets for guests (${backend})`, () => {
  it('refuses orders past the budget with a wait, and other addresses order on', async () => {
    const server = await serve({ perAddress: { place: 3, quote: 0 } });
    for (let order = 0; order < 3; order += 1) {
      expect(
        (await call(server, 'orders.place', pickupOrder(t.fixture), '198.51.100.7')).status,
      ).toBe(200);
    }
    const refused = await call(server, 'orders.place', pickupOrder(t.fixture), '198.51.100.7');
    expect(refused).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(refused.message).toMatch(
      /^Too many orders from this network just now\. Please try again in \d+ seconds\.$/,
    );
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(
      (await call(server, 'orders.place', pickupOrder(t.fixture), '198.51.100.8')).status,
    ).toBe(200);
    const orders = await t.db.selectFrom('orders').select('id').execute();
    expect(orders).toHaveLength(4);
  });

  it('counts calls over the WebSocket by the socket’s address too', async () => {
    const server = await serve({ perAddress: { place: 2, quote: 0 } });
    const phone = liveClient(`${server.url.replace('http', 'ws')}/trpc`);
    try {
      await phone.trpc.orders.place.mutate(pickupOrder(t.fixture));
      await phone.trpc.orders.place.mutate(pickupOrder(t.fixture));
      await expect(phone.trpc.orders.place.mutate(pickupOrder(t.fixture))).rejects.toMatchObject({
        data: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) as unknown },
      });
    } finally {
      await phone.close();
    }
  });

  it('the defaults let a full dining room on one Wi-Fi order at once', async () => {
    const server = await serve({});
    const guests = 60;
    const answers = await Promise.all(
      Array.from({ length: guests }, async () => {
        const quote = await call(server, 'orders.quote', quoteOf(), '192.0.2.80');
        const place = await call(server, 'orders.place', pickupOrder(t.fixture), '192.0.2.80');
        return [quote.status, place.status];
      }),
    );
    expect(answers.flat().every((status) => status === 200)).toBe(true);
  });
});

const redisUrl = process.env.REDIS_URL;

describe.runIf(redisUrl)(`throttle counts in Redis (${backend})`, () => {
  it('two instances share one count', async () => {
    const prefix = `ticketrail-test-${randomBytes(4).toString('hex')}:`;
    const limits = {
      signIn: { perAccountAndAddress: 4, perAddressPerHour: 0, perAccountPerHour: 0 },
    };
    const stores = [1, 2].map(() => redisThrottleStore(redisUrl ?? '', prefix, () => {}));
    // Until Redis answers, each instance counts in memory (the insurance).
    await Promise.all(stores.map((store) => store.whenShared()));
    const [one, two] = await Promise.all(stores.map((store) => serve(limits, store)));
    if (!one || !two) throw new Error('two servers');
    const email = t.fixture.staff.manager;
    await signIn(one, email, 'wrong', '198.51.100.20');
    await signIn(two, email, 'wrong', '198.51.100.20');
    await signIn(one, email, 'wrong', '198.51.100.20');
    await signIn(two, email, 'wrong', '198.51.100.20');
    expect((await signIn(one, email, 'wrong', '198.51.100.20')).code).toBe('TOO_MANY_REQUESTS');
    expect((await signIn(two, email, 'wrong', '198.51.100.20')).code).toBe('TOO_MANY_REQUESTS');
  });
});

describe(`throttles without their Redis (${backend})`, () => {
  it('still count, in memory, and still let the right password in', async () => {
    // Nothing listens on port 1: every Redis command fails at once.
    const store = redisThrottleStore('redis://127.0.0.1:1', 'nowhere:', () => {});
    const server = await serve(
      { signIn: { perAccountAndAddress: 2, perAddressPerHour: 0, perAccountPerHour: 0 } },
      store,
    );
    const email = t.fixture.staff.kitchen;
    expect((await signIn(server, email, PASSWORD, '198.51.100.30')).status).toBe(200);
    await signIn(server, email, 'wrong', '198.51.100.31');
    await signIn(server, email, 'wrong', '198.51.100.31');
    expect((await signIn(server, email, 'wrong', '198.51.100.31')).code).toBe('TOO_MANY_REQUESTS');
  });
});

function quoteOf() {
  const order = pickupOrder(t.fixture);
  return { locationSlug: order.locationSlug, items: order.items };
}
