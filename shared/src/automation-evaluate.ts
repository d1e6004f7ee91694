/**
 * Whether an automation rule fires on one event: its trigger matches and its
 * conditions pass on the event's facts. Pure, so the server's runner and the
 * editor's "would this fire?" preview give the same answer.
 *
 * An absent fact never passes a condition, not even a negative one ("is not
 * dine-in", "does not have Soup"): a rule should never fire on an event it
 * cannot read. An order whose type the server could not tell is not known to
 * be "not dine-in", and acting on it (messaging a guest, calling a webhook)
 * would be a guess dressed up as a rule.
 */
import type {
  Condition,
  ConditionGroup,
  EventFacts,
  NumberOp,
  RuleBody,
  Trigger,
} from './automation-rules';
import { isGroup } from './automation-rules';
import { minutesOfDay } from './settings-words';

/**
 * The trigger's type is the event's; a status trigger also names the status
 * moved to. A late ticket's stage and minutes are checked by the server's
 * timer before it builds the facts, so only the type is compared here.
 */
export function triggerMatches(trigger: Trigger, facts: EventFacts): boolean {
  if (facts.trigger !== trigger.type) return false;
  if (trigger.type === 'order.status') return facts.status === trigger.to;
  return true;
}

function compare(actual: number, op: NumberOp, expected: number): boolean {
  switch (op) {
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
    case 'eq':
      return actual === expected;
  }
}

function listHas<T>(
  list: readonly T[] | undefined,
  op: 'contains' | 'notContains',
  value: T,
): boolean {
  if (list === undefined) return false;
  return op === 'contains' ? list.includes(value) : !list.includes(value);
}

/**
 * `from` is in the window and `to` is not, so back-to-back windows
 * (17:00–22:00, 22:00–02:00) never both pass. `from` after `to` runs past
 * midnight; `from` equal to `to` is a whole day, not an empty window, since
 * nobody writes a rule that can never fire on purpose.
 */
export function timeInWindow(time: string, from: string, to: string): boolean {
  const now = minutesOfDay(time);
  const start = minutesOfDay(from);
  const end = minutesOfDay(to);
  if (start === end) return true;
  if (start < end) return now >= start && now < end;
  return now >= start || now < end;
}

export function conditionPasses(condition: Condition, facts: EventFacts): boolean {
  switch (condition.field) {
    case 'orderType':
      if (facts.orderType === undefined) return false;
      return condition.op === 'is'
        ? facts.orderType === condition.value
        : facts.orderType !== condition.value;
    case 'total':
      if (facts.totalCents === undefined) return false;
      return compare(facts.totalCents, condition.op, condition.value);
    case 'item':
      return listHas(facts.itemIds, condition.op, condition.value);
    case 'station':
      return listHas(facts.stations, condition.op, condition.value);
    case 'guestCount':
      if (facts.guestCount === undefined) return false;
      return compare(facts.guestCount, condition.op, condition.value);
    case 'timeOfDay':
      return timeInWindow(facts.localTime, condition.value.from, condition.value.to);
    case 'weekday':
      return condition.value.includes(facts.weekday);
  }
}

const entryPasses = (entry: Condition | ConditionGroup, facts: EventFacts): boolean =>
  isGroup(entry) ? groupPasses(entry, facts) : conditionPasses(entry, facts);

/**
 * An empty group passes whether it matches all or any: "no conditions" means
 * always, so a rule with none fires on every event its trigger matches. (Read
 * literally, an empty "any" would never pass, and a manager who switched an
 * empty group to "any" would silently switch the rule off.)
 */
export function groupPasses(group: ConditionGroup, facts: EventFacts): boolean {
  if (group.conditions.length === 0) return true;
  return group.match === 'all'
    ? group.conditions.every((entry) => entryPasses(entry, facts))
    : group.conditions.some((entry) => entryPasses(entry, facts));
}

export function ruleMatches(
  rule: Pick<RuleBody, 'trigger' | 'conditions'>,
  facts: EventFacts,
): boolean {
  return triggerMatches(rule.trigger, facts) && groupPasses(rule.conditions, facts);
}
