/**
 * The practical limit to compare with: plain `ws` + `ioredis` fan-out with the
 * same rooms and the same Redis messages, and nothing else. One subscriber
 * connection, a channel per room subscribed on the first listener, each
 * message turned into a Buffer once and written to every socket of the room.
 * No authorisation, no resume, no log: what it drops stays dropped.
 */
import { Redis } from 'ioredis';
import { WebSocketServer, type WebSocket } from 'ws';
import { answerBench } from './ipc';

const { REDIS_URL, PORT, REDIS_PREFIX } = process.env;
if (!REDIS_URL || !PORT || !REDIS_PREFIX) throw new Error('bench instance env');
const prefix = REDIS_PREFIX;

const subscriber = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
subscriber.on('error', () => {});
let resyncs = 0;
let connectedBefore = false;
subscriber.on('ready', () => {
  if (connectedBefore) resyncs += 1;
  connectedBefore = true;
});
const rooms = new Map<string, Set<WebSocket>>();

subscriber.on('messageBuffer', (channel: Buffer, payload: Buffer) => {
  const sockets = rooms.get(channel.toString().slice(prefix.length));
  if (!sockets) return;
  for (const socket of sockets) socket.send(payload, { binary: false });
});

const wss = new WebSocketServer({ port: Number(PORT), host: '127.0.0.1' });
wss.on('connection', (socket) => {
  const joined: string[] = [];
  socket.on('message', (data) => {
    const { room } = JSON.parse((data as Buffer).toString()) as { room: string };
    let sockets = rooms.get(room);
    if (!sockets) {
      sockets = new Set();
      rooms.set(room, sockets);
      void subscriber.subscribe(prefix + room);
    }
    sockets.add(socket);
    joined.push(room);
    socket.send('{"joined":true}');
  });
  socket.on('close', () => {
    for (const room of joined) {
      const sockets = rooms.get(room);
      sockets?.delete(socket);
      if (sockets?.size === 0) {
        rooms.delete(room);
        void subscriber.unsubscribe(prefix + room);
      }
    }
  });
});
wss.on('listening', () => process.send?.({ type: 'ready', port: Number(PORT) }));
answerBench(
  async () => {
    for (const client of wss.clients) client.terminate();
    wss.close();
    subscriber.disconnect();
  },
  () => resyncs,
);
