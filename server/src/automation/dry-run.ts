/**
 * A dry run: which of the location's last 50 events the rule, as the editor
 * holds it now, would have acted on. Nothing is recorded or sent.
 *
 * A late-ticket rule cannot be judged from one event: for each ticket that
 * entered the stage, it looks at how long the ticket stayed (until its next
 * stage, or until now if it is still there) and whether the rule's
 * conditions pass for it.
 */
import type { Kysely } from 'kysely';
import { groupPasses, ruleMatches, type RuleBody } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import type { DomainEvent } from '../live/event-log';
import { loadTicket } from '../orders/tickets';
import { settingsOf, type SettingsLocks } from '../settings/read';
import { assertWorksAt } from '../staff/access';
import type { StaffActor } from '../staff/sessions';
import { eventFacts, localMoment, stageEntered, stageTime, ticketFacts, triggerOf } from './facts';
import { LATE_STAGES } from '@ticketrail/shared';

export const DRY_RUN_EVENTS = 50;

export interface DryRunLine {
  eventId: number;
  at: string;
  /** "Order #042 placed"; for events no rule reacts to, what they were. */
  summary: string;
  matched: boolean;
}

export async function dryRun(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { locationId: number; rule: RuleBody },
  locks: SettingsLocks,
  now: Date,
): Promise<DryRunLine[]> {
  assertWorksAt(actor, input.locationId);
  const rows = await db
    .selectFrom('events')
    .select(['id', 'payload', 'created_at'])
    .where('location_id', '=', input.locationId)
    .orderBy('id', 'desc')
    .limit(DRY_RUN_EVENTS)
    .execute();
  const { timezone } = await settingsOf(db, input.locationId, locks);
  const { rule } = input;
  const lines: DryRunLine[] = [];
  for (const row of rows) {
    const event = row.payload as DomainEvent;
    const base = {
      eventId: row.id,
      at: row.created_at.toISOString(),
      summary: triggerOf(event)?.summary ?? describeOther(event),
    };
    if (rule.trigger.type === 'ticket.late') {
      lines.push({ ...base, ...(await lateVerdict(db, rule, event, timezone, now)) });
      continue;
    }
    const station =
      event.type === 'menu.availability'
        ? ((
            await db
              .selectFrom('menu_items')
              .select('station')
              .where('id', '=', event.itemId)
              .executeTakeFirst()
          )?.station ?? null)
        : null;
    const facts = eventFacts(event, row.created_at, timezone, station);
    lines.push({ ...base, matched: facts !== null && ruleMatches(rule, facts) });
  }
  return lines;
}

async function lateVerdict(
  db: Kysely<Database>,
  rule: RuleBody,
  event: DomainEvent,
  timezone: string,
  now: Date,
): Promise<Pick<DryRunLine, 'matched' | 'summary'> | { matched: boolean }> {
  if (rule.trigger.type !== 'ticket.late') return { matched: false };
  const entered = stageEntered(event);
  if (!entered || entered.stage !== rule.trigger.stage || event.type !== 'order.changed') {
    return { matched: false };
  }
  const ticket = (await loadTicket(db, event.ticket.id)) ?? event.ticket;
  // How long it stayed: until the first later stage it reached, or until now.
  const later = LATE_STAGES.slice(LATE_STAGES.indexOf(entered.stage) + 1)
    .map((stage) => stageTime(ticket, stage))
    .concat(ticket.times.completedAt, ticket.times.cancelledAt, ticket.times.rejectedAt)
    .filter((time): time is string => time !== null)
    .sort();
  const left = later[0] ? new Date(later[0]) : now;
  const enteredAt = new Date(entered.at);
  const waitedMinutes = (left.getTime() - enteredAt.getTime()) / 60_000;
  const due = new Date(enteredAt.getTime() + rule.trigger.minutes * 60_000);
  const late =
    waitedMinutes >= rule.trigger.minutes &&
    groupPasses(rule.conditions, {
      trigger: 'ticket.late',
      ...ticketFacts(ticket),
      ...localMoment(due, timezone),
    });
  return {
    matched: late,
    summary: `Order ${ticket.displayNumber} waited ${Math.floor(waitedMinutes)} min`,
  };
}

function describeOther(event: DomainEvent): string {
  switch (event.type) {
    case 'order.changed':
      return `Order ${event.ticket.displayNumber} changed`;
    case 'menu.changed':
      return 'Menu edited';
    case 'automation.notice':
      return `Notice: ${event.notice.text}`;
    case 'menu.availability':
    case 'settings.changed':
      return event.type;
  }
}
