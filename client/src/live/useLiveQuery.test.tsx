// @vitest-environment jsdom
/**
 * The live hook against the real server, in process: the kitchen board's
 * snapshot and feed over real HTTP and a real WebSocket, a server restart in
 * the middle of service, and an order placed while the screen was away.
 *
 * The test imports server code to run the server; the app never does.
 */
import { QueryClientProvider, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createContext } from '../../../server/src/context';
import { openDatabase, type DatabaseHandle } from '../../../server/src/db/connect';
import { migrateToLatest } from '../../../server/src/db/migrate';
import { startServer, type RunningServer } from '../../../server/src/http/server';
import { createRealtime, type Realtime } from '../../../server/src/live';
import { MemoryBus } from '../../../server/src/live/memory-bus';
import { createCaller } from '../../../server/src/router';
import { seedDemo } from '../../../server/src/demo/seed';
import { createBackoff } from '../api/backoff';
import {
  createQueryClient,
  createTrpcClient,
  trpc,
  type ApiClient,
  type KeepAlive,
} from '../api/client';
import { ConnectionBadge } from '../components/ConnectionBadge';
import type { KitchenBoard as Board } from '../kitchen/kitchen-feed';
import { useLiveKitchenBoard } from '../kitchen/useLiveKitchenBoard';

const SLUG = 'harbour-kitchen';

/** One running server process, as `pnpm start` would have it. */
interface Instance {
  server: RunningServer;
  realtime: Realtime;
}

let database: DatabaseHandle;
let instance: Instance | null = null;
const apis: ApiClient[] = [];
let token = '';
let locationId = 0;
let itemId = 0;

async function startInstance(port: number, realtime?: Realtime): Promise<Instance> {
  const live =
    realtime ?? createRealtime(database.db, new MemoryBus(), { sweepMs: 0, log: () => {} });
  const server = await startServer({
    deps: { db: database.db, realtime: live },
    port,
    clientDist: '/nonexistent',
    log: () => {},
  });
  return { server, realtime: live };
}

async function stopInstance(stopping: Instance): Promise<void> {
  await stopping.server.close();
  await stopping.realtime.close();
}

/** A caller inside the server process: no HTTP, no socket, as the server itself would act. */
function inProcess(realtime: Realtime) {
  return createCaller(createContext({ db: database.db, realtime }));
}

const pickup = (name: string) => ({
  locationSlug: SLUG,
  idempotencyKey: randomUUID(),
  guest: { name },
  fulfilment: { type: 'pickup' as const },
  items: [{ itemId, quantity: 1, optionIds: [] }],
});

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(database.db);
  await seedDemo(database.db);
  instance = await startInstance(0);

  const guest = inProcess(instance.realtime);
  ({ token } = await guest.auth.login({
    email: 'kitchen@harbour.example',
    password: 'demo-kitchen',
  }));
  const menu = await guest.menu.get({ locationSlug: SLUG });
  locationId = menu.location.id;
  // Any item a guest can order without choosing options.
  const simple = menu.categories
    .flatMap((category) => [...category.items, ...category.children.flatMap((c) => c.items)])
    .find(
      (item) =>
        item.available && !item.soldOut && item.optionGroups.every((group) => !group.required),
    );
  if (!simple) throw new Error('The demo menu has no item without required options');
  itemId = simple.id;
});

afterAll(async () => {
  cleanup();
  for (const api of apis) await api.close();
  if (instance) await stopInstance(instance);
  await database?.close();
});

function KitchenTickets({ locationId }: { locationId: number }) {
  const { board, live } = useLiveKitchenBoard(locationId);
  return (
    <section>
      <ConnectionBadge connection={live} />
      <ul aria-label="tickets">
        {board.data?.tickets.map((ticket) => (
          <li key={ticket.id}>{ticket.guestName}</li>
        ))}
      </ul>
    </section>
  );
}

/** The kitchen list on a fresh client and cache, pointed at the server on `port`. */
function renderBoard(port: number, keepAlive?: KeepAlive) {
  const api = createTrpcClient({
    ...(keepAlive ? { keepAlive } : {}),
    getSessionToken: () => token,
    httpUrl: `http://127.0.0.1:${port}/trpc`,
    wsUrl: `ws://127.0.0.1:${port}/trpc`,
    // Node 20 has no WebSocket of its own; jsdom's is not the one under test.
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    // Short waits so the test stays short; the jitter still runs.
    retryDelayMs: createBackoff({ baseMs: 50, maxMs: 200, floorMs: 20 }),
  });
  apis.push(api);
  const queryClient = createQueryClient();
  render(
    <trpc.Provider client={api.trpc} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <KitchenTickets locationId={locationId} />
      </QueryClientProvider>
    </trpc.Provider>,
  );
  return { api, queryClient };
}

/** The board as the cache holds it, and its query key. */
function cachedBoard(queryClient: QueryClient): { key: QueryKey; board: Board } {
  const [entry] = queryClient.getQueriesData<Board>({
    predicate: (query) => query.state.data !== undefined,
  });
  if (!entry?.[1]) throw new Error('no board in the cache');
  return { key: entry[0], board: entry[1] };
}

const names = (board: Board) => board.tickets.map((ticket) => ticket.guestName);

const tickets = () =>
  within(screen.getByRole('list', { name: 'tickets' }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent);

const badge = () => screen.getByRole('status').textContent ?? '';

describe('useLiveQuery on the kitchen board, against a real server', () => {
  it('shows new tickets live, survives a server restart, and catches up without duplicates', async () => {
    const running = instance;
    if (!running) throw new Error('no server');
    const { port } = running.server;
    const { api, queryClient } = renderBoard(port);
    await waitFor(() => expect(badge()).toBe('Live'), { timeout: 10_000 });
    expect(tickets()).toEqual([]);

    // A guest orders over HTTP; the board shows it without a refetch.
    await api.trpc.orders.place.mutate(pickup('Aoife'));
    await waitFor(() => expect(tickets()).toEqual(['Aoife']), { timeout: 10_000 });
    expect(badge()).toBe('Live');

    // The server goes away (a deploy, a crash).
    await stopInstance(running);
    instance = null;
    await waitFor(() => expect(badge()).toMatch(/^(Reconnecting…|Offline since \d\d:\d\d)/), {
      timeout: 10_000,
    });
    expect(badge()).toMatch(/last synced \d\d:\d\d:\d\d$/);

    // Meanwhile an order arrives at the next process, which is not serving yet.
    const next = createRealtime(database.db, new MemoryBus(), { sweepMs: 0, log: () => {} });
    await inProcess(next).orders.place(pickup('Bríd'));
    // The screen still shows what it had.
    expect(tickets()).toEqual(['Aoife']);

    // The new process takes the same port; the client resumes after the last event it saw.
    instance = await startInstance(port, next);
    await waitFor(() => expect(tickets()).toEqual(['Aoife', 'Bríd']), { timeout: 15_000 });
    await waitFor(() => expect(badge()).toBe('Live'), { timeout: 10_000 });

    // And it is live again, not just caught up: one more order comes straight through.
    await api.trpc.orders.place.mutate(pickup('Cian'));
    await waitFor(() => expect(tickets()).toEqual(['Aoife', 'Bríd', 'Cian']), {
      timeout: 10_000,
    });
    // Each ticket once, and the cache agrees with a fresh snapshot from the server.
    const fresh = await api.trpc.kitchen.board.query({ locationId });
    expect(fresh.tickets.map((ticket) => ticket.guestName)).toEqual(tickets());
    expect(cachedBoard(queryClient).board.lastEventId).toBe(fresh.lastEventId);
  });

  it('replays what a late refetch wiped from the cache', async () => {
    cleanup();
    const running = instance;
    if (!running) throw new Error('no server');
    const { api, queryClient } = renderBoard(running.server.port);
    await waitFor(() => expect(badge()).toBe('Live'), { timeout: 10_000 });
    const first = cachedBoard(queryClient);

    await api.trpc.orders.place.mutate(pickup('Dara'));
    await waitFor(() => expect(tickets()).toContain('Dara'), { timeout: 10_000 });
    const second = cachedBoard(queryClient);

    // A refetch that read the database before Dara's order lands after it: the
    // cache goes back to the very snapshot the feed resumed from.
    act(() => void queryClient.setQueryData(first.key, first.board));
    expect(names(cachedBoard(queryClient).board)).not.toContain('Dara');
    await waitFor(
      () => expect(names(cachedBoard(queryClient).board)).toEqual(names(second.board)),
      {
        timeout: 10_000,
      },
    );

    // And once more from a snapshot between the two, which the feed did not start from.
    await api.trpc.orders.place.mutate(pickup('Eimear'));
    await waitFor(() => expect(tickets()).toContain('Eimear'), { timeout: 10_000 });
    const third = cachedBoard(queryClient);
    act(() => void queryClient.setQueryData(first.key, second.board));
    expect(names(cachedBoard(queryClient).board)).not.toContain('Eimear');
    await waitFor(() => expect(names(cachedBoard(queryClient).board)).toEqual(names(third.board)), {
      timeout: 10_000,
    });
    expect(tickets()).toEqual(names(third.board));
    expect(new Set(tickets()).size).toBe(tickets().length);
    await waitFor(() => expect(badge()).toBe('Live'), { timeout: 10_000 });
  });

  it('stays live on a quiet feed: the server answers the keep-alive pings', async () => {
    cleanup();
    const running = instance;
    if (!running) throw new Error('no server');
    // A ping every 50 ms, dropped after 100 ms without a pong: a server that did
    // not answer would see this socket closed and reopened many times over.
    renderBoard(running.server.port, { intervalMs: 50, pongTimeoutMs: 100 });
    await waitFor(() => expect(badge()).toBe('Live'), { timeout: 10_000 });
    const sockets = [...running.server.clients()];
    const seen = new Set<string>();
    for (let sample = 0; sample < 20; sample += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen.add(badge());
    }
    expect([...seen]).toEqual(['Live']);
    // Not one socket dropped and reopened meanwhile.
    expect([...running.server.clients()]).toEqual(sockets);
  });
});
