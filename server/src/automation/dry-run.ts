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
import {
  groupPasses,
  LATE_STAGES,
  rooms,
  ruleMatches,
  type RuleBody,
  type Trigger,
} from '@ticketrail/shared';
import type { Database } from '../db/schema';
import type { DomainEvent } from '../live/event-log';
import { loadTicket } from '../orders/tickets';
import { settingsOf, type SettingsLocks } from '../settings/read';
import { assertWorksAt } from '../staff/access';
import type { StaffActor } from '../staff/sessions';
import { eventFacts, localMoment, stageEntered, stageTime, ticketFacts, triggerOf } from './facts';
import { stationOf } from './matcher';

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
  // The matcher's own view of the location: its kitchen room's log (matcher.ts).
  const rows = await db
    .selectFrom('event_rooms')
    .innerJoin('events', 'events.id', 'event_rooms.event_id')
    .select(['events.id', 'events.payload', 'events.created_at'])
    .where('event_rooms.room', '=', rooms.kitchen(input.locationId))
    .orderBy('event_rooms.event_id', 'desc')
    .limit(DRY_RUN_EVENTS)
    .execute();
  const { timezone } = await settingsOf(db, input.locationId, locks);
  const { rule } = input;
  const lines: DryRunLine[] = [];
  for (const row of rows) {
    const event = row.payload as DomainEvent;
    const line = {
      eventId: row.id,
      at: row.created_at.toISOString(),
      summary: triggerOf(event)?.summary ?? describeOther(event),
      matched: false,
    };
    if (rule.trigger.type === 'ticket.late') {
      lines.push({ ...line, ...(await lateVerdict(db, rule.trigger, rule, event, timezone, now)) });
      continue;
    }
    const station = event.type === 'menu.availability' ? await stationOf(db, event.itemId) : null;
    const facts = eventFacts(event, row.created_at, timezone, station);
    lines.push({ ...line, matched: facts !== null && ruleMatches(rule, facts) });
  }
  return lines;
}

/** Whether a ticket that entered the watched stage with this event waited too long there. */
async function lateVerdict(
  db: Kysely<Database>,
  trigger: Extract<Trigger, { type: 'ticket.late' }>,
  rule: RuleBody,
  event: DomainEvent,
  timezone: string,
  now: Date,
): Promise<Partial<Pick<DryRunLine, 'matched' | 'summary'>>> {
  const entered = stageEntered(event);
  if (!entered || entered.stage !== trigger.stage || event.type !== 'order.changed') return {};
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
  const due = new Date(enteredAt.getTime() + trigger.minutes * 60_000);
  return {
    matched:
      waitedMinutes >= trigger.minutes &&
      groupPasses(rule.conditions, {
        trigger: 'ticket.late',
        ...ticketFacts(ticket),
        ...localMoment(due, timezone),
      }),
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
