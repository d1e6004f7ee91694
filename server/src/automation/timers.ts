/**
 * Late-ticket timers: a rule "a ticket waits 10 minutes in Preparing" stores
 * a timer when a ticket enters Preparing (matcher.ts), due ten minutes after.
 * Timers are rows, so a restart loses none: whichever instance is up when one
 * falls due claims it (FOR UPDATE SKIP LOCKED), checks the ticket is still
 * waiting in that stage since that same moment (no bump came), and records
 * the rule's runs in the same transaction that deletes the timer.
 */
import type { Kysely } from 'kysely';
import { groupPasses, type EventFacts } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { loadTicket } from '../orders/tickets';
import { settingsOf, type SettingsLocks } from '../settings/read';
import { localMoment, STAGE_WORDS, stageTime, ticketFacts } from './facts';
import { recordRuns } from './matcher';
import { parseRule } from './rules';

const TIMER_BATCH = 50;

/** Fires the timers due at `now`; returns how many it took (fired or dropped). */
export async function fireDueTimers(
  db: Kysely<Database>,
  deps: { locks: SettingsLocks; now: () => Date },
): Promise<number> {
  const now = deps.now();
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('automation_timers')
      .selectAll()
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .limit(TIMER_BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const timer of due) {
      await trx
        .deleteFrom('automation_timers')
        .where('rule_id', '=', timer.rule_id)
        .where('event_id', '=', timer.event_id)
        .execute();
      const row = await trx
        .selectFrom('automation_rules')
        .selectAll()
        .where('id', '=', timer.rule_id)
        .executeTakeFirst();
      const rule = row && !row.archived_at && row.enabled ? parseRule(row) : null;
      if (!rule || rule.trigger.type !== 'ticket.late') continue;
      const ticket = await loadTicket(trx, timer.order_id);
      const stage = rule.trigger.stage;
      const stillWaiting =
        ticket !== null &&
        ticket.status === stage &&
        stageTime(ticket, stage) === timer.stage_entered_at.toISOString();
      if (!stillWaiting) continue;
      const { timezone } = await settingsOf(trx, rule.locationId, deps.locks);
      const facts: EventFacts = {
        trigger: 'ticket.late',
        ...ticketFacts(ticket),
        ...localMoment(timer.due_at, timezone),
      };
      if (!groupPasses(rule.conditions, facts)) continue;
      await recordRuns(trx, rule, {
        eventId: timer.event_id,
        orderId: ticket.id,
        summary: `Order ${ticket.displayNumber} waited ${rule.trigger.minutes} min in ${STAGE_WORDS[stage]}`,
        now,
      });
    }
    return due.length;
  });
}
