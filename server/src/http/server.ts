/**
 * One HTTP server on one port: tRPC at /trpc, a health check, and the client.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { sql } from 'kysely';
import { WebSocketServer, type WebSocket } from 'ws';
import { createContext, type AppDeps } from '../context';
import { appRouter } from '../router';
import { createStaticHandler } from './static-files';
import { serveTrpcOverWebSocket } from './trpc-websocket';

export interface ServerOptions {
  deps: AppDeps;
  port: number;
  host?: string;
  clientDist: string;
  log?: (message: string) => void;
  websocket?: Partial<WebSocketLimits>;
}

export interface WebSocketLimits {
  /** A client's messages are small subscribe/stop requests; anything bigger is refused. */
  maxMessageBytes: number;
  /**
   * Bytes a client may leave unread before it is dropped. tRPC's adapter never
   * checks, so a stalled tablet would grow the server's memory without limit;
   * dropped, it reconnects and resumes from the log.
   */
  maxBufferedBytes: number;
  /** A client that has not answered the previous ping by the next one is dropped. */
  pingMs: number;
}

const DEFAULT_LIMITS: WebSocketLimits = {
  maxMessageBytes: 64 * 1024,
  maxBufferedBytes: 4 * 1024 * 1024,
  pingMs: 30_000,
};

export interface RunningServer {
  server: Server;
  port: number;
  /** http://host:port, for tests and the start-up banner. */
  url: string;
  /** The open WebSocket connections. */
  clients(): ReadonlySet<WebSocket>;
  /** Tells WebSocket clients to reconnect (to another instance, or to this one restarted), then stops. */
  close(): Promise<void>;
}

/** A guest order is a few KB; this leaves room for a large catering cart and no more. */
const MAX_BODY_BYTES = 256 * 1024;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((message: string) => console.error(message));
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req, info }) => createContext(options.deps, { req, info }),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        log(
          `[trpc] ${path ?? '(no path)'} failed: ${error.cause?.stack ?? error.stack ?? error.message}`,
        );
      }
    },
  });
  const serveClient = createStaticHandler(options.clientDist);

  const limits = { ...DEFAULT_LIMITS, ...options.websocket };
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const websocket = serveTrpcOverWebSocket({
    wss,
    router: appRouter,
    createContext: ({ req, info }) => createContext(options.deps, { req, info }),
    pingMs: limits.pingMs,
    onError: (error, path) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        log(`[ws] ${path ?? '(no path)'} failed: ${error.cause?.stack ?? error.message}`);
      }
    },
  });
  const watchdog = setInterval(() => {
    for (const client of wss.clients) {
      if (client.bufferedAmount > limits.maxBufferedBytes) client.terminate();
    }
  }, 250);
  watchdog.unref();

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/trpc' || path.startsWith('/trpc/')) {
      trpc(req, res);
      return;
    }
    if (path === '/healthz') {
      sql`select 1`.execute(options.deps.db).then(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
        () => res.writeHead(503, { 'content-type': 'application/json' }).end('{"ok":false}'),
      );
      return;
    }
    serveClient(req, res).catch((error: unknown) => {
      log(`[http] ${path}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  let closing = false;
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '/').split('?')[0];
    // Told to reconnect, a client must reach another (or the restarted) process, not this one.
    if (closing || (path !== '/trpc' && path !== '/trpc/')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (client) => wss.emit('connection', client, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';
  return {
    server,
    port,
    url: `http://${host}:${port}`,
    clients: () => wss.clients,
    close: async () => {
      closing = true;
      clearInterval(watchdog);
      websocket.stop();
      websocket.broadcastReconnect();
      // A moment for the notices to leave before the sockets close.
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
