/**
 * What the API client puts on the wire, against a bare HTTP and WebSocket
 * server that only records: queries as POST with their input in the body (a
 * tracking token in a URL lands in access logs), batches no bigger than the
 * server takes, and a socket the server keeps closing as soon as it
 * subscribes retried ever more slowly but never given up. (A socket closed
 * before it subscribed fails the subscription instead: `useLiveQuery` retries
 * that, with its own backoff.)
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BATCH_CALLS } from '@ticketrail/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createBackoff } from './backoff';
import { createTrpcClient, type ApiClient } from './client';

interface Recorded {
  method: string;
  url: string;
  body: string;
}

let server: Server;
let sockets: WebSocketServer;
let port = 0;
const requests: Recorded[] = [];
/** When each socket connected, in ms since the test began. */
const connections: number[] = [];
const apis: ApiClient[] = [];

const readBody = async (request: IncomingMessage) => {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
};

beforeAll(async () => {
  server = createServer((request, response) => {
    void readBody(request).then((body) => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', body });
      // One empty answer per call in the batch: `/trpc/a,b,c?batch=1`.
      const paths = new URL(request.url ?? '/', 'http://x').pathname.split('/').pop() ?? '';
      const answers = paths.split(',').map(() => ({ result: { data: [] } }));
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(answers));
    });
  });
  // Too many subscriptions: a socket is closed as soon as it asks for one.
  sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket) => {
    connections.push(performance.now());
    socket.on('message', (message) => {
      const text = new TextDecoder().decode(
        Array.isArray(message) ? Buffer.concat(message) : message,
      );
      if (text.includes('"subscription"')) socket.close(1013, 'TOO_MANY_REQUESTS');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  requests.length = 0;
  connections.length = 0;
  for (const api of apis.splice(0)) await api.close();
});

afterAll(async () => {
  sockets.close();
  await new Promise((resolve) => server.close(resolve));
});

function client(retryDelayMs = createBackoff()) {
  const api = createTrpcClient({
    httpUrl: `http://127.0.0.1:${port}/trpc`,
    wsUrl: `ws://127.0.0.1:${port}/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    retryDelayMs,
  });
  apis.push(api);
  return api;
}

describe('the API client on the wire', () => {
  it('sends queries as POST, with the input in the body and not the URL', async () => {
    const token = 'tok_secret_tracking_token_123';
    await client()
      .trpc.orders.track.query({ orderId: '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f', token })
      .catch(() => null); // the recorder's empty answer is no order
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.url).not.toContain(token);
    expect(requests[0]!.body).toContain(token);
  });

  it(`batches at most ${MAX_BATCH_CALLS} calls in one request`, async () => {
    const api = client();
    await Promise.all(
      Array.from({ length: MAX_BATCH_CALLS + 4 }, () => api.trpc.menu.locations.query()),
    );
    const sizes = requests.map((request) => new URL(request.url, 'http://x').pathname.split(','));
    expect(sizes.map((calls) => calls.length).sort((a, b) => b - a)).toEqual([MAX_BATCH_CALLS, 4]);
  });

  it('keeps reconnecting a socket the server closes on subscribing, waiting longer each time', async () => {
    // Waits of 50 ms · 2ⁿ, no jitter: 100, 200, 400, 800 ms once every socket is counted.
    const api = client(createBackoff({ baseMs: 50, maxMs: 5_000, floorMs: 0, random: () => 1 }));
    const errors: unknown[] = [];
    const feed = api.trpc.orders.live.subscribe(
      { orderId: '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f', lastEventId: '0' },
      { onError: (error) => errors.push(error) },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    feed.unsubscribe();
    // At the first wait each time (tRPC's own count starts over) it would be about 20.
    expect(connections.length).toBeGreaterThanOrEqual(3);
    expect(connections.length).toBeLessThanOrEqual(6);
    const gaps = connections.slice(1).map((at, index) => at - connections[index]!);
    expect(gaps.every((gap, index) => index === 0 || gap > gaps[index - 1]!)).toBe(true);
    // Not a refusal of the feed: nothing for the screen to give up on.
    expect(errors).toEqual([]);
  });
});
