/** The customer-facing ready board: order numbers and stages, nothing else. */
import type { Kysely } from 'kysely';
import { rooms } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { settingsOf, type SettingsLocks } from '../settings/read';
import { readSnapshot, roomHead } from '../live/event-log';
import { toBoardEntry, type BoardEntry } from '../orders/audiences';
import { loadBoardTickets, loadOpenTickets, type KitchenTicket } from '../orders/tickets';

export interface ReadyBoard {
  /** Whose board it is: the screen puts the restaurant's name at the top. */
  location: { slug: string; name: string; timezone: string };
  /**
   * Orders from placed (received, not yet accepted: a guest who just ordered
   * finds their number) to ready, and those collected less than
   * `collectedSeconds` ago; by business day, then number.
   */
  entries: BoardEntry[];
  /** How long a collected number stays up; changes arrive as `board.settings` events. */
  collectedSeconds: number;
  /**
   * The server's clock when this was read. A screen on the wall may keep the
   * wrong time; it measures `completedAt + collectedSeconds` against this one.
   */
  serverTime: string;
  /** The newest board event this snapshot includes: resume live updates after it. */
  lastEventId: number;
}

/** Numbers restart each business day, so the day comes first. */
const byNumber = (a: KitchenTicket, b: KitchenTicket): number =>
  a.businessDate !== b.businessDate
    ? a.businessDate < b.businessDate
      ? -1
      : 1
    : a.number - b.number;

/** The ready board now, as of `now`, and the event id it is current to. */
export async function readyBoard(
  db: Kysely<Database>,
  location: { id: number; slug: string; name: string },
  now: Date,
  locks: SettingsLocks,
): Promise<ReadyBoard> {
  return readSnapshot(db, async (trx) => {
    const { readyBoardCollectedSeconds, timezone } = await settingsOf(trx, location.id, locks);
    const completedAfter = new Date(now.getTime() - readyBoardCollectedSeconds * 1000);
    const onBoard = await loadBoardTickets(trx, location.id, completedAfter);
    const open = await loadOpenTickets(trx, location.id);
    const received = open.filter((ticket) => ticket.status === 'placed');
    const tickets = [...received, ...onBoard].sort(byNumber);
    return {
      location: { slug: location.slug, name: location.name, timezone },
      entries: tickets.map(toBoardEntry),
      collectedSeconds: readyBoardCollectedSeconds,
      serverTime: now.toISOString(),
      lastEventId: await roomHead(trx, rooms.board(location.id)),
    };
  });
}
