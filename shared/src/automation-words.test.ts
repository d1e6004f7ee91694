import { describe, expect, it } from 'vitest';
import type { Action, Condition, ConditionGroup, RuleBodyInput, Trigger } from './automation-rules';
import {
  describeAction,
  describeCondition,
  describeGroup,
  describeRule,
  describeTrigger,
} from './automation-words';
import type { OrderStatus } from './domain';

const names = {
  currency: 'EUR',
  dishName: (id: number) => ({ 12: 'Soup', 30: 'Chips' })[id],
};

describe('describeTrigger', () => {
  it.each<[Trigger, string]>([
    [{ type: 'order.placed' }, 'an order is placed'],
    [{ type: 'item.unavailable' }, 'a dish is marked unavailable (86)'],
    [{ type: 'item.available' }, 'a dish is back on'],
    [
      { type: 'ticket.late', stage: 'preparing', minutes: 10 },
      'a ticket waits 10 minutes in Preparing without a bump',
    ],
    [
      { type: 'ticket.late', stage: 'placed', minutes: 1 },
      'a ticket waits 1 minute in Placed without a bump',
    ],
    [{ type: 'settings.changed' }, 'the settings change'],
  ])('%o', (trigger, words) => {
    expect(describeTrigger(trigger)).toBe(words);
  });

  it.each<[OrderStatus, string]>([
    ['placed', 'an order is placed'],
    ['accepted', 'an order is accepted'],
    ['preparing', 'an order is started'],
    ['ready', 'an order becomes ready'],
    ['completed', 'an order is completed'],
    ['rejected', 'an order is rejected'],
    ['cancelled', 'an order is cancelled'],
  ])('a status change to %s', (to, words) => {
    expect(describeTrigger({ type: 'order.status', to })).toBe(words);
  });
});

describe('describeCondition', () => {
  it.each<[Condition, string]>([
    [{ field: 'orderType', op: 'is', value: 'delivery' }, 'the order is for delivery'],
    [{ field: 'orderType', op: 'is', value: 'pickup' }, 'the order is for pickup'],
    [{ field: 'orderType', op: 'is', value: 'dine_in' }, 'the order is dine-in'],
    [{ field: 'orderType', op: 'isNot', value: 'dine_in' }, 'the order is not dine-in'],
    [{ field: 'orderType', op: 'isNot', value: 'delivery' }, 'the order is not for delivery'],
    [{ field: 'total', op: 'gt', value: 10_000 }, 'the total is over €100.00'],
    [{ field: 'total', op: 'gte', value: 2_550 }, 'the total is at least €25.50'],
    [{ field: 'total', op: 'lt', value: 999 }, 'the total is under €9.99'],
    [{ field: 'total', op: 'lte', value: 0 }, 'the total is at most €0.00'],
    [{ field: 'total', op: 'eq', value: 123_456 }, 'the total is exactly €1,234.56'],
    [{ field: 'item', op: 'contains', value: 12 }, 'the order has Soup'],
    [{ field: 'item', op: 'notContains', value: 12 }, 'the order does not have Soup'],
    [{ field: 'item', op: 'contains', value: 99 }, 'the order has dish #99'],
    [{ field: 'station', op: 'contains', value: 'grill' }, 'a Grill dish is on it'],
    [{ field: 'station', op: 'notContains', value: 'bar' }, 'no Bar dish is on it'],
    [{ field: 'guestCount', op: 'gt', value: 6 }, 'the table is for more than 6 guests'],
    [{ field: 'guestCount', op: 'gte', value: 1 }, 'the table is for at least 1 guest'],
    [{ field: 'guestCount', op: 'lt', value: 3 }, 'the table is for fewer than 3 guests'],
    [{ field: 'guestCount', op: 'lte', value: 2 }, 'the table is for at most 2 guests'],
    [{ field: 'guestCount', op: 'eq', value: 4 }, 'the table is for exactly 4 guests'],
    [
      { field: 'timeOfDay', op: 'between', value: { from: '17:00', to: '22:00' } },
      'between 17:00 and 22:00',
    ],
    [
      { field: 'timeOfDay', op: 'between', value: { from: '22:00', to: '02:00' } },
      'between 22:00 and 02:00',
    ],
    [
      { field: 'timeOfDay', op: 'between', value: { from: '09:00', to: '09:00' } },
      'at any time of day',
    ],
    [{ field: 'weekday', op: 'in', value: ['fri'] }, 'on Friday'],
    [{ field: 'weekday', op: 'in', value: ['sat', 'fri'] }, 'on Friday or Saturday'],
    [
      { field: 'weekday', op: 'in', value: ['fri', 'mon', 'wed'] },
      'on Monday, Wednesday or Friday',
    ],
    [
      { field: 'weekday', op: 'in', value: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
      'on any day',
    ],
  ])('%o', (condition, words) => {
    expect(describeCondition(condition, names)).toBe(words);
  });

  it('speaks of the one dish on an item trigger', () => {
    const about = 'item.unavailable';
    expect(describeCondition({ field: 'item', op: 'contains', value: 12 }, names, about)).toBe(
      'the dish is Soup',
    );
    expect(describeCondition({ field: 'item', op: 'notContains', value: 30 }, names, about)).toBe(
      'the dish is not Chips',
    );
    expect(
      describeCondition({ field: 'station', op: 'contains', value: 'fry' }, names, about),
    ).toBe('it is a Fryer dish');
    expect(
      describeCondition({ field: 'station', op: 'notContains', value: 'bar' }, names, about),
    ).toBe('it is not a Bar dish');
  });

  it('formats money in the location’s currency', () => {
    expect(
      describeCondition({ field: 'total', op: 'gt', value: 5_000 }, { ...names, currency: 'GBP' }),
    ).toBe('the total is over £50.00');
  });
});

const delivery: Condition = { field: 'orderType', op: 'is', value: 'delivery' };
const soup: Condition = { field: 'item', op: 'contains', value: 12 };
const late: Condition = {
  field: 'timeOfDay',
  op: 'between',
  value: { from: '22:00', to: '02:00' },
};
const empty = (match: 'all' | 'any'): ConditionGroup => ({ match, conditions: [] });

describe('describeGroup', () => {
  it.each<[string, ConditionGroup, string]>([
    ['an empty group says nothing', empty('all'), ''],
    ['one condition', { match: 'any', conditions: [soup] }, 'the order has Soup'],
    [
      'all joins with and',
      { match: 'all', conditions: [delivery, soup] },
      'the order is for delivery and the order has Soup',
    ],
    [
      'any joins with or',
      { match: 'any', conditions: [delivery, soup, late] },
      'the order is for delivery or the order has Soup or between 22:00 and 02:00',
    ],
    [
      'a nested group goes in parentheses',
      { match: 'all', conditions: [delivery, { match: 'any', conditions: [soup, late] }] },
      'the order is for delivery and (the order has Soup or between 22:00 and 02:00)',
    ],
    [
      'three levels',
      {
        match: 'any',
        conditions: [
          delivery,
          { match: 'all', conditions: [soup, { match: 'any', conditions: [late, delivery] }] },
        ],
      },
      'the order is for delivery or (the order has Soup and (between 22:00 and 02:00 or the order is for delivery))',
    ],
    [
      'a nested group of one needs no parentheses',
      { match: 'all', conditions: [delivery, { match: 'any', conditions: [soup] }] },
      'the order is for delivery and the order has Soup',
    ],
    [
      'nested empty groups say nothing',
      {
        match: 'all',
        conditions: [empty('any'), delivery, { match: 'any', conditions: [empty('all'), soup] }],
      },
      'the order is for delivery and the order has Soup',
    ],
  ])('%s', (_name, group, words) => {
    expect(describeGroup(group, names)).toBe(words);
  });
});

describe('describeAction', () => {
  it.each<[Action, string]>([
    [
      { type: 'webhook', url: 'https://hooks.example.com/x', timeoutMs: 10_000 },
      'call https://hooks.example.com/x',
    ],
    [
      { type: 'notice', text: 'Big order', sound: true },
      'show “Big order” on the staff screens with a chime',
    ],
    [{ type: 'notice', text: 'Big order', sound: false }, 'show “Big order” on the staff screens'],
    [{ type: 'accept' }, 'accept the order'],
    [{ type: 'rush' }, 'mark the ticket as rush'],
    [{ type: 'guestMessage', text: 'Your table is ready' }, 'tell the guest “Your table is ready”'],
  ])('%o', (action, words) => {
    expect(describeAction(action)).toBe(words);
  });

  it('reads a form’s action before defaults are filled: the chime is on by default', () => {
    expect(describeAction({ type: 'notice', text: 'Big order' })).toBe(
      'show “Big order” on the staff screens with a chime',
    );
  });
});

describe('describeRule', () => {
  const base: RuleBodyInput = {
    name: 'Big orders',
    enabled: true,
    trigger: { type: 'order.placed' },
    conditions: { match: 'all', conditions: [{ field: 'total', op: 'gt', value: 10_000 }] },
    actions: [{ type: 'webhook', url: 'https://hooks.example.com/x' }],
  };

  it('says the trigger, the conditions and the action', () => {
    expect(describeRule(base, names)).toBe(
      'When an order is placed and the total is over €100.00, call https://hooks.example.com/x',
    );
  });

  it('leaves out conditions when there are none', () => {
    expect(describeRule({ ...base, conditions: empty('any') }, names)).toBe(
      'When an order is placed, call https://hooks.example.com/x',
    );
  });

  it('joins actions with "then"', () => {
    expect(
      describeRule(
        {
          ...base,
          actions: [
            { type: 'accept' },
            { type: 'rush' },
            { type: 'notice', text: 'VIP', sound: false },
          ],
        },
        names,
      ),
    ).toBe(
      'When an order is placed and the total is over €100.00, accept the order, then mark the ticket as rush, then show “VIP” on the staff screens',
    );
  });

  it('puts a top-level "any" in parentheses after the trigger', () => {
    expect(
      describeRule({ ...base, conditions: { match: 'any', conditions: [delivery, soup] } }, names),
    ).toBe(
      'When an order is placed and (the order is for delivery or the order has Soup), call https://hooks.example.com/x',
    );
  });

  it('speaks of the dish on an item trigger', () => {
    expect(
      describeRule(
        {
          ...base,
          trigger: { type: 'item.unavailable' },
          conditions: { match: 'all', conditions: [soup] },
          actions: [{ type: 'notice', text: 'Soup is 86' }],
        },
        names,
      ),
    ).toBe(
      'When a dish is marked unavailable (86) and the dish is Soup, show “Soup is 86” on the staff screens with a chime',
    );
  });

  it('describes a late ticket rule', () => {
    expect(
      describeRule(
        {
          ...base,
          trigger: { type: 'ticket.late', stage: 'preparing', minutes: 10 },
          conditions: {
            match: 'all',
            conditions: [{ field: 'station', op: 'contains', value: 'grill' }],
          },
          actions: [{ type: 'rush' }, { type: 'guestMessage', text: 'Sorry for the wait' }],
        },
        names,
      ),
    ).toBe(
      'When a ticket waits 10 minutes in Preparing without a bump and a Grill dish is on it, mark the ticket as rush, then tell the guest “Sorry for the wait”',
    );
  });
});
