import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conditionPasses,
  groupPasses,
  ruleMatches,
  timeInWindow,
  triggerMatches,
} from './automation-evaluate';
import type { Condition, ConditionGroup, EventFacts, NumberOp, Trigger } from './automation-rules';
import { ORDER_STATUSES, ORDER_TYPES, STATIONS } from './domain';
import { WEEKDAYS } from './settings-words';

const facts = (over: Partial<EventFacts> = {}): EventFacts => ({
  trigger: 'order.placed',
  orderType: 'delivery',
  totalCents: 10_000,
  itemIds: [12, 30],
  stations: ['grill', 'cold'],
  guestCount: 6,
  localTime: '18:30',
  weekday: 'fri',
  ...over,
});

/** Facts with nothing but what every event has: a settings change, say. */
const bare = (over: Partial<EventFacts> = {}): EventFacts => ({
  trigger: 'settings.changed',
  localTime: '18:30',
  weekday: 'fri',
  ...over,
});

describe('triggerMatches', () => {
  it.each<[string, Trigger, EventFacts, boolean]>([
    ['placed on placed', { type: 'order.placed' }, facts(), true],
    [
      'placed on a status change',
      { type: 'order.placed' },
      facts({ trigger: 'order.status' }),
      false,
    ],
    [
      'status to ready on ready',
      { type: 'order.status', to: 'ready' },
      facts({ trigger: 'order.status', status: 'ready' }),
      true,
    ],
    [
      'status to ready on completed',
      { type: 'order.status', to: 'ready' },
      facts({ trigger: 'order.status', status: 'completed' }),
      false,
    ],
    [
      'status without a status fact',
      { type: 'order.status', to: 'ready' },
      facts({ trigger: 'order.status' }),
      false,
    ],
    [
      'status trigger on placed facts that carry the status',
      { type: 'order.status', to: 'placed' },
      facts({ trigger: 'order.placed', status: 'placed' }),
      false,
    ],
    [
      'unavailable on unavailable',
      { type: 'item.unavailable' },
      bare({ trigger: 'item.unavailable' }),
      true,
    ],
    [
      'unavailable on available',
      { type: 'item.unavailable' },
      bare({ trigger: 'item.available' }),
      false,
    ],
    [
      'available on available',
      { type: 'item.available' },
      bare({ trigger: 'item.available' }),
      true,
    ],
    [
      'late compares the type only',
      { type: 'ticket.late', stage: 'preparing', minutes: 10 },
      facts({ trigger: 'ticket.late' }),
      true,
    ],
    [
      'late on placed',
      { type: 'ticket.late', stage: 'placed', minutes: 5 },
      facts({ trigger: 'order.placed' }),
      false,
    ],
    ['settings on settings', { type: 'settings.changed' }, bare(), true],
    ['settings on placed', { type: 'settings.changed' }, facts(), false],
  ])('%s', (_name, trigger, event, expected) => {
    expect(triggerMatches(trigger, event)).toBe(expected);
  });

  it('a status trigger matches exactly the status it names', () => {
    for (const to of ORDER_STATUSES) {
      for (const status of ORDER_STATUSES) {
        expect(
          triggerMatches({ type: 'order.status', to }, facts({ trigger: 'order.status', status })),
        ).toBe(to === status);
      }
    }
  });
});

describe('conditionPasses', () => {
  it.each<[string, Condition, EventFacts, boolean]>([
    // order type
    ['type is delivery', { field: 'orderType', op: 'is', value: 'delivery' }, facts(), true],
    ['type is pickup', { field: 'orderType', op: 'is', value: 'pickup' }, facts(), false],
    ['type is not dine-in', { field: 'orderType', op: 'isNot', value: 'dine_in' }, facts(), true],
    [
      'type is not delivery',
      { field: 'orderType', op: 'isNot', value: 'delivery' },
      facts(),
      false,
    ],
    // total
    ['total gt below', { field: 'total', op: 'gt', value: 10_001 }, facts(), false],
    ['total gt equal', { field: 'total', op: 'gt', value: 10_000 }, facts(), false],
    ['total gt above', { field: 'total', op: 'gt', value: 9_999 }, facts(), true],
    ['total gte equal', { field: 'total', op: 'gte', value: 10_000 }, facts(), true],
    ['total gte above', { field: 'total', op: 'gte', value: 10_001 }, facts(), false],
    ['total lt equal', { field: 'total', op: 'lt', value: 10_000 }, facts(), false],
    ['total lt above', { field: 'total', op: 'lt', value: 10_001 }, facts(), true],
    ['total lte equal', { field: 'total', op: 'lte', value: 10_000 }, facts(), true],
    ['total lte below', { field: 'total', op: 'lte', value: 9_999 }, facts(), false],
    ['total eq equal', { field: 'total', op: 'eq', value: 10_000 }, facts(), true],
    ['total eq other', { field: 'total', op: 'eq', value: 10_001 }, facts(), false],
    [
      'total of zero gte 0',
      { field: 'total', op: 'gte', value: 0 },
      facts({ totalCents: 0 }),
      true,
    ],
    // item
    ['item contains present', { field: 'item', op: 'contains', value: 12 }, facts(), true],
    ['item contains missing', { field: 'item', op: 'contains', value: 13 }, facts(), false],
    ['item notContains present', { field: 'item', op: 'notContains', value: 12 }, facts(), false],
    ['item notContains missing', { field: 'item', op: 'notContains', value: 13 }, facts(), true],
    [
      'item notContains on no items',
      { field: 'item', op: 'notContains', value: 13 },
      facts({ itemIds: [] }),
      true,
    ],
    [
      'item contains on no items',
      { field: 'item', op: 'contains', value: 13 },
      facts({ itemIds: [] }),
      false,
    ],
    // station
    [
      'station contains present',
      { field: 'station', op: 'contains', value: 'grill' },
      facts(),
      true,
    ],
    [
      'station contains missing',
      { field: 'station', op: 'contains', value: 'bar' },
      facts(),
      false,
    ],
    [
      'station notContains present',
      { field: 'station', op: 'notContains', value: 'cold' },
      facts(),
      false,
    ],
    [
      'station notContains missing',
      { field: 'station', op: 'notContains', value: 'pastry' },
      facts(),
      true,
    ],
    // guests
    ['guests gt', { field: 'guestCount', op: 'gt', value: 5 }, facts(), true],
    ['guests gt equal', { field: 'guestCount', op: 'gt', value: 6 }, facts(), false],
    ['guests gte', { field: 'guestCount', op: 'gte', value: 6 }, facts(), true],
    ['guests lt', { field: 'guestCount', op: 'lt', value: 6 }, facts(), false],
    ['guests lte', { field: 'guestCount', op: 'lte', value: 6 }, facts(), true],
    ['guests eq', { field: 'guestCount', op: 'eq', value: 6 }, facts(), true],
    ['guests eq other', { field: 'guestCount', op: 'eq', value: 7 }, facts(), false],
    // time of day (facts at 18:30)
    [
      'inside a window',
      { field: 'timeOfDay', op: 'between', value: { from: '17:00', to: '22:00' } },
      facts(),
      true,
    ],
    [
      'before a window',
      { field: 'timeOfDay', op: 'between', value: { from: '19:00', to: '22:00' } },
      facts(),
      false,
    ],
    [
      'after a window',
      { field: 'timeOfDay', op: 'between', value: { from: '12:00', to: '18:30' } },
      facts(),
      false,
    ],
    [
      'at its start',
      { field: 'timeOfDay', op: 'between', value: { from: '18:30', to: '22:00' } },
      facts(),
      true,
    ],
    // weekday (facts on a Friday)
    ['weekday in', { field: 'weekday', op: 'in', value: ['fri', 'sat'] }, facts(), true],
    ['weekday not in', { field: 'weekday', op: 'in', value: ['sat', 'sun'] }, facts(), false],
    ['every weekday', { field: 'weekday', op: 'in', value: [...WEEKDAYS] }, facts(), true],
  ])('%s', (_name, condition, event, expected) => {
    expect(conditionPasses(condition, event)).toBe(expected);
  });

  describe('an absent fact never passes, negative ops included', () => {
    it.each<[string, Condition]>([
      ['orderType is', { field: 'orderType', op: 'is', value: 'dine_in' }],
      ['orderType isNot', { field: 'orderType', op: 'isNot', value: 'dine_in' }],
      ['total gt', { field: 'total', op: 'gt', value: 0 }],
      ['total gte 0', { field: 'total', op: 'gte', value: 0 }],
      ['total lt', { field: 'total', op: 'lt', value: 100 }],
      ['total lte', { field: 'total', op: 'lte', value: 100 }],
      ['total eq', { field: 'total', op: 'eq', value: 0 }],
      ['item contains', { field: 'item', op: 'contains', value: 1 }],
      ['item notContains', { field: 'item', op: 'notContains', value: 1 }],
      ['station contains', { field: 'station', op: 'contains', value: 'grill' }],
      ['station notContains', { field: 'station', op: 'notContains', value: 'grill' }],
      ['guestCount gt', { field: 'guestCount', op: 'gt', value: 0 }],
      ['guestCount lte', { field: 'guestCount', op: 'lte', value: 1000 }],
      ['guestCount eq', { field: 'guestCount', op: 'eq', value: 0 }],
    ])('%s', (_name, condition) => {
      expect(conditionPasses(condition, bare())).toBe(false);
    });
  });
});

describe('timeInWindow', () => {
  it.each<[string, string, string, boolean]>([
    // an ordinary window: from inclusive, to exclusive
    ['16:59', '17:00', '22:00', false],
    ['17:00', '17:00', '22:00', true],
    ['21:59', '17:00', '22:00', true],
    ['22:00', '17:00', '22:00', false],
    ['00:00', '17:00', '22:00', false],
    // past midnight
    ['21:59', '22:00', '02:00', false],
    ['22:00', '22:00', '02:00', true],
    ['23:59', '22:00', '02:00', true],
    ['00:00', '22:00', '02:00', true],
    ['01:59', '22:00', '02:00', true],
    ['02:00', '22:00', '02:00', false],
    ['12:00', '22:00', '02:00', false],
    // a window ending at midnight
    ['23:59', '18:00', '00:00', true],
    ['00:00', '18:00', '00:00', false],
    ['00:00', '00:00', '06:00', true],
    // equal ends are the whole day
    ['00:00', '09:00', '09:00', true],
    ['08:59', '09:00', '09:00', true],
    ['09:00', '09:00', '09:00', true],
    ['23:59', '00:00', '00:00', true],
  ])('%s in %s–%s is %s', (time, from, to, expected) => {
    expect(timeInWindow(time, from, to)).toBe(expected);
  });

  const time = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  it('back-to-back windows that cover the day split it: each time is in exactly one', () => {
    fc.assert(
      fc.property(time, time, time, (now, a, b) => {
        fc.pre(a !== b);
        expect(timeInWindow(now, a, b) !== timeInWindow(now, b, a)).toBe(true);
      }),
    );
  });

  it('the start is always in the window and the end never is (unless they are equal)', () => {
    fc.assert(
      fc.property(time, time, (from, to) => {
        expect(timeInWindow(from, from, to)).toBe(true);
        expect(timeInWindow(to, from, to)).toBe(from === to);
      }),
    );
  });
});

const over100: Condition = { field: 'total', op: 'gt', value: 10_000 };
const delivery: Condition = { field: 'orderType', op: 'is', value: 'delivery' };
const pickup: Condition = { field: 'orderType', op: 'is', value: 'pickup' };
const friday: Condition = { field: 'weekday', op: 'in', value: ['fri'] };
const sunday: Condition = { field: 'weekday', op: 'in', value: ['sun'] };

describe('groupPasses', () => {
  const rich = facts({ totalCents: 15_000 });

  it.each<[string, ConditionGroup, boolean]>([
    ['an empty all passes', { match: 'all', conditions: [] }, true],
    ['an empty any passes', { match: 'any', conditions: [] }, true],
    ['all of passing', { match: 'all', conditions: [over100, delivery, friday] }, true],
    ['all with one failing', { match: 'all', conditions: [over100, pickup, friday] }, false],
    ['any with one passing', { match: 'any', conditions: [pickup, sunday, delivery] }, true],
    ['any with none passing', { match: 'any', conditions: [pickup, sunday] }, false],
    [
      'all with a nested any that passes',
      { match: 'all', conditions: [over100, { match: 'any', conditions: [pickup, delivery] }] },
      true,
    ],
    [
      'all with a nested any that fails',
      { match: 'all', conditions: [over100, { match: 'any', conditions: [pickup, sunday] }] },
      false,
    ],
    [
      'any with a nested all that passes',
      { match: 'any', conditions: [pickup, { match: 'all', conditions: [delivery, friday] }] },
      true,
    ],
    [
      'any with a nested all that fails',
      { match: 'any', conditions: [pickup, { match: 'all', conditions: [delivery, sunday] }] },
      false,
    ],
    [
      'three levels deep',
      {
        match: 'all',
        conditions: [
          friday,
          {
            match: 'any',
            conditions: [pickup, { match: 'all', conditions: [delivery, over100] }],
          },
        ],
      },
      true,
    ],
    [
      'a nested empty group passes inside all',
      { match: 'all', conditions: [delivery, { match: 'any', conditions: [] }] },
      true,
    ],
  ])('%s', (_name, group, expected) => {
    expect(groupPasses(group, rich)).toBe(expected);
  });
});

describe('ruleMatches', () => {
  const rule = {
    trigger: { type: 'order.placed' } as const,
    conditions: { match: 'all', conditions: [delivery] } as ConditionGroup,
  };

  it('needs the trigger and the conditions', () => {
    expect(ruleMatches(rule, facts())).toBe(true);
    expect(ruleMatches(rule, facts({ orderType: 'pickup' }))).toBe(false);
    expect(ruleMatches(rule, facts({ trigger: 'order.status', status: 'placed' }))).toBe(false);
  });

  it('a rule with no conditions fires on every event its trigger matches', () => {
    const always = {
      trigger: { type: 'settings.changed' } as const,
      conditions: { match: 'any', conditions: [] } as ConditionGroup,
    };
    expect(ruleMatches(always, bare())).toBe(true);
    expect(ruleMatches(always, facts())).toBe(false);
  });
});

// ---------------------------------------------------------------- properties

const weekdayArb = fc.constantFrom(...WEEKDAYS);
const timeArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const itemIdArb = fc.integer({ min: 1, max: 8 });

const factsArb: fc.Arbitrary<EventFacts> = fc.record(
  {
    trigger: fc.constantFrom<EventFacts['trigger']>(
      'order.placed',
      'ticket.late',
      'item.unavailable',
    ),
    orderType: fc.constantFrom(...ORDER_TYPES),
    totalCents: fc.integer({ min: 0, max: 50_000 }),
    itemIds: fc.array(itemIdArb, { maxLength: 5 }),
    stations: fc.subarray([...STATIONS]),
    guestCount: fc.integer({ min: 0, max: 20 }),
    localTime: timeArb,
    weekday: weekdayArb,
  },
  { requiredKeys: ['trigger', 'localTime', 'weekday'] },
);

const numberOpArb = fc.constantFrom<NumberOp>('gt', 'gte', 'lt', 'lte', 'eq');

const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    field: fc.constant('orderType' as const),
    op: fc.constantFrom('is' as const, 'isNot' as const),
    value: fc.constantFrom(...ORDER_TYPES),
  }),
  fc.record({
    field: fc.constant('total' as const),
    op: numberOpArb,
    value: fc.integer({ min: 0, max: 50_000 }),
  }),
  fc.record({
    field: fc.constant('item' as const),
    op: fc.constantFrom('contains' as const, 'notContains' as const),
    value: itemIdArb,
  }),
  fc.record({
    field: fc.constant('station' as const),
    op: fc.constantFrom('contains' as const, 'notContains' as const),
    value: fc.constantFrom(...STATIONS),
  }),
  fc.record({
    field: fc.constant('guestCount' as const),
    op: numberOpArb,
    value: fc.integer({ min: 0, max: 20 }),
  }),
  fc.record({
    field: fc.constant('timeOfDay' as const),
    op: fc.constant('between' as const),
    value: fc.record({ from: timeArb, to: timeArb }),
  }),
  fc.record({
    field: fc.constant('weekday' as const),
    op: fc.constant('in' as const),
    value: fc.uniqueArray(weekdayArb, { minLength: 1, maxLength: 7 }),
  }),
);

const groupArb: fc.Arbitrary<ConditionGroup> = fc.letrec<{ group: ConditionGroup }>((tie) => ({
  group: fc.record({
    match: fc.constantFrom('all' as const, 'any' as const),
    conditions: fc.array(
      fc.oneof({ depthSize: 'small', withCrossShrink: true }, conditionArb, tie('group')),
      {
        maxLength: 4,
      },
    ),
  }),
})).group;

const entryPasses = (entry: Condition | ConditionGroup, event: EventFacts): boolean =>
  'match' in entry ? groupPasses(entry, event) : conditionPasses(entry, event);

describe('properties', () => {
  it('a non-empty "any" group passes iff some entry passes', () => {
    fc.assert(
      fc.property(groupArb, factsArb, (group, event) => {
        fc.pre(group.conditions.length > 0);
        const any = { match: 'any' as const, conditions: group.conditions };
        expect(groupPasses(any, event)).toBe(
          group.conditions.some((entry) => entryPasses(entry, event)),
        );
      }),
    );
  });

  it('an "all" group passes iff every entry passes', () => {
    fc.assert(
      fc.property(groupArb, factsArb, (group, event) => {
        const all = { match: 'all' as const, conditions: group.conditions };
        expect(groupPasses(all, event)).toBe(
          group.conditions.every((entry) => entryPasses(entry, event)),
        );
      }),
    );
  });

  it('contains and notContains: exactly one passes when the fact is present, neither when absent', () => {
    fc.assert(
      fc.property(
        factsArb,
        fc.oneof(
          itemIdArb.map((value) => ({ field: 'item' as const, value })),
          fc.constantFrom(...STATIONS).map((value) => ({ field: 'station' as const, value })),
        ),
        (event, target) => {
          const pair = (op: 'contains' | 'notContains'): Condition =>
            target.field === 'item' ? { ...target, op } : { ...target, op };
          const contains = conditionPasses(pair('contains'), event);
          const not = conditionPasses(pair('notContains'), event);
          const present = (target.field === 'item' ? event.itemIds : event.stations) !== undefined;
          expect(contains && not).toBe(false);
          expect(contains || not).toBe(present);
        },
      ),
    );
  });

  it('is and isNot: exactly one passes when the order type is known, neither when not', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...ORDER_TYPES), (event, value) => {
        const is = conditionPasses({ field: 'orderType', op: 'is', value }, event);
        const isNot = conditionPasses({ field: 'orderType', op: 'isNot', value }, event);
        expect(is && isNot).toBe(false);
        expect(is || isNot).toBe(event.orderType !== undefined);
      }),
    );
  });

  it('gt is lte negated, and lt is gte negated, when the total is present', () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 0, max: 50_000 }), (event, value) => {
        const pass = (op: 'gt' | 'gte' | 'lt' | 'lte') =>
          conditionPasses({ field: 'total', op, value }, event);
        if (event.totalCents === undefined) {
          expect([pass('gt'), pass('gte'), pass('lt'), pass('lte')]).toEqual([
            false,
            false,
            false,
            false,
          ]);
        } else {
          expect(pass('gt')).toBe(!pass('lte'));
          expect(pass('lt')).toBe(!pass('gte'));
        }
      }),
    );
  });

  it('a rule never matches an event of another trigger, whatever its conditions', () => {
    fc.assert(
      fc.property(groupArb, factsArb, (conditions, event) => {
        fc.pre(event.trigger !== 'settings.changed');
        expect(ruleMatches({ trigger: { type: 'settings.changed' }, conditions }, event)).toBe(
          false,
        );
      }),
    );
  });
});
