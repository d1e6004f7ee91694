/**
 * The JSON body a rule's webhook sends, in the Standard Webhooks shape
 * (`type`, `timestamp`, `data`). The receiver gets what the staff screens
 * see of the event: the full ticket for an order (it is the restaurant's own
 * system receiving it), the dish for an availability change, the effective
 * settings for a settings change.
 */
import type { TriggerType } from '@ticketrail/shared';
import type { DomainEvent } from '../live/event-log';
import type { AutomationRunsTable } from '../db/schema';

export interface WebhookBody {
  /** The rule's trigger: "order.placed", "ticket.late", "item.unavailable", … */
  type: TriggerType;
  timestamp: string;
  data: {
    rule: { id: number; name: string };
    event: { id: number; summary: string; occurredAt: string };
    order?: Extract<DomainEvent, { type: 'order.changed' }>['ticket'];
    item?: { id: number; name: string; available: boolean; soldOut: boolean };
    settings?: Extract<DomainEvent, { type: 'settings.changed' }>['settings'];
  };
}

export function webhookPayload(input: {
  run: Pick<AutomationRunsTable, 'rule_id' | 'event_id' | 'summary'>;
  ruleName: string;
  trigger: TriggerType;
  event: DomainEvent | null;
  occurredAt: Date;
  now: Date;
}): WebhookBody {
  const { run, event } = input;
  const data: WebhookBody['data'] = {
    rule: { id: run.rule_id, name: input.ruleName },
    event: { id: run.event_id, summary: run.summary, occurredAt: input.occurredAt.toISOString() },
  };
  if (event?.type === 'order.changed') data.order = event.ticket;
  if (event?.type === 'menu.availability') {
    data.item = {
      id: event.itemId,
      name: event.name,
      available: event.available,
      soldOut: event.soldOut,
    };
  }
  if (event?.type === 'settings.changed') data.settings = event.settings;
  return { type: input.trigger, timestamp: input.now.toISOString(), data };
}
