/**
 * The real HTTP server on a real port: tRPC over HTTP, the health check and the
 * client's files, as a browser or a script would reach them.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server';
import { backend } from '../../test/support/database';
import { PASSWORD, pickupOrder, testDeps } from '../../test/support/fixture';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();
let server: RunningServer;
let clientDist: string;

beforeAll(async () => {
  clientDist = await mkdtemp(join(tmpdir(), 'ticketrail-dist-'));
  await mkdir(join(clientDist, 'assets'));
  await writeFile(join(clientDist, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(clientDist, 'assets', 'app-123.js'), 'console.log(1)');
  server = await startServer({ deps: testDeps(t.db), port: 0, clientDist, log: () => {} });
});

afterAll(async () => {
  await server?.close();
  await rm(clientDist, { recursive: true, force: true });
});

interface TrpcError {
  error: {
    message: string;
    code: number;
    data: { code: string; httpStatus: number; issues: unknown };
  };
}

const query = (path: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers,
  });

const mutate = (path: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });

describe(`HTTP server (${backend})`, () => {
  it('answers queries and mutations at /trpc', async () => {
    const menu = await query('menu.get', { locationSlug: t.fixture.main.slug });
    expect(menu.status).toBe(200);
    const body = (await menu.json()) as { result: { data: { location: { name: string } } } };
    expect(body.result.data.location.name).toBe('Test Kitchen A');

    const placed = await mutate('orders.place', pickupOrder(t.fixture));
    expect(placed.status).toBe(200);
  });

  it('bad input is a 400 that names the field, never a 500', async () => {
    const response = await mutate(
      'orders.place',
      pickupOrder(t.fixture, {
        items: [{ itemId: t.fixture.items.burger, quantity: -2, optionIds: [] }],
      }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as TrpcError;
    expect(body.error.message).toBe('items[0].quantity: A quantity is at least 1.');
    expect(body.error.data.issues).toEqual([
      { path: 'items[0].quantity', message: 'A quantity is at least 1.' },
    ]);
    expect(JSON.stringify(body)).not.toContain('stack');

    const garbage = await fetch(`${server.url}/trpc/orders.place`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(garbage.status).toBe(400);

    const huge = await mutate('orders.place', { padding: 'x'.repeat(300 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('staff sign in with a bearer token; without one a staff query is 401', async () => {
    const anonymous = await query('kitchen.board', { locationId: t.fixture.main.id });
    expect(anonymous.status).toBe(401);
    const login = await mutate('auth.login', {
      email: t.fixture.staff.kitchen,
      password: PASSWORD,
    });
    const { result } = (await login.json()) as { result: { data: { token: string } } };
    const board = await query(
      'kitchen.board',
      { locationId: t.fixture.main.id },
      { authorization: `Bearer ${result.data.token}` },
    );
    expect(board.status).toBe(200);
  });

  it('serves the client, its routes and its assets, and nothing outside it', async () => {
    const index = await fetch(`${server.url}/l/testa`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>app</title>');
    const asset = await fetch(`${server.url}/assets/app-123.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true, database: 'up', bus: 'up' });
  });
});
