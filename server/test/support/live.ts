/**
 * Real servers and real clients for the live-update suites: server instances
 * on port 0 with their own live layer, and tRPC clients over `ws`, as a
 * kitchen tablet or a guest's phone would connect.
 */
import { randomBytes } from 'node:crypto';
import { createTRPCClient, createWSClient, wsLink, type TRPCClient } from '@trpc/client';
import type { Kysely } from 'kysely';
import { WebSocket } from 'ws';
import type { Database } from '../../src/db/schema';
import { startServer, type RunningServer, type WebSocketLimits } from '../../src/http/server';
import type { Metrics } from '../../src/observability/metrics';
import { createRealtime, type Realtime } from '../../src/live';
import type { RoomBus } from '../../src/live/bus';
import { MemoryBroker, MemoryBus } from '../../src/live/memory-bus';
import { RedisBus } from '../../src/live/redis-bus';
import type { AppRouter } from '../../src/router';

export type BusKind = 'memory' | 'redis';

/** The buses to run a suite on: memory always, Redis when REDIS_URL is set. */
export const busKinds: BusKind[] = process.env.REDIS_URL ? ['memory', 'redis'] : ['memory'];

/** Makes buses that reach each other (one broker, or one Redis prefix per call). */
export function busMaker(kind: BusKind): () => RoomBus {
  if (kind === 'memory') {
    const broker = new MemoryBroker();
    return () => new MemoryBus(broker);
  }
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('Redis suites need REDIS_URL');
  const prefix = `ticketrail-test-${randomBytes(4).toString('hex')}:`;
  return () => new RedisBus(url, { prefix, log: () => {} });
}

export interface Instance {
  url: string;
  wsUrl: string;
  port: number;
  realtime: Realtime;
  server: RunningServer;
  close(): Promise<void>;
}

export async function startInstance(
  db: Kysely<Database>,
  bus: RoomBus,
  options: {
    port?: number;
    websocket?: Partial<WebSocketLimits>;
    sweepMs?: number;
    log?: (line: string) => void;
    /** The clock sessions expire by, for the server and its live layer. */
    now?: () => Date;
    /** Recorded by the live layer and the server, and served at /metrics. */
    metrics?: Metrics;
    metricsToken?: string;
  } = {},
): Promise<Instance> {
  const realtime = createRealtime(db, bus, {
    sweepMs: options.sweepMs ?? 0,
    log: () => {},
    ...(options.now ? { now: options.now } : {}),
    ...(options.metrics ? { stats: options.metrics.live } : {}),
  });
  const server = await startServer({
    deps: {
      db,
      realtime,
      ...(options.now ? { now: options.now } : {}),
      ...(options.metrics ? { metrics: options.metrics } : {}),
    },
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
    port: options.port ?? 0,
    clientDist: '/nonexistent',
    log: options.log ?? (() => {}),
    ...(options.websocket ? { websocket: options.websocket } : {}),
  });
  return {
    url: server.url,
    wsUrl: `${server.url.replace('http', 'ws')}/trpc`,
    port: server.port,
    realtime,
    server,
    close: async () => {
      await server.close();
      await realtime.close();
    },
  };
}

export interface LiveClient {
  trpc: TRPCClient<AppRouter>;
  close(): Promise<void>;
}

/** A client over WebSocket only, retrying quickly so reconnect tests stay short. */
export function liveClient(
  wsUrl: string,
  token: string | null = null,
  trackingToken: string | null = null,
): LiveClient {
  const ws = createWSClient({
    url: wsUrl,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: { ...(token ? { token } : {}), ...(trackingToken ? { trackingToken } : {}) },
    retryDelayMs: () => 50,
  });
  return {
    trpc: createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] }),
    close: () => ws.close(),
  };
}

/** What one subscription received. */
export class Recorder<T> {
  readonly data: { id: string; data: T }[] = [];
  readonly errors: { code: string | undefined; message: string }[] = [];
  started = false;

  readonly handlers = {
    onStarted: () => {
      this.started = true;
    },
    onData: (value: { id: string; data: T }) => {
      this.data.push(value);
    },
    onError: (error: { message: string; data?: { code?: string } | null }) => {
      this.errors.push({ code: error.data?.code, message: error.message });
    },
  };

  get ids(): number[] {
    return this.data.map((item) => Number(item.id));
  }
}

/** Polls until `check` passes or the time is up; then fails with `what`. */
export async function waitUntil(
  check: () => boolean,
  what: string,
  timeoutMs = 8000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
