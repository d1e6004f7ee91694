/**
 * For tests only: rules on the test fixture, and a scene with a rule and a
 * failed run for the procedure tests (access, bad input, junk) to name.
 */
import type { Kysely } from 'kysely';
import type { RuleBodyInput } from '@ticketrail/shared';
import { signedIn, type Fixture } from '../../test/support/fixture';
import type { Database } from '../db/schema';

/** "When an order is placed, show a notice": valid at any location, acting on nothing outside. */
export function sampleRule(overrides: Partial<RuleBodyInput> = {}): RuleBodyInput {
  return {
    name: 'Big order',
    enabled: true,
    trigger: { type: 'order.placed' },
    conditions: { match: 'all', conditions: [{ field: 'total', op: 'gte', value: 10_000 }] },
    actions: [{ type: 'notice', text: 'A big order came in', sound: true }],
    ...overrides,
  };
}

export interface AutomationScene {
  ruleId: number;
  /** A run of the rule that failed, for "Retry now". */
  failedRunId: number;
}

export async function buildAutomationScene(
  db: Kysely<Database>,
  f: Fixture,
): Promise<AutomationScene> {
  const manager = await signedIn(db, f.staff.manager);
  const { rule } = await manager.automation.create({ locationId: f.main.id, rule: sampleRule() });
  const run = await db
    .insertInto('automation_runs')
    .values({
      rule_id: rule.id,
      location_id: f.main.id,
      event_id: 1,
      action_index: 0,
      action: JSON.stringify(rule.actions[0]),
      summary: 'Order #001 placed',
      status: 'failed',
      attempts: 8,
      next_attempt_at: new Date(),
      last_error: 'The receiver answered 500.',
      last_status_code: 500,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ruleId: rule.id, failedRunId: run.id };
}
