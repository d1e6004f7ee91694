import { describe, expect, it } from 'vitest';
import type { Condition, ConditionGroup, RuleBodyInput } from './automation-rules';
import { MAX_CONDITIONS, ruleBodySchema } from './automation-rules';

const rule = (over: Partial<RuleBodyInput> = {}): RuleBodyInput => ({
  name: 'Big delivery orders',
  enabled: true,
  trigger: { type: 'order.placed' },
  conditions: { match: 'all', conditions: [] },
  actions: [{ type: 'notice', text: 'Big order' }],
  ...over,
});

/** Each issue as "path: message", so a test names both at once. */
function issues(input: unknown): string[] {
  const result = ruleBodySchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const soup: Condition = { field: 'item', op: 'contains', value: 12 };

describe('ruleBodySchema', () => {
  it('parses a good rule and fills the defaults', () => {
    const parsed = ruleBodySchema.parse(
      rule({
        name: '  Big delivery orders  ',
        conditions: {
          match: 'all',
          conditions: [
            { field: 'orderType', op: 'is', value: 'delivery' },
            {
              match: 'any',
              conditions: [
                { field: 'total', op: 'gt', value: 10_000 },
                { field: 'guestCount', op: 'gte', value: 8 },
              ],
            },
          ],
        },
        actions: [
          { type: 'webhook', url: ' https://hooks.example.com/x ' },
          { type: 'notice', text: ' Big order ' },
          { type: 'accept' },
        ],
      }),
    );
    expect(parsed.name).toBe('Big delivery orders');
    expect(parsed.actions).toEqual([
      { type: 'webhook', url: 'https://hooks.example.com/x', timeoutMs: 10_000 },
      { type: 'notice', text: 'Big order', sound: true },
      { type: 'accept' },
    ]);
    expect(parsed.conditions.conditions).toHaveLength(2);
  });

  it('keeps a sound that is off and a timeout that is set', () => {
    const parsed = ruleBodySchema.parse(
      rule({
        actions: [
          { type: 'notice', text: 'Quiet', sound: false },
          { type: 'webhook', url: 'http://10.0.0.5/hook', timeoutMs: 2_000 },
        ],
      }),
    );
    expect(parsed.actions).toEqual([
      { type: 'notice', text: 'Quiet', sound: false },
      { type: 'webhook', url: 'http://10.0.0.5/hook', timeoutMs: 2_000 },
    ]);
  });

  it('refuses order fields on an item trigger, at the condition’s path', () => {
    expect(
      issues(
        rule({
          trigger: { type: 'item.unavailable' },
          conditions: {
            match: 'all',
            conditions: [
              soup,
              { match: 'any', conditions: [{ field: 'total', op: 'gt', value: 100 }] },
            ],
          },
        }),
      ),
    ).toEqual([
      'conditions.conditions.1.conditions.0: Only a rule about an order can compare its type, total or guests.',
    ]);
  });

  it('refuses order actions on an item trigger, at the action’s path', () => {
    expect(
      issues(
        rule({
          trigger: { type: 'item.available' },
          actions: [
            { type: 'notice', text: 'Soup is back' },
            { type: 'rush' },
            { type: 'guestMessage', text: 'Hi' },
          ],
        }),
      ),
    ).toEqual([
      'actions.1: Only a rule about an order can accept it, rush it or message its guest.',
      'actions.2: Only a rule about an order can accept it, rush it or message its guest.',
    ]);
  });

  it('refuses dishes and stations on a settings change', () => {
    expect(
      issues(
        rule({
          trigger: { type: 'settings.changed' },
          conditions: {
            match: 'all',
            conditions: [soup, { field: 'station', op: 'contains', value: 'grill' }],
          },
        }),
      ),
    ).toEqual([
      'conditions.conditions.0: A settings change has no dishes or stations to compare.',
      'conditions.conditions.1: A settings change has no dishes or stations to compare.',
    ]);
  });

  it.each([
    [{ type: 'order.placed' as const }],
    [{ type: 'ticket.late' as const, stage: 'placed' as const, minutes: 5 }],
  ])('accepts an order on %o', (trigger) => {
    expect(issues(rule({ trigger, actions: [{ type: 'accept' }] }))).toEqual([]);
  });

  it.each([
    [{ type: 'order.status' as const, to: 'ready' as const }],
    [{ type: 'ticket.late' as const, stage: 'preparing' as const, minutes: 5 }],
  ])('refuses to accept an order on %o', (trigger) => {
    expect(issues(rule({ trigger, actions: [{ type: 'accept' }] }))).toEqual([
      'actions.0: Only a new order can be accepted: use “an order is placed”.',
    ]);
  });

  it('refuses accept on an item trigger with both reasons', () => {
    expect(
      issues(rule({ trigger: { type: 'item.unavailable' }, actions: [{ type: 'accept' }] })),
    ).toEqual([
      'actions.0: Only a rule about an order can accept it, rush it or message its guest.',
      'actions.0: Only a new order can be accepted: use “an order is placed”.',
    ]);
  });

  const nest = (depth: number): ConditionGroup =>
    depth === 1
      ? { match: 'all', conditions: [soup] }
      : { match: 'any', conditions: [soup, nest(depth - 1)] };

  it('takes groups three deep and refuses four', () => {
    expect(issues(rule({ conditions: nest(3) }))).toEqual([]);
    expect(issues(rule({ conditions: nest(4) }))).toEqual([
      'conditions: Groups go at most 3 deep.',
    ]);
  });

  it(`takes ${MAX_CONDITIONS} conditions across groups and refuses one more`, () => {
    const ten: Condition[] = Array.from({ length: 10 }, () => soup);
    const twenty: ConditionGroup = {
      match: 'all',
      conditions: [
        { match: 'any', conditions: ten },
        { match: 'any', conditions: ten },
      ],
    };
    expect(issues(rule({ conditions: twenty }))).toEqual([]);
    expect(
      issues(rule({ conditions: { ...twenty, conditions: [...twenty.conditions, soup] } })),
    ).toEqual(['conditions: A rule has at most 20 conditions.']);
  });

  it('refuses more than 20 entries in one group', () => {
    const group: ConditionGroup = {
      match: 'all',
      conditions: Array.from({ length: 21 }, () => soup),
    };
    expect(issues(rule({ conditions: group }))).toEqual([
      'conditions.conditions: A group holds at most 20 conditions.',
    ]);
  });

  it.each([
    [
      'ftp://hooks.example.com/x',
      'The address starts with https:// (or http://) and names a server.',
    ],
    ['hooks.example.com/x', 'The address starts with https:// (or http://) and names a server.'],
    [
      'https://user:secret@hooks.example.com/x',
      'Put no user name or password in the address; the signature proves who sent it.',
    ],
    [
      'https://token@hooks.example.com/x',
      'Put no user name or password in the address; the signature proves who sent it.',
    ],
  ])('refuses the webhook address %s', (url, message) => {
    expect(issues(rule({ actions: [{ type: 'webhook', url }] }))).toEqual([
      `actions.0.url: ${message}`,
    ]);
  });

  it('allows an @ after the host, in the path or query', () => {
    expect(
      issues(
        rule({ actions: [{ type: 'webhook', url: 'https://hooks.example.com/to/a@b?c=d@e' }] }),
      ),
    ).toEqual([]);
  });

  it('refuses a timeout out of range and an empty notice', () => {
    expect(
      issues(
        rule({
          actions: [
            { type: 'webhook', url: 'https://hooks.example.com/x', timeoutMs: 500 },
            { type: 'notice', text: '   ' },
          ],
        }),
      ),
    ).toEqual([
      'actions.0.timeoutMs: The timeout is at least 1 second.',
      'actions.1.text: Write the notice.',
    ]);
  });
});
