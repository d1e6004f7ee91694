/**
 * The WebSocket edge against strangers: a bad first frame, too many sockets
 * from one address, too many feeds on one socket, oversized batches and
 * frames. Each is refused with a clear error, and the server goes on serving.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_BATCH_CALLS } from '@ticketrail/shared';
import type { WebSocketLimits } from '../server';
import { backend } from '../../../test/support/database';
import { busMaker, startInstance, waitUntil, type Instance } from '../../../test/support/live';
import { useTestDatabase } from '../../../test/support/setup';

const t = useTestDatabase();
let instance: Instance | null = null;
const sockets: WebSocket[] = [];
const logged: string[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await instance?.close();
  instance = null;
  logged.length = 0;
});

interface Received {
  id?: unknown;
  result?: { type: string };
  error?: { message: string; data: { code: string } };
}

async function serve(websocket: Partial<WebSocketLimits> = {}): Promise<Instance> {
  instance ??= await startInstance(t.db, busMaker('memory')(), {
    websocket,
    log: (line) => logged.push(line),
  });
  return instance;
}

/** A raw socket and what it received, parsed; `closed` resolves with the close code. */
async function open(query = '') {
  const server = await serve();
  const socket = new WebSocket(server.wsUrl + query);
  sockets.push(socket);
  const received: Received[] = [];
  socket.on('message', (data) => {
    const text = (data as Buffer).toString();
    if (text !== 'PONG') received.push(JSON.parse(text) as Received);
  });
  const closed = new Promise<number>((resolve) => socket.once('close', resolve));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { socket, received, closed, send: (text: string) => socket.send(text) };
}

/** The server still answers a query over a fresh socket. */
async function stillServing(): Promise<void> {
  const { received, send } = await open();
  send(JSON.stringify({ id: 1, method: 'query', params: { path: 'menu.locations' } }));
  await waitUntil(() => received.length === 1, 'an answer');
  expect(received[0]?.result?.type).toBe('data');
}

const subscribe = (id: number) =>
  JSON.stringify({
    id,
    method: 'subscription',
    params: { path: 'menu.live', input: { locationSlug: 'testa' } },
  });

describe(`the WebSocket edge (${backend})`, () => {
  // Each of these, as the first frame of a socket that promised connectionParams,
  // used to throw outside any handler and stop the process.
  it.each([
    ['{}', '{}'],
    ['null', 'null'],
    ['5', '5'],
    ['a token that is a number', '{"method":"connectionParams","data":{"token":1}}'],
    ['data that is a list', '{"method":"connectionParams","data":["x"]}'],
    ['a query', '{"id":1,"method":"query","params":{"path":"menu.locations"}}'],
    ['text that is not JSON', 'hello'],
  ])('a first frame of %s gets an error and a closed socket', async (_name, frame) => {
    const { received, closed, send } = await open('?connectionParams=1');
    send(frame);
    expect(await closed).toBe(1008);
    expect(received).toEqual([
      {
        id: null,
        error: expect.objectContaining({
          message: expect.stringContaining('connectionParams') as unknown,
          data: expect.objectContaining({ code: 'BAD_REQUEST' }) as unknown,
        }) as unknown,
      },
    ]);
    await stillServing();
  });

  it('a socket that never sends its connectionParams is closed', async () => {
    await serve({ connectionParamsMs: 50 });
    const { closed } = await open('?connectionParams=1');
    expect(await closed).toBe(1008);
  });

  it('well-formed connectionParams open the socket as before', async () => {
    const { received, send } = await open('?connectionParams=1');
    send(JSON.stringify({ method: 'connectionParams', data: { trackingToken: 'x' } }));
    send(JSON.stringify({ id: 2, method: 'query', params: { path: 'menu.locations' } }));
    await waitUntil(() => received.length === 1, 'an answer');
    expect(received[0]).toMatchObject({ id: 2, result: { type: 'data' } });
  });

  it('refuses sockets past the cap per address with 429, and takes them again once closed', async () => {
    await serve({ socketsPerAddress: 3 });
    const first = await Promise.all([open(), open(), open()]);
    const refusal = await new Promise<number>((resolve) => {
      const socket = new WebSocket(instance!.wsUrl);
      socket.on('error', () => {});
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('open', () => resolve(101));
    });
    expect(refusal).toBe(429);
    first[0]?.socket.close();
    await first[0]?.closed;
    await waitUntil(() => instance!.server.clients().size === 2, 'the closed socket to count off');
    await stillServing();
  });

  it('caps live feeds per socket with TOO_MANY_REQUESTS; stopping one makes room', async () => {
    await serve({ subscriptionsPerSocket: 2 });
    const { received, send } = await open();
    send(subscribe(1));
    send(subscribe(2));
    await waitUntil(() => received.length === 2, 'two feeds started');
    send(subscribe(3));
    await waitUntil(() => received.length === 3, 'the third refused');
    expect(received[2]).toMatchObject({
      id: 3,
      error: {
        message: 'One connection may hold at most 2 live feeds; stop one first.',
        data: { code: 'TOO_MANY_REQUESTS' },
      },
    });
    send(JSON.stringify({ id: 1, method: 'subscription.stop' }));
    send(subscribe(4));
    await waitUntil(() => received.some((message) => message.id === 4), 'the fourth');
    expect(received.find((message) => message.id === 4)).toEqual({
      id: 4,
      result: { type: 'started' },
    });
  });

  it(`refuses a batch of more than ${MAX_BATCH_CALLS} calls before running any`, async () => {
    const { received, send } = await open();
    const calls = Array.from({ length: 100 }, (_, index) => ({
      id: index + 1,
      method: 'mutation',
      params: { path: 'auth.login', input: { email: 'a@b.example', password: 'wrong-password' } },
    }));
    send(JSON.stringify(calls));
    await waitUntil(() => received.length === 1, 'the refusal');
    expect(received[0]).toMatchObject({
      id: null,
      error: {
        message: `A message may batch at most ${MAX_BATCH_CALLS} calls.`,
        data: { code: 'BAD_REQUEST' },
      },
    });
  });

  it('a frame over the size limit closes that socket, logged as one short line', async () => {
    await serve({ maxMessageBytes: 1024 });
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const { socket, closed } = await open();
      socket.send('x'.repeat(4096));
      expect(await closed).toBe(1009);
    }
    await stillServing();
    // A budget of lines, none of them a stack trace.
    expect(logged.length).toBeLessThanOrEqual(11);
    expect(logged.join('\n')).not.toMatch(/\n\s+at /);
  });
});
