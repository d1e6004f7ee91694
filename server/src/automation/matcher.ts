/**
 * The matcher: reads a location's events from its stored cursor, in order,
 * through the kitchen room's log (`eventsAfter`): every event a rule can
 * react to goes to the kitchen room, whose (room, event id) index the log
 * already keeps, so reading by location costs no write on any event,
 * and records what each switched-on rule must do about them, as runs (one per
 * action) or, for a late-ticket rule, as a timer.
 *
 * The cursor row is claimed FOR UPDATE SKIP LOCKED, and the runs, the timers
 * and the cursor's new position are written in one transaction: an instance
 * that dies half-way leaves nothing done and the cursor where it was, and
 * two instances never read the same location at once. Runs are unique per
 * (rule, event, action) besides, so nothing is recorded twice.
 */
import type { Kysely, Transaction } from 'kysely';
import { rooms, ruleMatches, type Action } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { eventsAfter, type DomainEvent } from '../live/event-log';
import { settingsOf, type SettingsLocks } from '../settings/read';
import { eventFacts, stageEntered, triggerOf } from './facts';
import { enabledRulesAt, type StoredRule } from './rules';

/** Events read per transaction: enough to keep up, short enough to hold the cursor briefly. */
export const MATCH_BATCH = 200;

export interface MatchDeps {
  locks: SettingsLocks;
  now: () => Date;
}

/**
 * Reads the next batch of a location's events. Returns how many it read: 0
 * when it is caught up, or another instance holds the location just now.
 */
export async function matchNextEvents(
  db: Kysely<Database>,
  locationId: number,
  deps: MatchDeps,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const cursor = await trx
      .selectFrom('automation_cursors')
      .select('last_event_id')
      .where('location_id', '=', locationId)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!cursor) return 0;
    const events = await eventsAfter(
      trx,
      rooms.kitchen(locationId),
      cursor.last_event_id,
      MATCH_BATCH,
    );
    if (events.length === 0) return 0;

    const rules = await enabledRulesAt(trx, locationId);
    if (rules.length > 0) {
      const { timezone } = await settingsOf(trx, locationId, deps.locks);
      for (const stored of events) {
        await matchEvent(trx, rules, {
          id: stored.id,
          event: stored.event,
          at: new Date(stored.createdAt),
          timezone,
          now: deps.now(),
        });
      }
    }
    await trx
      .updateTable('automation_cursors')
      .set({ last_event_id: events.at(-1)!.id, updated_at: deps.now() })
      .where('location_id', '=', locationId)
      .execute();
    return events.length;
  });
}

interface LoggedEvent {
  id: number;
  event: DomainEvent;
  at: Date;
  timezone: string;
  now: Date;
}

async function matchEvent(
  trx: Transaction<Database>,
  rules: readonly StoredRule[],
  logged: LoggedEvent,
): Promise<void> {
  const { event } = logged;
  const station = event.type === 'menu.availability' ? await stationOf(trx, event.itemId) : null;
  const facts = eventFacts(event, logged.at, logged.timezone, station);
  const entered = stageEntered(event);
  for (const rule of rules) {
    if (logged.id <= rule.startsAfterEventId) continue;
    const { trigger } = rule;
    if (trigger.type === 'ticket.late') {
      if (event.type === 'order.changed' && entered?.stage === trigger.stage) {
        const enteredAt = new Date(entered.at);
        await trx
          .insertInto('automation_timers')
          .values({
            rule_id: rule.id,
            event_id: logged.id,
            order_id: event.ticket.id,
            stage: entered.stage,
            stage_entered_at: enteredAt,
            due_at: new Date(enteredAt.getTime() + trigger.minutes * 60_000),
          })
          .onConflict((conflict) => conflict.doNothing())
          .execute();
      }
      continue;
    }
    if (!facts || !ruleMatches(rule, facts)) continue;
    await recordRuns(trx, rule, {
      eventId: logged.id,
      orderId: event.type === 'order.changed' ? event.ticket.id : null,
      summary: triggerOf(event)?.summary ?? event.type,
      now: logged.now,
    });
  }
}

/** One pending run per action of the rule, unless this (rule, event) was recorded already. */
export async function recordRuns(
  trx: Transaction<Database>,
  rule: Pick<StoredRule, 'id' | 'locationId' | 'actions'>,
  match: { eventId: number; orderId: string | null; summary: string; now: Date },
): Promise<void> {
  await trx
    .insertInto('automation_runs')
    .values(
      rule.actions.map((action: Action, index) => ({
        rule_id: rule.id,
        location_id: rule.locationId,
        event_id: match.eventId,
        action_index: index,
        action: JSON.stringify(action),
        order_id: match.orderId,
        summary: match.summary,
        status: 'pending' as const,
        next_attempt_at: match.now,
      })),
    )
    .onConflict((conflict) => conflict.columns(['rule_id', 'event_id', 'action_index']).doNothing())
    .execute();
}

/** The station of a dish an availability event names (the event does not carry it). */
export async function stationOf(trx: Kysely<Database>, itemId: number) {
  const row = await trx
    .selectFrom('menu_items')
    .select('station')
    .where('id', '=', itemId)
    .executeTakeFirst();
  return row?.station ?? null;
}
