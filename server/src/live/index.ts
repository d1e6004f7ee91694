/**
 * The live layer of one server process: the bus, the room hub, and the
 * publisher that puts every committed event on its rooms' channels.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { onEventsCommitted, type StoredEvent } from './event-log';
import type { RoomBus } from './bus';
import { feedEvent } from './feeds';
import { RoomHub } from './hub';
import { SessionWatch } from './sessions';
import { noLiveStats, type LiveStats } from './stats';
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
  /** How often live rooms read the log while the bus is down. */
  pollMs?: number;
  /** Where the live layer reports what it does (metrics). */
  stats?: LiveStats;
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
  const stats = options.stats ?? noLiveStats;
  const hub = new RoomHub(db, bus, {
    sweepMs: options.sweepMs ?? 10_000,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    log,
    stats,
  });
  const sessions = new SessionWatch(db, {
    checkMs: options.sessionCheckMs ?? 500,
    now: options.now ?? (() => new Date()),
    log,
  });

  // While Redis is away every publish fails: say so once, not once per event.
  let lastFailureLog = 0;
  const publish = (events: readonly StoredEvent[]) => {
    const at = Date.now();
    for (const stored of events) {
      for (const room of stored.rooms) {
        const envelope = encodeEnvelope({
          id: stored.id,
          prev: stored.previous[room] ?? 0,
          at,
          event: feedEvent(room, stored.event),
        });
        bus.publish(room, envelope).then(
          () => stats.published(true),
          (error: unknown) => {
            stats.published(false);
            // The event is in the log; receivers find the gap by its successor,
            // a sweep, or the poll while their bus is down. Sweep here soon, for
            // this process's own listeners.
            if (Date.now() - lastFailureLog > 5000) {
              lastFailureLog = Date.now();
              log(`[realtime] publishing event ${stored.id} to ${room} failed: ${String(error)}`);
            }
            hub.sweepSoon();
          },
        );
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
