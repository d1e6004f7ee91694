/**
 * The live layer of one server process: the bus, the room hub, and the
 * publisher that puts every committed event on its rooms' channels.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { onEventsCommitted, type StoredEvent } from '../domain/events';
import type { RoomBus } from './bus';
import { feedEvent } from './feeds';
import { RoomHub } from './hub';
import { SessionWatch } from './sessions';
import { encodeEnvelope } from './wire';

export interface Realtime {
  bus: RoomBus;
  hub: RoomHub;
  /** Ends staff feeds whose session ended (sign-out, expiry, deactivation). */
  sessions: SessionWatch;
  close(): Promise<void>;
}

export interface RealtimeOptions {
  /** How often live rooms are compared with the log, as a last resort. */
  sweepMs?: number;
  /** How often the sessions behind open staff feeds are re-read; a feed ends within this. */
  sessionCheckMs?: number;
  /** The clock sessions expire by. */
  now?: () => Date;
  log?: (message: string) => void;
}

export function createRealtime(
  db: Kysely<Database>,
  bus: RoomBus,
  options: RealtimeOptions = {},
): Realtime {
  const log = options.log ?? ((message: string) => console.error(message));
  const hub = new RoomHub(db, bus, { sweepMs: options.sweepMs ?? 10_000, log });
  const sessions = new SessionWatch(db, {
    checkMs: options.sessionCheckMs ?? 500,
    now: options.now ?? (() => new Date()),
    log,
  });

  const publish = (events: readonly StoredEvent[]) => {
    for (const stored of events) {
      for (const room of stored.rooms) {
        const envelope = encodeEnvelope({
          id: stored.id,
          prev: stored.previous[room] ?? 0,
          event: feedEvent(room, stored.event),
        });
        bus.publish(room, envelope).catch((error: unknown) => {
          // The event is in the log; receivers find the gap by its successor or
          // by a sweep. Sweep here soon, for this process's own listeners.
          log(`[realtime] publishing event ${stored.id} to ${room} failed: ${String(error)}`);
          hub.sweepSoon();
        });
      }
    }
  };
  const stopPublishing = onEventsCommitted(db, publish);

  return {
    bus,
    hub,
    sessions,
    close: async () => {
      stopPublishing();
      sessions.close();
      hub.close();
      await bus.close();
    },
  };
}
