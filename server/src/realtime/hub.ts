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
 */
import type { Kysely } from 'kysely';
import type { RoomName } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { eventsAfter, roomHeads } from '../domain/events';
import type { RoomBus } from './bus';
import { feedEvent } from './feeds';
import { decodeEnvelope, Delivery } from './wire';

/** A bus message as the hub keeps it: the header, and the event still as JSON. */
type Message = ReturnType<typeof decodeEnvelope>;

export type Listener = (delivery: Delivery) => void;

interface Room {
  name: RoomName;
  listeners: Set<Listener>;
  /** The last event id delivered here. */
  head: number;
  /** Messages held while the room starts or reads the log; null when live. */
  held: Message[] | null;
  ready: Promise<void>;
}

export interface HubOptions {
  sweepMs: number;
  log: (message: string) => void;
}

const REPLAY_PAGE = 500;

export class RoomHub {
  readonly #db: Kysely<Database>;
  readonly #bus: RoomBus;
  readonly #options: HubOptions;
  readonly #rooms = new Map<RoomName, Room>();
  /** Subscribe/unsubscribe calls per channel, kept in order. */
  readonly #channelOps = new Map<RoomName, Promise<void>>();
  #sweepTimer: NodeJS.Timeout | null = null;
  #sweepSoon: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(db: Kysely<Database>, bus: RoomBus, options: HubOptions) {
    this.#db = db;
    this.#bus = bus;
    this.#options = options;
    bus.attach({
      message: (channel, payload) => this.#receive(channel as RoomName, payload),
      resync: () => void this.sweep(),
    });
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
      };
      created.ready = this.#start(created);
      this.#rooms.set(name, created);
      this.#startSweeping();
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
    await this.#channelOp(room.name, () => this.#bus.subscribe(room.name));
    const heads = await roomHeads(this.#db, [room.name]);
    room.head = heads.get(room.name) ?? 0;
    this.#release(room);
  }

  #leave(room: Room, listener: Listener): void {
    room.listeners.delete(listener);
    if (room.listeners.size > 0 || this.#rooms.get(room.name) !== room) return;
    this.#rooms.delete(room.name);
    if (this.#rooms.size === 0) this.#stopSweeping();
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
      void this.#catchUp(room);
      return;
    }
    this.#deliver(
      room,
      envelope.id,
      envelope.json === null ? null : Delivery.fromJson(envelope.id, envelope.json),
    );
  }

  #deliver(room: Room, id: number, delivery: Delivery | null): void {
    room.head = id;
    if (!delivery) return;
    for (const listener of room.listeners) listener(delivery);
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
  async #catchUp(room: Room): Promise<void> {
    if (this.#rooms.get(room.name) !== room) return;
    try {
      for (;;) {
        const page = await eventsAfter(this.#db, room.name, room.head, REPLAY_PAGE);
        for (const stored of page) {
          const event = feedEvent(room.name, stored.event);
          this.#deliver(room, stored.id, event && Delivery.fromEvent(stored.id, event));
        }
        if (page.length < REPLAY_PAGE) break;
      }
      this.#release(room);
    } catch (error) {
      // Keep holding and try again: the database may be restarting.
      this.#options.log(`[hub] reading ${room.name} from the log failed: ${String(error)}`);
      setTimeout(() => void this.#catchUp(room), 1000).unref();
    }
  }

  /** Compares every live room with the log and reads whatever a room is missing. */
  async sweep(): Promise<void> {
    const live = [...this.#rooms.values()].filter((room) => room.held === null);
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
            void this.#catchUp(room);
          }
        }
      } catch (error) {
        this.#options.log(`[hub] sweeping live rooms failed: ${String(error)}`);
      }
    }
  }

  /** A sweep shortly, e.g. after a publish failed: several failures share one. */
  sweepSoon(delayMs = 500): void {
    if (this.#sweepSoon) return;
    this.#sweepSoon = setTimeout(() => {
      this.#sweepSoon = null;
      void this.sweep();
    }, delayMs);
    this.#sweepSoon.unref();
  }

  #startSweeping(): void {
    if (this.#sweepTimer || this.#options.sweepMs <= 0) return;
    this.#sweepTimer = setInterval(() => void this.sweep(), this.#options.sweepMs);
    this.#sweepTimer.unref();
  }

  #stopSweeping(): void {
    if (this.#sweepTimer) clearInterval(this.#sweepTimer);
    this.#sweepTimer = null;
  }

  close(): void {
    this.#closed = true;
    this.#stopSweeping();
    if (this.#sweepSoon) clearTimeout(this.#sweepSoon);
    this.#rooms.clear();
  }
}
