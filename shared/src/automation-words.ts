/**
 * An automation rule in plain words, for the back office's list and editor:
 * "When an order is placed and the total is over €100.00, call https://…".
 * A manager checks a rule by reading it, so the words follow the rule's
 * logic exactly (nested groups in parentheses) rather than paraphrasing it.
 */
import type {
  Action,
  Condition,
  ConditionGroup,
  LateStage,
  NumberOp,
  RuleBody,
  RuleBodyInput,
  Trigger,
  TriggerType,
} from './automation-rules';
import { isGroup, isOrderTrigger } from './automation-rules';
import type { OrderStatus, OrderType, Station } from './domain';
import { formatMoney } from './money';
import { WEEKDAYS, WEEKDAY_LABELS } from './settings-words';

export interface RuleNames {
  currency: string;
  /** The menu's name for a dish; undefined when it was deleted or is not loaded. */
  dishName: (id: number) => string | undefined;
}

/** An action as a form holds it, before zod fills the defaults (timeout, sound). */
export type ActionInput = RuleBodyInput['actions'][number];

const STATUS_WORDS: Record<OrderStatus, string> = {
  placed: 'an order is placed',
  accepted: 'an order is accepted',
  preparing: 'an order is started',
  ready: 'an order becomes ready',
  completed: 'an order is completed',
  rejected: 'an order is rejected',
  cancelled: 'an order is cancelled',
};

/** The kitchen board's names for the stages a ticket waits in. */
const STAGE_WORDS: Record<LateStage, string> = {
  placed: 'Placed',
  accepted: 'Accepted',
  preparing: 'Preparing',
  ready: 'Ready',
};

const ORDER_TYPE_WORDS: Record<OrderType, string> = {
  dine_in: 'dine-in',
  pickup: 'for pickup',
  delivery: 'for delivery',
};

// The menu editor's labels live in the client; these are the same words, kept
// here because shared cannot import the client.
const STATION_WORDS: Record<Station, string> = {
  grill: 'Grill',
  fry: 'Fryer',
  hot: 'Hot kitchen',
  cold: 'Cold kitchen',
  pastry: 'Pastry',
  bar: 'Bar',
};

const NUMBER_OP_WORDS: Record<NumberOp, string> = {
  gt: 'over',
  gte: 'at least',
  lt: 'under',
  lte: 'at most',
  eq: 'exactly',
};

const GUEST_OP_WORDS: Record<NumberOp, string> = {
  gt: 'more than',
  gte: 'at least',
  lt: 'fewer than',
  lte: 'at most',
  eq: 'exactly',
};

const plural = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`;

/** "Friday or Saturday"; "Monday, Wednesday or Friday". */
function orList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

export function describeTrigger(trigger: Trigger): string {
  switch (trigger.type) {
    case 'order.placed':
      return 'an order is placed';
    case 'order.status':
      return STATUS_WORDS[trigger.to];
    case 'item.unavailable':
      return 'a dish is marked unavailable (86)';
    case 'item.available':
      return 'a dish is back on';
    case 'ticket.late':
      return `a ticket waits ${plural(trigger.minutes, 'minute', 'minutes')} in ${STAGE_WORDS[trigger.stage]} without a bump`;
    case 'settings.changed':
      return 'the settings change';
  }
}

/**
 * `trigger` tells what "item" and "station" are about: the dishes on an order,
 * or the one dish an item trigger marked off or back. Without it the words are
 * an order's.
 */
export function describeCondition(
  condition: Condition,
  names: RuleNames,
  trigger?: TriggerType,
): string {
  const aboutOneDish = trigger !== undefined && !isOrderTrigger(trigger);
  switch (condition.field) {
    case 'orderType': {
      const not = condition.op === 'isNot' ? 'not ' : '';
      return `the order is ${not}${ORDER_TYPE_WORDS[condition.value]}`;
    }
    case 'total':
      return `the total is ${NUMBER_OP_WORDS[condition.op]} ${formatMoney(condition.value, names.currency, 'en-IE')}`;
    case 'item': {
      const dish = names.dishName(condition.value) ?? `dish #${condition.value}`;
      if (aboutOneDish) {
        return condition.op === 'contains' ? `the dish is ${dish}` : `the dish is not ${dish}`;
      }
      return condition.op === 'contains'
        ? `the order has ${dish}`
        : `the order does not have ${dish}`;
    }
    case 'station': {
      const station = STATION_WORDS[condition.value];
      if (aboutOneDish) {
        return condition.op === 'contains'
          ? `it is a ${station} dish`
          : `it is not a ${station} dish`;
      }
      return condition.op === 'contains'
        ? `a ${station} dish is on it`
        : `no ${station} dish is on it`;
    }
    case 'guestCount':
      return `the table is for ${GUEST_OP_WORDS[condition.op]} ${plural(condition.value, 'guest', 'guests')}`;
    case 'timeOfDay': {
      const { from, to } = condition.value;
      // Equal ends are the whole day (see timeInWindow), not an empty window.
      return from === to ? 'at any time of day' : `between ${from} and ${to}`;
    }
    case 'weekday': {
      const days = WEEKDAYS.filter((day) => condition.value.includes(day));
      if (days.length === WEEKDAYS.length) return 'on any day';
      return `on ${orList(days.map((day) => WEEKDAY_LABELS[day]))}`;
    }
  }
}

/**
 * The group's conditions joined by "and" or "or"; a nested group of more than
 * one condition goes in parentheses so "A and (B or C)" cannot be misread. An
 * empty group says nothing (it always passes), so it adds no words.
 */
export function describeGroup(
  group: ConditionGroup,
  names: RuleNames,
  trigger?: TriggerType,
): string {
  const parts: string[] = [];
  for (const entry of group.conditions) {
    if (!isGroup(entry)) {
      parts.push(describeCondition(entry, names, trigger));
      continue;
    }
    const inner = describeGroup(entry, names, trigger);
    if (inner === '') continue;
    parts.push(innerParts(entry) > 1 ? `(${inner})` : inner);
  }
  return parts.join(group.match === 'all' ? ' and ' : ' or ');
}

/** How many parts a group's words join, skipping empty groups as describeGroup does. */
function innerParts(group: ConditionGroup): number {
  return group.conditions.filter((entry) => !isGroup(entry) || innerParts(entry) > 0).length;
}

export function describeAction(action: Action | ActionInput): string {
  switch (action.type) {
    case 'webhook':
      return `call ${action.url.trim()}`;
    case 'notice': {
      // Sound defaults to on, as the schema fills it.
      const chime = action.sound === false ? '' : ' with a chime';
      return `show “${action.text.trim()}” on the staff screens${chime}`;
    }
    case 'accept':
      return 'accept the order';
    case 'rush':
      return 'mark the ticket as rush';
    case 'guestMessage':
      return `tell the guest “${action.text.trim()}”`;
  }
}

export function describeRule(rule: RuleBodyInput | RuleBody, names: RuleNames): string {
  const when = describeTrigger(rule.trigger);
  const conditions = describeGroup(rule.conditions, names, rule.trigger.type);
  // A top-level "or" after the trigger's "and" needs the parentheses too:
  // "when X and A or B" reads as "(X and A) or B".
  const wrapped =
    rule.conditions.match === 'any' && innerParts(rule.conditions) > 1
      ? `(${conditions})`
      : conditions;
  const actions = rule.actions.map((action) => describeAction(action));
  const does = actions.length === 0 ? 'do nothing' : actions.join(', then ');
  return `When ${when}${wrapped === '' ? '' : ` and ${wrapped}`}, ${does}`;
}
