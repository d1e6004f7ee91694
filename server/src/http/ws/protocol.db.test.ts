/**
 * The WebSocket handler at the wire: what tRPC's wsLink relies on, and what a
 * misbehaving client gets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { backend } from '../../../test/support/database';
import { busMaker, startInstance, waitUntil, type Instance } from '../../../test/support/live';
import { useTestDatabase } from '../../../test/support/setup';

const t = useTestDatabase();
let instance: Instance | null = null;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await instance?.close();
  instance = null;
});

async function open(options: { pingMs?: number; autoPong?: boolean } = {}) {
  instance ??= await startInstance(t.db, busMaker('memory')(), {
    websocket: options.pingMs ? { pingMs: options.pingMs } : {},
  });
  const socket = new WebSocket(instance.wsUrl, { autoPong: options.autoPong ?? true });
  sockets.push(socket);
  const received: unknown[] = [];
  socket.on('message', (data) => {
    const text = (data as Buffer).toString();
    received.push(text === 'PONG' ? text : JSON.parse(text));
  });
  await new Promise((resolve) => socket.once('open', resolve));
  return { socket, received, send: (value: unknown) => socket.send(JSON.stringify(value)) };
}

describe(`tRPC over WebSocket (${backend})`, () => {
  it('answers queries, batches and keep-alive text', async () => {
    const { socket, received, send } = await open();
    socket.send('PING');
    send([
      { id: 1, method: 'query', params: { path: 'menu.locations', input: undefined } },
      { id: 2, method: 'query', params: { path: 'menu.get', input: { locationSlug: 'nowhere' } } },
    ]);
    await waitUntil(() => received.length === 3, 'three answers');
    expect(received).toContain('PONG');
    const byId = (id: number) =>
      received.find(
        (message) => typeof message === 'object' && (message as { id: number }).id === id,
      );
    expect(byId(1)).toMatchObject({
      result: { type: 'data', data: [{ slug: 'testa' }, { slug: 'testb' }] },
    });
    expect(byId(2)).toMatchObject({
      error: {
        message: 'There is no restaurant at “nowhere”.',
        data: { code: 'NOT_FOUND', httpStatus: 404 },
      },
    });
  });

  it('refuses what is not a tRPC message, with a parse error', async () => {
    const { received, socket, send } = await open();
    socket.send('{not json');
    send({ id: 5, method: 'dance', params: {} });
    await waitUntil(() => received.length === 2, 'two refusals');
    const refusals = received as { id: unknown; error: { data: { code: string } } }[];
    expect(refusals.map((message) => [message.id, message.error.data.code])).toEqual([
      [null, 'PARSE_ERROR'],
      [null, 'PARSE_ERROR'],
    ]);
  });

  it('starts, refuses a duplicate id, and stops a subscription, leaving its room', async () => {
    const { received, send } = await open();
    const subscribe = {
      id: 7,
      method: 'subscription',
      params: { path: 'menu.live', input: { locationSlug: 'testa' } },
    };
    send(subscribe);
    await waitUntil(() => received.length === 1, 'started');
    expect(received[0]).toEqual({ id: 7, result: { type: 'started' } });
    expect(instance?.realtime.hub.roomCount).toBe(1);

    send(subscribe);
    await waitUntil(() => received.length === 2, 'the duplicate refused');
    expect(received[1]).toMatchObject({ id: 7, error: { message: 'Duplicate id 7' } });

    send({ id: 7, method: 'subscription.stop' });
    await waitUntil(() => received.length === 3, 'stopped');
    expect(received[2]).toEqual({ id: 7, result: { type: 'stopped' } });
    await waitUntil(() => instance?.realtime.hub.roomCount === 0, 'the room to be left');
  });

  it('leaves the room when the client goes away', async () => {
    const { socket, received, send } = await open();
    send({
      id: 1,
      method: 'subscription',
      params: { path: 'board.live', input: { locationSlug: 'testa' } },
    });
    await waitUntil(() => received.length === 1, 'started');
    socket.terminate();
    await waitUntil(() => instance?.realtime.hub.roomCount === 0, 'the room to be left');
  });

  it('drops a client that stops answering pings', async () => {
    const { socket } = await open({ pingMs: 100, autoPong: false });
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await closed;
    await waitUntil(() => instance?.server.clients().size === 0, 'the server to forget it');
  });
});
