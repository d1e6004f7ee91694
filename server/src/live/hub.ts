/**
 * The room hub: one per server process. It holds the process's live rooms,
 * keeps one bus subscription per room however many local listeners it has,
 * parses each bus message once, and hands every listener of a room the same
 * delivery object, in order, without gaps or repeats.
 *
 * Each bus message names its event id and the id of the room's previous event.
 * A room remembers the last id it delivered (its head). A message whose
 * predecessor is the head is delivered; an older one is a duplicate and is
 * dropped; a newer predecessor means something went missing (a publish lost in
 * a Redis blip, or two publishers whose messages crossed), and the room reads
 * the log from its head before going on. Messages that arrive meanwhile wait.
 *
 * A lost *last* message has no successor to reveal it, so the hub also sweeps:
 * after the bus reconnects, after a failed publish, and every `sweepMs`.
 *
 * The bus is never waited on. While it is down, live rooms are kept moving by
 * reading the log every `pollMs` (one query per thousand rooms); a room whose
 * channel the bus has not confirmed within `subscribeWaitMs` goes live from
 * the log all the same and is polled until it is confirmed.
 */
import type { Kysely } from 'kysely';
import type { RoomName } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { eventsAfter, roomHeads, REPLAY_PAGE } from './event-log';
import type { RoomBus } from './bus';
import { feedEvent } from './feeds';
import { SweepSchedule } from './sweep-schedule';
import { noLiveStats, type BusState, type LiveStats, type RepairKind } from './stats';
import { decodeEnvelope, Delivery, type Message } from './wire';

export type Listener = (delivery: Delivery) => void;

interface Room {
  name: RoomName;
  listeners: Set<Listener>;
  /** The last event id delivered here. */
  head: number;
  /** Messages held while the room starts or reads the log; null when live. */
  held: Message[] | null;
  ready: Promise<void>;
  /** The bus has not yet confirmed this room's channel: the room is polled. */
  unconfirmed: boolean;
}

export interface HubOptions {
  sweepMs: number;
  /** How often live rooms read the log while the bus is down (default 500 ms). */
  pollMs?: number;
  /** How long a starting room waits for the bus before going live from the log (default 2 s). */
  subscribeWaitMs?: number;
  log: (message: string) => void;
  stats?: LiveStats;
}

export class RoomHub {
  readonly #db: Kysely<Database>;
  readonly #bus: RoomBus;
  readonly #options: HubOptions;
  readonly #rooms = new Map<RoomName, Room>();
  /** Subscribe/unsubscribe calls per channel, kept in order. */
  readonly #channelOps = new Map<RoomName, Promise<void>>();
  readonly #unconfirmed = new Set<Room>();
  readonly #busListeners = new Set<(state: BusState) => void>();
  readonly #schedule: SweepSchedule;
  readonly #stats: LiveStats;
  /** How many times the bus has come up: a room starting across one sweeps itself. */
  #ups = 0;
  #closed = false;

  constructor(db: Kysely<Database>, bus: RoomBus, options: HubOptions) {
    this.#db = db;
    this.#bus = bus;
    this.#options = options;
    this.#stats = options.stats ?? noLiveStats;
    this.#schedule = new SweepSchedule({
      sweepMs: options.sweepMs,
      pollMs: options.pollMs ?? 500,
      sweep: () => this.sweep(),
      poll: () => this.#poll(),
    });
    bus.attach({
      message: (channel, payload) => this.#receive(channel as RoomName, payload),
      down: () => this.#busChanged('down'),
      up: () => {
        this.#ups += 1;
        this.#busChanged('up');
        void this.sweep();
      },
    });
  }

  /** Whether live messages arrive through the bus, or rooms are read from the log. */
  get busState(): BusState {
    return this.#bus.state;
  }

  /** Calls `listener` whenever the bus goes down or comes back; returns the way to stop. */
  onBusState(listener: (state: BusState) => void): () => void {
    this.#busListeners.add(listener);
    return () => this.#busListeners.delete(listener);
  }

  #busChanged(state: BusState): void {
    this.#stats.busState(state);
    this.#updatePolling();
    for (const listener of this.#busListeners) listener(state);
  }

  #updatePolling(): void {
    const needed =
      this.#rooms.size > 0 && (this.#bus.state === 'down' || this.#unconfirmed.size > 0);
    this.#schedule.polling(needed);
  }

  /** Live rooms in this process (for tests and health output). */
  get roomCount(): number {
    return this.#rooms.size;
  }

  /**
   * The last event id a room delivered, while it is live and caught up; null
   * when the room is not open here (or is still starting or reading the log).
   */
  liveHead(name: RoomName): number | null {
    const room = this.#rooms.get(name);
    return room && room.held === null ? room.head : null;
  }

  /**
   * Adds a listener to a room and resolves once the room is live, with the id
   * the room had delivered up to then: everything after it reaches the listener.
   */
  async join(name: RoomName, listener: Listener): Promise<{ head: number; leave: () => void }> {
    if (this.#closed) throw new Error('The live-update hub is shut down');
    let room = this.#rooms.get(name);
    if (!room) {
      const created: Room = {
        name,
        listeners: new Set(),
        head: 0,
        held: [],
        ready: Promise.resolve(),
        unconfirmed: false,
      };
      created.ready = this.#start(created);
      this.#rooms.set(name, created);
      this.#schedule.periodic(true);
      this.#updatePolling();
      room = created;
    }
    room.listeners.add(listener);
    const joined = room;
    const leave = () => this.#leave(joined, listener);
    try {
      await joined.ready;
    } catch (error) {
      leave();
      throw error;
    }
    return { head: joined.head, leave };
  }

  async #start(room: Room): Promise<void> {
    // Listen first, then read where the log stands: a message published in
    // between is held and then either dropped as old or delivered.
    const ups = this.#ups;
    const subscribed = this.#channelOp(room.name, () => this.#bus.subscribe(room.name));
    if (!(await settlesWithin(subscribed, this.#options.subscribeWaitMs ?? 2000))) {
      // Redis is slow or hung: the screen is not kept waiting for it.
      room.unconfirmed = true;
      this.#unconfirmed.add(room);
      this.#updatePolling();
      void subscribed.then(() => {
        room.unconfirmed = false;
        this.#unconfirmed.delete(room);
        this.#updatePolling();
        // What was published before the channel was confirmed is only in the log.
        if (this.#rooms.get(room.name) === room) void this.#sweepRooms([room], 'sweep');
      });
    }
    const heads = await roomHeads(this.#db, [room.name]);
    room.head = heads.get(room.name) ?? 0;
    this.#release(room);
    // The bus came back while this room started: the sweep that followed
    // skipped it, and its head may predate the channel's confirmation.
    if (ups !== this.#ups) void this.#sweepRooms([room], 'sweep');
  }

  #leave(room: Room, listener: Listener): void {
    room.listeners.delete(listener);
    if (room.listeners.size > 0 || this.#rooms.get(room.name) !== room) return;
    this.#rooms.delete(room.name);
    this.#unconfirmed.delete(room);
    if (this.#rooms.size === 0) this.#schedule.periodic(false);
    this.#updatePolling();
    this.#channelOp(room.name, () => this.#bus.unsubscribe(room.name)).catch((error: unknown) =>
      this.#options.log(`[hub] unsubscribing ${room.name} failed: ${String(error)}`),
    );
  }

  #channelOp(name: RoomName, op: () => Promise<void>): Promise<void> {
    const previous = this.#channelOps.get(name) ?? Promise.resolve();
    const next = previous.then(op, op);
    this.#channelOps.set(name, next);
    void next
      .finally(() => {
        if (this.#channelOps.get(name) === next) this.#channelOps.delete(name);
      })
      .catch(() => {});
    return next;
  }

  #receive(name: RoomName, payload: string): void {
    const room = this.#rooms.get(name);
    if (!room) return;
    let envelope: Message;
    try {
      envelope = decodeEnvelope(payload);
    } catch {
      this.#options.log(`[hub] dropped an unreadable message on ${name}`);
      return;
    }
    if (room.held) room.held.push(envelope);
    else this.#accept(room, envelope);
  }

  #accept(room: Room, envelope: Message): void {
    if (envelope.id <= room.head) return;
    if (envelope.prev !== room.head) {
      // Something between our head and this event has not reached us.
      room.held = [envelope];
      void this.#catchUp(room, 'gap');
      return;
    }
    this.#deliver(
      room,
      envelope.id,
      envelope.json === null ? null : Delivery.fromJson(envelope.id, envelope.json),
      envelope.at,
    );
  }

  #deliver(room: Room, id: number, delivery: Delivery | null, at: number | null): void {
    room.head = id;
    if (!delivery) return;
    for (const listener of room.listeners) listener(delivery);
    this.#stats.delivered(room.listeners.size, at === null ? null : Date.now() - at);
  }

  /** Delivers what is held, in order; stops early if that starts another catch-up. */
  #release(room: Room): void {
    const held = room.held ?? [];
    room.held = null;
    for (const [index, envelope] of held.entries()) {
      this.#accept(room, envelope);
      // #accept may have started a catch-up, which holds again (TS cannot see that).
      const holding = room.held as Message[] | null;
      if (holding) {
        holding.push(...held.slice(index + 1));
        return;
      }
    }
  }

  /** Reads the room's log from its head, delivers it, then what was held meanwhile. */
  async #catchUp(room: Room, by: RepairKind): Promise<void> {
    if (this.#rooms.get(room.name) !== room) return;
    let repaired = 0;
    try {
      for (;;) {
        const page = await eventsAfter(this.#db, room.name, room.head, REPLAY_PAGE);
        for (const stored of page) {
          const event = feedEvent(room.name, stored.event);
          const delivery = event && Delivery.fromEvent(stored.id, event);
          this.#deliver(room, stored.id, delivery, Date.parse(stored.createdAt));
        }
        repaired += page.length;
        if (page.length < REPLAY_PAGE) break;
      }
      this.#release(room);
    } catch (error) {
      // Keep holding and try again: the database may be restarting.
      this.#options.log(`[hub] reading ${room.name} from the log failed: ${String(error)}`);
      setTimeout(() => void this.#catchUp(room, by), 1000).unref();
    } finally {
      if (repaired > 0) this.#stats.repaired(by, repaired);
    }
  }

  /** Compares every live room with the log and reads whatever a room is missing. */
  sweep(): Promise<void> {
    return this.#sweepRooms([...this.#rooms.values()], 'sweep');
  }

  /** While the bus is down every live room, otherwise those it has not confirmed. */
  #poll(): Promise<void> {
    const rooms = this.#bus.state === 'down' ? this.#rooms.values() : this.#unconfirmed;
    return this.#sweepRooms([...rooms], 'poll');
  }

  async #sweepRooms(rooms: readonly Room[], by: RepairKind): Promise<void> {
    const live = rooms.filter((room) => room.held === null);
    const CHUNK = 1000;
    for (let start = 0; start < live.length; start += CHUNK) {
      const chunk = live.slice(start, start + CHUNK);
      try {
        const heads = await roomHeads(
          this.#db,
          chunk.map((room) => room.name),
        );
        for (const room of chunk) {
          if (room.held === null && (heads.get(room.name) ?? 0) > room.head) {
            room.held = [];
            void this.#catchUp(room, by);
          }
        }
      } catch (error) {
        this.#options.log(`[hub] ${by}: reading live rooms' heads failed: ${String(error)}`);
      }
    }
  }

  /** A sweep shortly, e.g. after a publish failed: several failures share one. */
  sweepSoon(delayMs = 500): void {
    this.#schedule.soon(delayMs);
  }

  close(): void {
    this.#closed = true;
    this.#schedule.stop();
    this.#rooms.clear();
    this.#unconfirmed.clear();
    this.#busListeners.clear();
  }
}

/** Whether `promise` settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = promise.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}
