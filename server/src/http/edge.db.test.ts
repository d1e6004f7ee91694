/**
 * The HTTP edge against strangers: broken paths, oversized batches, live
 * feeds over HTTP, and the headers every page and answer carries.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_CALLS } from '@ticketrail/shared';
import { startServer, type RunningServer } from './server';
import { backend } from '../../test/support/database';
import { testDeps } from '../../test/support/fixture';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();
let server: RunningServer;
let clientDist: string;

beforeAll(async () => {
  clientDist = await mkdtemp(join(tmpdir(), 'ticketrail-dist-'));
  await writeFile(join(clientDist, 'index.html'), '<!doctype html><title>app</title>');
  server = await startServer({ deps: testDeps(t.db), port: 0, clientDist, log: () => {} });
});

afterAll(async () => {
  await server?.close();
  await rm(clientDist, { recursive: true, force: true });
});

interface TrpcError {
  error: { message: string; data: { code: string; httpStatus: number } };
}

const get = (path: string) => fetch(`${server.url}${path}`);

/**
 * A request exactly as written (fetch would tidy the path or refuse the
 * method), and every byte the server sent back on that connection.
 */
function raw(method: string, path: string, body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => {
      socket.write(
        `${method} ${path} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n` +
          (body ? `content-type: application/json\r\ncontent-length: ${body.length}\r\n` : '') +
          `\r\n${body}`,
      );
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString()));
    socket.on('error', reject);
    socket.setTimeout(5_000, () => reject(new Error(`no end to ${method} ${path}`)));
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1]);

describe(`the HTTP edge (${backend})`, () => {
  it.each(['/trpc/%ff', '/trpc/a%', '/trpc/menu.get%E0%A4%A'])(
    '%s names no procedure: 404 in tRPC’s shape, not 500',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(404);
      const body = (await response.json()) as TrpcError;
      expect(body.error.data).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
    },
  );

  it.each(['TRACE', 'PUT', 'DELETE', 'PROPFIND'])(
    '%s to a procedure is 405 with the methods that are served',
    async (method) => {
      const answer = await raw(method, '/trpc/menu.locations');
      expect(statusOf(answer)).toBe(405);
      expect(answer.toLowerCase()).toContain('allow: get, post, head, options');
      expect(answer).toContain('METHOD_NOT_SUPPORTED');
    },
  );

  it('a path that is no path at all ("//") is a 400, not a 500', async () => {
    expect(statusOf(await raw('GET', '//'))).toBe(400);
  });

  it('a refusal is the only answer on its connection, even with a body after it', async () => {
    for (const [method, path] of [
      ['GET', '/trpc/%ff'],
      ['OPTIONS', '/'],
      ['TRACE', '/trpc/x'],
    ] as const) {
      const answer = await raw(method, path, '{"a":1}');
      expect(answer.match(/HTTP\/1\.1 \d+/g)).toHaveLength(1);
      expect(statusOf(answer)).toBeLessThan(500);
    }
  });

  it(`refuses a batch of more than ${MAX_BATCH_CALLS} calls without running one`, async () => {
    const count = 100;
    const paths = Array.from({ length: count }, () => 'auth.login').join(',');
    const input = Object.fromEntries(
      Array.from({ length: count }, (_, index) => [
        index,
        { email: t.fixture.staff.manager, password: 'not the password' },
      ]),
    );
    const started = await t.db
      .selectFrom('staff_sessions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await fetch(`${server.url}/trpc/${paths}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as TrpcError | TrpcError[];
    const first = Array.isArray(body) ? body[0] : body;
    expect(first?.error.data.code).toBe('BAD_REQUEST');
    expect(first?.error.message).toMatch(/batch/i);
    const after = await t.db
      .selectFrom('staff_sessions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(started.n);
  });

  it('answers a batch at the limit', async () => {
    const paths = Array.from({ length: MAX_BATCH_CALLS }, () => 'menu.locations').join(',');
    const response = await get(`/trpc/${paths}?batch=1&input={}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBe(MAX_BATCH_CALLS);
  });

  it('runs queries sent as POST, so no secret needs to ride in a URL', async () => {
    const response = await fetch(`${server.url}/trpc/orders.track`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId: crypto.randomUUID(), token: 'x'.repeat(43) }),
    });
    const body = (await response.json()) as TrpcError;
    expect([response.status, body.error.data.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('serves no live feed over HTTP: the subscription is refused before it runs', async () => {
    const input = encodeURIComponent(JSON.stringify({ locationSlug: t.fixture.main.slug }));
    const response = await fetch(`${server.url}/trpc/board.live?input=${input}`, {
      headers: { accept: 'text/event-stream' },
      signal: AbortSignal.timeout(5_000),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).toContain('METHOD_NOT_SUPPORTED');
  });

  it('sends a strict CSP, no referrer and no framing with the app’s pages', async () => {
    const response = await get('/track/some-order');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends no-referrer and nosniff with API answers and refusals', async () => {
    for (const path of ['/trpc/menu.locations', '/trpc/nothing.here', '/healthz']) {
      const response = await get(path);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
