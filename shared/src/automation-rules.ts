/**
 * Automation rules (issue 15): when something happens at a location (the
 * trigger), and the event's facts pass the conditions, do the actions. One
 * zod schema for the editor and the server: the form shows the server's own
 * limits, and a rule the server stored is one the editor can open.
 *
 * A rule belongs to one location (its manager's authority), so its location
 * is its scope: it sees that location's events only.
 */
import { z } from 'zod';
import { ORDER_STATUSES, ORDER_TYPES, STATIONS } from './domain';
import { OPEN_ORDER_STATUSES, type OpenOrderStatus } from './order-machine';
import { freeText } from './schemas';
import { WEEKDAYS } from './settings-words';

// ---------------------------------------------------------------- triggers

/** Stages a ticket can wait in for a bump (the open ones): a late trigger watches one of them. */
export const LATE_STAGES = OPEN_ORDER_STATUSES;
export type LateStage = OpenOrderStatus;

/** Longest wait a late trigger watches: beyond a service, it is not late but forgotten. */
export const MAX_LATE_MINUTES = 240;

export const triggerSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('order.placed') }),
    z.strictObject({
      type: z.literal('order.status'),
      to: z.enum(ORDER_STATUSES, { error: 'Choose the status the order moves to.' }),
    }),
    z.strictObject({ type: z.literal('item.unavailable') }),
    z.strictObject({ type: z.literal('item.available') }),
    z.strictObject({
      type: z.literal('ticket.late'),
      stage: z.enum(LATE_STAGES, { error: 'Choose the stage a ticket waits in.' }),
      minutes: z
        .number({ error: 'The wait is a number of minutes.' })
        .int('The wait is a whole number of minutes.')
        .min(1, 'The wait is at least 1 minute.')
        .max(MAX_LATE_MINUTES, `The wait is at most ${MAX_LATE_MINUTES} minutes.`),
    }),
    z.strictObject({ type: z.literal('settings.changed') }),
  ],
  { error: 'Choose what starts the rule.' },
);
export type Trigger = z.infer<typeof triggerSchema>;
export type TriggerType = Trigger['type'];

/** Triggers whose event is an order: only they have order facts, and order actions. */
export const ORDER_TRIGGERS = ['order.placed', 'order.status', 'ticket.late'] as const;
export const isOrderTrigger = (type: TriggerType): boolean =>
  (ORDER_TRIGGERS as readonly string[]).includes(type);

// -------------------------------------------------------------- conditions

const NUMBER_OPS = ['gt', 'gte', 'lt', 'lte', 'eq'] as const;
export type NumberOp = (typeof NUMBER_OPS)[number];

const wholeNumber = (what: string, max: number) =>
  z
    .number({ error: `${what} is a number.` })
    .int(`${what} is a whole number.`)
    .min(0, `${what} is 0 or more.`)
    .max(max, `${what} is at most ${max}.`);

const timeOfDay = z
  .string({ error: 'A time is like 09:30.' })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'A time is like 09:30.');

const numberOp = z.enum(NUMBER_OPS, { error: 'Choose how to compare.' });

export const conditionSchema = z.discriminatedUnion(
  'field',
  [
    z.strictObject({
      field: z.literal('orderType'),
      op: z.enum(['is', 'isNot'], { error: 'Choose is or is not.' }),
      value: z.enum(ORDER_TYPES, { error: 'Choose dine-in, pickup or delivery.' }),
    }),
    /** The order's total in cents. */
    z.strictObject({
      field: z.literal('total'),
      op: numberOp,
      value: wholeNumber('The amount', 100_000_000),
    }),
    /** A dish on the order (order triggers) or the dish marked off or back (item triggers). */
    z.strictObject({
      field: z.literal('item'),
      op: z.enum(['contains', 'notContains'], { error: 'Choose contains or does not contain.' }),
      value: z
        .number({ error: 'Choose a dish.' })
        .int('Choose a dish.')
        .positive('Choose a dish.')
        .max(2_147_483_647, 'That dish id is out of range.'),
    }),
    z.strictObject({
      field: z.literal('station'),
      op: z.enum(['contains', 'notContains'], { error: 'Choose contains or does not contain.' }),
      value: z.enum(STATIONS, { error: `A station is one of ${STATIONS.join(', ')}.` }),
    }),
    /** How many the table is for (dine-in); an order that did not say never passes. */
    z.strictObject({
      field: z.literal('guestCount'),
      op: numberOp,
      value: wholeNumber('The number of guests', 1000),
    }),
    /** The event's time in the location's time zone; `from` after `to` runs past midnight. */
    z.strictObject({
      field: z.literal('timeOfDay'),
      op: z.literal('between', { error: 'A time of day is compared as between.' }),
      value: z.strictObject({ from: timeOfDay, to: timeOfDay }),
    }),
    z.strictObject({
      field: z.literal('weekday'),
      op: z.literal('in', { error: 'Weekdays are compared as one of.' }),
      value: z
        .array(z.enum(WEEKDAYS, { error: 'That is not a weekday.' }))
        .min(1, 'Choose at least one weekday.')
        .max(7, 'There are 7 weekdays.'),
    }),
  ],
  { error: 'Choose what to compare.' },
);
export type Condition = z.infer<typeof conditionSchema>;
export type ConditionField = Condition['field'];

/** Fields only an order has: a rule on another trigger cannot compare them. */
export const ORDER_FIELDS: readonly ConditionField[] = ['orderType', 'total', 'guestCount'];

export const MAX_CONDITIONS = 20;
/** Groups within groups: three levels say "(A and (B or (C and D)))"; deeper is unreadable. */
export const MAX_GROUP_DEPTH = 3;

export interface ConditionGroup {
  match: 'all' | 'any';
  conditions: (Condition | ConditionGroup)[];
}

// Input named too: without it zod takes the input as unknown, and a form's
// RuleBodyInput would hold `conditions: unknown`.
/**
 * A group entry is read as a group when it says `match`, and as a condition
 * otherwise: a plain union would try both and, failing, say only "Invalid
 * input", where the condition's own words ("Choose how to compare.") help.
 */
const entrySchema: z.ZodType<Condition | ConditionGroup, Condition | ConditionGroup> = z.lazy(
  () =>
    z.unknown().transform((value, context) => {
      const grouped = typeof value === 'object' && value !== null && 'match' in value;
      const parsed = grouped
        ? conditionGroupSchema.safeParse(value)
        : conditionSchema.safeParse(value);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) {
        context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      }
      return z.NEVER;
    }) as unknown as z.ZodType<Condition | ConditionGroup, Condition | ConditionGroup>,
);

export const conditionGroupSchema: z.ZodType<ConditionGroup, ConditionGroup> = z.lazy(() =>
  z.strictObject({
    match: z.enum(['all', 'any'], { error: 'A group matches all or any of its conditions.' }),
    conditions: z
      .array(entrySchema, { error: 'A group holds a list of conditions.' })
      .max(MAX_CONDITIONS, `A group holds at most ${MAX_CONDITIONS} conditions.`),
  }),
);

export const isGroup = (entry: Condition | ConditionGroup): entry is ConditionGroup =>
  'match' in entry;

/** Every condition in the tree, with how deep it sits (the top group is 1) and its path from the group. */
export function* walkConditions(
  group: ConditionGroup,
  depth = 1,
): Generator<{ condition: Condition; depth: number; path: (string | number)[] }> {
  for (const [index, entry] of group.conditions.entries()) {
    if (isGroup(entry)) {
      for (const inner of walkConditions(entry, depth + 1)) {
        yield { ...inner, path: ['conditions', index, ...inner.path] };
      }
    } else {
      yield { condition: entry, depth, path: ['conditions', index] };
    }
  }
}

function groupDepth(group: ConditionGroup): number {
  let deepest = 1;
  for (const entry of group.conditions) {
    if (isGroup(entry)) deepest = Math.max(deepest, 1 + groupDepth(entry));
  }
  return deepest;
}

// ----------------------------------------------------------------- actions

export const WEBHOOK_TIMEOUT_MS = { min: 1_000, max: 30_000, default: 10_000 } as const;

export const webhookUrlSchema = z
  .string({ error: 'The address is a web address.' })
  .trim()
  .max(2000, 'The address is at most 2000 characters.')
  .pipe(
    z.url({
      protocol: /^https?$/,
      error: 'The address starts with https:// (or http://) and names a server.',
    }),
  )
  // A password in the address would be shown to every manager and logged; the
  // signature already proves who sent the call.
  .refine(
    (text) => !/^https?:\/\/[^/?#]*@/i.test(text),
    'Put no user name or password in the address; the signature proves who sent it.',
  );

export const actionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('webhook'),
      url: webhookUrlSchema,
      timeoutMs: z
        .number({ error: 'The timeout is a number of milliseconds.' })
        .int('The timeout is a whole number of milliseconds.')
        .min(WEBHOOK_TIMEOUT_MS.min, 'The timeout is at least 1 second.')
        .max(WEBHOOK_TIMEOUT_MS.max, 'The timeout is at most 30 seconds.')
        .default(WEBHOOK_TIMEOUT_MS.default),
    }),
    /** A notice on the staff screens (kitchen and front of house), with a chime if asked. */
    z.strictObject({
      type: z.literal('notice'),
      text: freeText('Write the notice.')
        .trim()
        .min(1, 'Write the notice.')
        .max(200, 'A notice is at most 200 characters.'),
      sound: z.boolean({ error: 'Sound is on or off.' }).default(true),
    }),
    z.strictObject({ type: z.literal('accept') }),
    z.strictObject({ type: z.literal('rush') }),
    z.strictObject({
      type: z.literal('guestMessage'),
      text: freeText('Write the message.')
        .trim()
        .min(1, 'Write the message.')
        .max(300, 'A message to the guest is at most 300 characters.'),
    }),
  ],
  { error: 'Choose what the rule does.' },
);
export type Action = z.infer<typeof actionSchema>;
export type ActionType = Action['type'];

/** Actions on the event's order: a rule whose trigger is not an order cannot take them. */
export const ORDER_ACTIONS: readonly ActionType[] = ['accept', 'rush', 'guestMessage'];
export const MAX_ACTIONS = 5;

// -------------------------------------------------------------------- rule

export const ruleNameSchema = freeText('Name the rule.')
  .trim()
  .min(1, 'Name the rule.')
  .max(80, 'A rule’s name is at most 80 characters.');

export const ruleBodySchema = z
  .strictObject({
    name: ruleNameSchema,
    enabled: z.boolean({ error: 'A rule is on or off.' }),
    trigger: triggerSchema,
    conditions: conditionGroupSchema,
    actions: z
      .array(actionSchema, { error: 'A rule does a list of things.' })
      .min(1, 'Choose at least one thing the rule does.')
      .max(MAX_ACTIONS, `A rule does at most ${MAX_ACTIONS} things.`),
  })
  .superRefine((rule, context) => {
    if (groupDepth(rule.conditions) > MAX_GROUP_DEPTH) {
      context.addIssue({
        code: 'custom',
        path: ['conditions'],
        message: `Groups go at most ${MAX_GROUP_DEPTH} deep.`,
      });
    }
    let count = 0;
    const order = isOrderTrigger(rule.trigger.type);
    for (const { condition, path: inGroup } of walkConditions(rule.conditions)) {
      count += 1;
      // walkConditions' path starts at the group; the issue's starts at the rule.
      const path = ['conditions', ...inGroup];
      if (!order && ORDER_FIELDS.includes(condition.field)) {
        context.addIssue({
          code: 'custom',
          path: path,
          message: 'Only a rule about an order can compare its type, total or guests.',
        });
      }
      if (
        (rule.trigger.type === 'settings.changed' && condition.field === 'item') ||
        (rule.trigger.type === 'settings.changed' && condition.field === 'station')
      ) {
        context.addIssue({
          code: 'custom',
          path: path,
          message: 'A settings change has no dishes or stations to compare.',
        });
      }
    }
    if (count > MAX_CONDITIONS) {
      context.addIssue({
        code: 'custom',
        path: ['conditions'],
        message: `A rule has at most ${MAX_CONDITIONS} conditions.`,
      });
    }
    rule.actions.forEach((action, index) => {
      if (!order && ORDER_ACTIONS.includes(action.type)) {
        context.addIssue({
          code: 'custom',
          path: ['actions', index],
          message: 'Only a rule about an order can accept it, rush it or message its guest.',
        });
      }
      if (
        action.type === 'accept' &&
        !(
          rule.trigger.type === 'order.placed' ||
          (rule.trigger.type === 'ticket.late' && rule.trigger.stage === 'placed')
        )
      ) {
        context.addIssue({
          code: 'custom',
          path: ['actions', index],
          message: 'Only a new order can be accepted: use “an order is placed”.',
        });
      }
    });
  });
export type RuleBody = z.infer<typeof ruleBodySchema>;
/** What a form holds before zod fills the defaults (timeout, sound). */
export type RuleBodyInput = z.input<typeof ruleBodySchema>;

// ------------------------------------------------------------------- facts

/**
 * What a condition can compare, read off one event (server/src/automation/facts.ts).
 * A fact the event does not have is absent, and a condition on it does not pass.
 */
export interface EventFacts {
  trigger: TriggerType;
  /** For order.status: the status the order moved to. */
  status?: (typeof ORDER_STATUSES)[number];
  orderType?: (typeof ORDER_TYPES)[number];
  totalCents?: number;
  /** Menu item ids on the order, or the one dish marked off or back. */
  itemIds?: number[];
  stations?: (typeof STATIONS)[number][];
  guestCount?: number;
  /** "HH:MM" in the location's time zone, when the event happened. */
  localTime: string;
  weekday: (typeof WEEKDAYS)[number];
}
