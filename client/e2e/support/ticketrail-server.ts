/**
 * A real Ticketrail server for one test file: its own database (PGlite in
 * memory, or a fresh Postgres database), migrated and seeded with the demo
 * restaurant, an in-memory bus (or the test's own), and the HTTP/WebSocket
 * server serving the client that globalSetup built.
 *
 * It can be stopped and started again on the same port with the same data, as
 * a process restart or a deploy would, so tests can check that an open page
 * recovers, and can change data while it is down.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import {
  startServer,
  type RunningServer,
  type RoomBus,
  createRealtime,
  type Realtime,
  MemoryBus,
  seedDemo,
  openTestDatabase,
  readSettingsLocks,
  type TestDatabase,
} from '@ticketrail/server/testing';

export interface TicketrailServerOptions {
  /** The built client to serve; defaults to the one globalSetup built. */
  clientDist?: string;
  /** Seed the demo restaurant (Harbour Kitchen); true by default. */
  seed?: boolean;
  /** The live layer's bus, made anew at each start; an in-memory bus (always up) by default. */
  bus?: () => RoomBus;
  /**
   * Settings the operator locks, as the environment would give them
   * (e.g. `{ TICKETRAIL_LOCK_CURRENCY: 'EUR' }`), read by the server's own parser.
   */
  lockEnv?: Record<string, string>;
  /** The server's clock; the real one by default. A test fixes it to say what "now" and "tomorrow" are. */
  now?: () => Date;
}

export interface TicketrailServer {
  /** http://127.0.0.1:<port>; the same across stop/start and restart. */
  readonly url: string;
  readonly port: number;
  /** The server's database, for arranging and checking data directly. */
  readonly db: TestDatabase['db'];
  /** Whether the server is listening now. */
  readonly running: boolean;
  /** What the server logged (failed procedures, live-layer trouble). */
  readonly log: readonly string[];
  /** Closes the server and its live layer, as a stopping process would; the data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port, with a fresh live layer. */
  start(): Promise<void>;
  /** stop() then start(). */
  restart(): Promise<void>;
  /** Stops the server (if running) and discards the database. */
  close(): Promise<void>;
}

export async function startTicketrail(
  options: TicketrailServerOptions = {},
): Promise<TicketrailServer> {
  const clientDist = options.clientDist ?? inject('clientDist');
  const locked = readSettingsLocks(options.lockEnv ?? {});
  if (locked.problems.length > 0) throw new Error(`Bad locks:\n${locked.problems.join('\n')}`);
  const database: TestDatabase = await openTestDatabase();
  const log: string[] = [];
  const record = (message: string) => {
    log.push(message);
    console.error(`[ticketrail] ${message}`);
  };

  let running: { server: RunningServer; realtime: Realtime } | null = null;
  let port = 0;
  let closed = false;

  const start = async () => {
    if (running) throw new Error('The Ticketrail server is already running');
    if (closed) throw new Error('The Ticketrail server was closed');
    const bus = options.bus?.() ?? new MemoryBus();
    const realtime = createRealtime(database.db, bus, { log: record });
    try {
      const server = await startServer({
        deps: { db: database.db, realtime, settingsLocks: locked.locks, now: options.now },
        port,
        host: '127.0.0.1',
        clientDist,
        log: record,
      });
      port = server.port;
      running = { server, realtime };
    } catch (error) {
      await realtime.close();
      throw error;
    }
  };

  const stop = async () => {
    if (!running) return;
    const { server, realtime } = running;
    running = null;
    await server.close();
    await realtime.close();
    // Clients in this process (fetch's keep-alive pool) learn that their sockets
    // closed only when the event loop next polls; a server restarted before then
    // would see the first request go out on a dead socket and fail.
    await new Promise((resolve) => setTimeout(resolve, 50));
  };

  try {
    if (options.seed ?? true) await seedDemo(database.db);
    await start();
  } catch (error) {
    await database.destroy();
    throw error;
  }

  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    db: database.db,
    get running() {
      return running !== null;
    },
    log,
    stop,
    start,
    restart: async () => {
      await stop();
      await start();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await stop();
      await database.destroy();
    },
  };
}

/**
 * Starts a server before the file's tests and closes it after them. Read its
 * properties inside tests and hooks, not at the top of the file.
 */
export function useTicketrail(options: TicketrailServerOptions = {}): TicketrailServer {
  let server: TicketrailServer | null = null;
  const current = () => {
    if (!server) throw new Error('The Ticketrail server starts in beforeAll; use it inside tests');
    return server;
  };
  beforeAll(async () => {
    server = await startTicketrail(options);
  });
  afterAll(async () => {
    await server?.close();
    server = null;
  });
  return {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    get db() {
      return current().db;
    },
    get running() {
      return current().running;
    },
    get log() {
      return current().log;
    },
    stop: () => current().stop(),
    start: () => current().start(),
    restart: () => current().restart(),
    close: () => current().close(),
  };
}
