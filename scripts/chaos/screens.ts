/**
 * The screens under test: kitchen boards, ready boards and guests' tracking
 * pages, each on its own WebSocket through the official `wsLink`, each
 * starting from a snapshot and subscribing after the snapshot's `lastEventId`,
 * as the real pages do. Every delivery is kept (id, payload, arrival time),
 * in arrival order, for the audit.
 *
 * wsLink itself reconnects and resumes after the last id it saw; a feed the
 * server ended with an error is subscribed again from the last id received,
 * as the client's live hook does.
 */
import { createTRPCClient, createWSClient, wsLink, type TRPCClient } from '@trpc/client';
import { rooms, type RoomName } from '@ticketrail/shared';
import type { AppRouter } from '@ticketrail/server';
import { WebSocket } from 'ws';
import { errorCode, untilAcknowledged, type Api } from './api';
import { sleep } from './wait';

export type ScreenKind = 'kitchen' | 'board' | 'guest';

export interface Received {
  id: number;
  /** Date.now() when it arrived. */
  at: number;
  data: unknown;
}

/** What a screen shows of one order: enough to compare with the database. */
export interface Shown {
  status: string;
  version: number;
}

interface Handlers {
  onStarted: () => void;
  onData: (value: { id: string; data: unknown }) => void;
  onError: (error: unknown) => void;
  onStopped: () => void;
}

type Subscribe = (
  trpc: TRPCClient<AppRouter>,
  lastEventId: string,
  handlers: Handlers,
) => { unsubscribe(): void };

export class Screen {
  readonly received: Received[] = [];
  readonly errors: string[] = [];
  /** What the screen shows, per order (kitchen, guest: order id; board: date/number). */
  readonly shown = new Map<string, Shown>();
  started = false;
  resubscribes = 0;
  readonly #arrival = new Map<number, number>();
  readonly #ws: ReturnType<typeof createWSClient>;
  readonly #trpc: TRPCClient<AppRouter>;
  #subscription: { unsubscribe(): void } | null = null;
  #generation = 0;
  #closed = false;

  constructor(
    readonly name: string,
    readonly kind: ScreenKind,
    readonly room: RoomName,
    /** Which instance it is connected to. */
    readonly instance: number,
    /** The snapshot's lastEventId: the feed starts after it. */
    readonly startId: number,
    wsUrl: string,
    connectionParams: Record<string, string>,
    private readonly subscribeFn: Subscribe,
    private readonly apply: (screen: Screen, data: unknown) => void,
  ) {
    this.#ws = createWSClient({
      url: wsUrl,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      connectionParams,
      retryDelayMs: () => 200,
    });
    this.#trpc = createTRPCClient<AppRouter>({ links: [wsLink({ client: this.#ws })] });
  }

  get lastId(): number {
    return this.received.at(-1)?.id ?? this.startId;
  }

  /** When the event arrived here (Date.now()), or undefined if it has not. */
  arrivalOf(id: number): number | undefined {
    return this.#arrival.get(id);
  }

  has(id: number): boolean {
    return this.#arrival.has(id);
  }

  subscribe(): void {
    const generation = (this.#generation += 1);
    const again = () => {
      if (this.#closed || generation !== this.#generation) return;
      this.#generation += 1;
      this.#subscription?.unsubscribe();
      this.resubscribes += 1;
      setTimeout(() => {
        if (!this.#closed) this.subscribe();
      }, 250);
    };
    this.#subscription = this.subscribeFn(this.#trpc, String(this.lastId), {
      onStarted: () => {
        this.started = true;
      },
      onData: ({ id, data }) => {
        const at = Date.now();
        this.received.push({ id: Number(id), at, data });
        if (!this.#arrival.has(Number(id))) this.#arrival.set(Number(id), at);
        this.apply(this, data);
      },
      onError: (error) => {
        this.errors.push(`${errorCode(error) ?? 'no code'}: ${String(error)}`);
        again();
      },
      onStopped: again,
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#subscription?.unsubscribe();
    // A socket stuck reconnecting to a server that is gone must not hold up the teardown.
    await Promise.race([this.#ws.close(), sleep(2_000)]);
  }
}

type KitchenTicket = { id: string; status: string; version: number };

/** A kitchen board: staff sign-in, the board snapshot, then every change at the location. */
export async function kitchenScreen(options: {
  name: string;
  instance: number;
  api: Api;
  wsUrl: string;
  token: string;
  locationId: number;
}): Promise<Screen> {
  const board = await untilAcknowledged(`${options.name}: kitchen.board`, () =>
    options.api.kitchen.board.query({ locationId: options.locationId }),
  );
  const screen = new Screen(
    options.name,
    'kitchen',
    rooms.kitchen(options.locationId),
    options.instance,
    board.lastEventId,
    options.wsUrl,
    { token: options.token },
    (trpc, lastEventId, handlers) =>
      trpc.kitchen.live.subscribe({ locationId: options.locationId, lastEventId }, handlers),
    (target, data) => {
      const event = data as { type: string; ticket?: KitchenTicket };
      if (event.type === 'order.changed' && event.ticket) {
        target.shown.set(event.ticket.id, show(event.ticket));
      }
    },
  );
  for (const ticket of board.tickets) screen.shown.set(ticket.id, show(ticket));
  return screen;
}

type BoardEntry = { businessDate: string; number: number; status: string; version: number };
const boardKey = (entry: BoardEntry) => `${entry.businessDate}/${entry.number}`;

/** The dining room's ready board: no sign-in, numbers and stages only. */
export async function readyBoardScreen(options: {
  name: string;
  instance: number;
  api: Api;
  wsUrl: string;
  locationId: number;
  locationSlug: string;
}): Promise<Screen> {
  const snapshot = await untilAcknowledged(`${options.name}: board.get`, () =>
    options.api.board.get.query({ locationSlug: options.locationSlug }),
  );
  const screen = new Screen(
    options.name,
    'board',
    rooms.board(options.locationId),
    options.instance,
    snapshot.lastEventId,
    options.wsUrl,
    {},
    (trpc, lastEventId, handlers) =>
      trpc.board.live.subscribe({ locationSlug: options.locationSlug, lastEventId }, handlers),
    (target, data) => {
      const event = data as { type: string; entry?: BoardEntry };
      if (event.type === 'board.changed' && event.entry) {
        target.shown.set(boardKey(event.entry), show(event.entry));
      }
    },
  );
  for (const entry of snapshot.entries) screen.shown.set(boardKey(entry), show(entry));
  return screen;
}

/** A guest's tracking page: the order by its tracking token, then its changes. */
export async function guestScreen(options: {
  name: string;
  instance: number;
  api: Api;
  wsUrl: string;
  orderId: string;
  token: string;
}): Promise<Screen> {
  const { orderId, token } = options;
  const tracked = await untilAcknowledged(`${options.name}: orders.track`, () =>
    options.api.orders.track.query({ orderId, token }),
  );
  const screen = new Screen(
    options.name,
    'guest',
    rooms.order(orderId),
    options.instance,
    tracked.lastEventId,
    options.wsUrl,
    {},
    (trpc, lastEventId, handlers) =>
      trpc.orders.live.subscribe({ orderId, token, lastEventId }, handlers),
    (target, data) => {
      const event = data as { type: string; order?: KitchenTicket };
      if (event.type === 'order.changed' && event.order) {
        target.shown.set(event.order.id, show(event.order));
      }
    },
  );
  screen.shown.set(orderId, show(tracked.order));
  return screen;
}

const show = (order: { status: string; version: number }): Shown => ({
  status: order.status,
  version: order.version,
});
