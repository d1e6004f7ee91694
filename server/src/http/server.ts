/**
 * One HTTP server on one port: tRPC at /trpc, a health check, metrics for
 * this machine's scraper, and the client.
 * It faces strangers (guests' phones reach it from the internet), so every
 * way in is bounded: body and batch sizes, sockets per address, feeds per
 * socket, slow requests; and every response carries the security headers.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TRPCError } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { sql } from 'kysely';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_BATCH_CALLS, PHOTO_MAX_BYTES } from '@ticketrail/shared';
import { createContext, type AppDeps } from '../context';
import { DomainError } from '../errors';
import { PHOTO_TOO_LARGE } from '../menu/admin/photo-input';
import { isPhotoPath, servePhoto } from '../menu/admin/photo-route';
import { getMenu } from '../menu/public-menu';
import { healthCheck, serveHealth } from '../observability/health';
import { serveMetrics } from '../observability/metrics-endpoint';
import { appRouter } from '../router';
import { createThrottles } from '../throttle';
import { retryAfterSeconds } from '../trpc';
import { addressKey, clientAddress } from './client-address';
import { logBudget } from './log-budget';
import { COMMON_HEADERS } from './security-headers';
import { createFirstPageHandler } from './first-page';
import { gateTrpc } from './trpc-gate';
import { serveTrpcOverWebSocket } from './ws/trpc-websocket';
import { socketsPerAddress } from './ws/caps';

export interface ServerOptions {
  deps: AppDeps;
  port: number;
  host?: string;
  clientDist: string;
  log?: (message: string) => void;
  websocket?: Partial<WebSocketLimits>;
  /** Reverse proxies in front whose X-Forwarded-For is believed (config TRUST_PROXY). */
  trustProxy?: number;
  /** Bearer token for /metrics (config METRICS_TOKEN); without one only loopback is answered. */
  metricsToken?: string | null;
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
  /**
   * Open sockets per address (0: no cap). A venue's Wi-Fi puts dozens of
   * phones behind one address, each with one socket; a script opening
   * thousands is refused with 429 at the upgrade.
   */
  socketsPerAddress: number;
  /** Live feeds one socket may hold (a screen needs a few). */
  subscriptionsPerSocket: number;
  /** How long a socket that promised connectionParams may take to send them. */
  connectionParamsMs: number;
}

const DEFAULT_LIMITS: WebSocketLimits = {
  maxMessageBytes: 64 * 1024,
  maxBufferedBytes: 4 * 1024 * 1024,
  pingMs: 30_000,
  socketsPerAddress: 200,
  subscriptionsPerSocket: 32,
  connectionParamsMs: 10_000,
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

/**
 * The one procedure that takes a file: a dish photo (at most PHOTO_MAX_BYTES,
 * which the procedure checks) plus the form's boundaries and fields. Only
 * this exact path gets the larger cap: a batch, or any other procedure,
 * keeps the small one.
 */
const PHOTO_UPLOAD_PATH = '/trpc/menuAdmin.uploadPhoto';
const MAX_UPLOAD_BODY_BYTES = PHOTO_MAX_BYTES + 64 * 1024;

/** A slow client may not hold a connection open by trickling its request. */
const HEADERS_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** How long running requests may take to finish when the server stops. */
const DRAIN_MS = 5_000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = logBudget(options.log ?? ((message: string) => console.error(message)));
  const trustProxy = options.trustProxy ?? 0;
  let warnedProxy = false;
  const addressOf = (req: IncomingMessage) => {
    if (trustProxy === 0 && req.headers['x-forwarded-for'] && !warnedProxy) {
      warnedProxy = true;
      log(
        'proxy',
        '[http] Requests carry X-Forwarded-For but TRUST_PROXY is 0: if a reverse proxy stands ' +
          'in front, every guest behind it shares its address for the throttles. Set TRUST_PROXY=1.',
      );
    }
    return clientAddress(req, trustProxy);
  };
  // A server is never unthrottled by accident: without the installation's
  // (Redis-backed) throttles it counts in memory.
  const deps: AppDeps = { ...options.deps, throttles: options.deps.throttles ?? createThrottles() };
  const ownThrottles = options.deps.throttles ? null : deps.throttles;
  const logInternal = (where: string, path: string | undefined, error: TRPCError) => {
    if (error.code !== 'INTERNAL_SERVER_ERROR') return;
    const detail = error.cause?.stack ?? error.stack ?? error.message;
    log(`internal:${where}`, `[${where}] ${path ?? '(no path)'} failed: ${detail}`);
  };
  const trpcHandler = (maxBodySize: number) =>
    createHTTPHandler({
      router: appRouter,
      basePath: '/trpc/',
      maxBodySize,
      maxBatchSize: MAX_BATCH_CALLS,
      // The client sends queries as POST, so no secret (a tracking token) rides in a URL.
      allowMethodOverride: true,
      createContext: ({ req, info }) =>
        createContext(deps, { req, info, clientAddress: addressOf(req) }),
      responseMeta: ({ errors }) => {
        const waits = errors.map(retryAfterSeconds).filter((wait) => wait !== null);
        const headers: Record<string, string> = { ...COMMON_HEADERS };
        if (waits.length > 0) headers['retry-after'] = String(Math.max(...waits));
        return { headers };
      },
      onError: ({ error, path }) => logInternal('trpc', path, error),
    });
  const gate = gateTrpc(trpcHandler(MAX_BODY_BYTES));
  const uploadGate = gateTrpc(trpcHandler(MAX_UPLOAD_BODY_BYTES), {
    bytes: MAX_UPLOAD_BODY_BYTES,
    message: PHOTO_TOO_LARGE,
  });
  // The client's files; a guest's menu page comes with its menu (first-page.ts).
  const serveClient = createFirstPageHandler({
    root: options.clientDist,
    menu: (slug) =>
      getMenu(deps.db, slug, deps.settingsLocks ?? {}).catch((error: unknown) => {
        if (error instanceof DomainError && error.kind === 'not_found') return null;
        throw error;
      }),
    log: (message) => log('first-page', message),
  });

  const limits = { ...DEFAULT_LIMITS, ...options.websocket };
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const websocket = serveTrpcOverWebSocket({
    wss,
    router: appRouter,
    createContext: ({ req, info }) =>
      createContext(deps, { req, info, clientAddress: addressOf(req) }),
    pingMs: limits.pingMs,
    caps: {
      maxSubscriptions: limits.subscriptionsPerSocket,
      maxInFlight: 64,
      maxBatch: MAX_BATCH_CALLS,
      connectionParamsMs: limits.connectionParamsMs,
    },
    onError: (error, path) => logInternal('ws', path, error),
    onClientFault: (what) => log('ws-client', `[ws] a client's frame was refused: ${what}`),
  });
  const sockets = socketsPerAddress(limits.socketsPerAddress);
  const unwatch = deps.metrics?.watch({
    sockets: () => wss.clients.size,
    subscriptions: () => websocket.subscriptionCount(),
    rooms: () => deps.realtime.hub.roomCount,
    bus: () => deps.realtime.hub.busState,
  });
  const health = healthCheck({
    ping: () => sql`select 1`.execute(deps.db),
    bus: () => deps.realtime.hub.busState,
  });
  const metricsToken = options.metricsToken ?? null;
  const watchdog = setInterval(() => {
    for (const client of wss.clients) {
      if (client.bufferedAmount > limits.maxBufferedBytes) client.terminate();
    }
  }, 250);
  watchdog.unref();

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === PHOTO_UPLOAD_PATH) {
      uploadGate(req, res, path);
      return;
    }
    if (path === '/trpc' || path.startsWith('/trpc/')) {
      gate(req, res, path);
      return;
    }
    const served = isPhotoPath(path)
      ? servePhoto(deps.db, req, res, path)
      : path === '/healthz'
        ? serveHealth(res, health)
        : path === '/metrics'
          ? serveMetrics(req, res, deps.metrics?.registry ?? null, metricsToken)
          : serveClient(req, res);
    served.catch((error: unknown) => {
      log('http', `[http] ${path}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500, COMMON_HEADERS).end();
    });
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;

  let closing = false;
  server.on('upgrade', (req, socket, head) => {
    // Node hands the raw socket over without its error listener: a client that
    // resets mid-refusal would otherwise be an uncaught 'error' event.
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '/').split('?')[0];
    // Told to reconnect, a client must reach another (or the restarted) process, not this one.
    if (closing || (path !== '/trpc' && path !== '/trpc/')) {
      socket.destroy();
      return;
    }
    const key = addressKey(addressOf(req));
    if (!sockets.open(key)) {
      // Plain HTTP on the raw socket: the WebSocket handshake has not happened.
      socket.end(
        'HTTP/1.1 429 Too Many Requests\r\nretry-after: 10\r\nconnection: close\r\n' +
          'content-type: text/plain\r\n\r\nToo many live connections from this address.\n',
      );
      return;
    }
    socket.once('close', () => sockets.close(key));
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
      unwatch?.();
      websocket.stop();
      websocket.broadcastReconnect();
      // A moment for the notices to leave before the sockets close.
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const client of wss.clients) client.terminate();
      wss.close();
      // Requests already running finish (an order being placed is answered);
      // idle keep-alive connections close now; stragglers are cut after a while.
      await new Promise<void>((resolve, reject) => {
        const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
        server.close((error) => {
          clearTimeout(force);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      });
      await ownThrottles?.close();
    },
  };
}
