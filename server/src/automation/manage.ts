/**
 * A manager's rules: list, create, edit, switch on and off, delete, and a new
 * signing secret. Each rule belongs to one location, so a manager sees and
 * changes only the rules of the locations they manage.
 *
 * A rule acts only on events after it was made or last switched on
 * (`starts_after_event_id`): a rule switched on at 9 pm does not go back and
 * call its webhook for the lunch service.
 */
import type { Kysely, Transaction } from 'kysely';
import { rooms, type RuleBody } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { conflict, notFound } from '../errors';
import { roomHead } from '../live/event-log';
import { assertWorksAt, worksAt } from '../staff/access';
import type { StaffActor } from '../staff/sessions';
import { parseRule, rulesAt, type StoredRule } from './rules';
import { generateWebhookSecret } from './webhook/send';

const NO_RULE = 'That rule does not exist, or is not at a location you manage.';

/** A rule as the back office shows it: never its secret, which is shown once. */
export type ManagedRule = StoredRule & { hasWebhook: boolean };

const managed = (rule: StoredRule): ManagedRule => ({
  ...rule,
  hasWebhook: rule.actions.some((action) => action.type === 'webhook'),
});

export async function listRules(
  db: Kysely<Database>,
  actor: StaffActor,
  locationId: number,
): Promise<ManagedRule[]> {
  assertWorksAt(actor, locationId);
  return (await rulesAt(db, locationId)).map(managed);
}

/** The newest event the matcher reads (matcher.ts): a rule made or switched on now starts after it. */
const headOf = (trx: Transaction<Database>, locationId: number) =>
  roomHead(trx, rooms.kitchen(locationId));

/** Creates a rule; the answer carries its webhook secret, the only time it is shown. */
export async function createRule(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { locationId: number; rule: RuleBody },
  now: Date,
): Promise<{ rule: ManagedRule; secret: string }> {
  assertWorksAt(actor, input.locationId);
  const secret = generateWebhookSecret();
  const row = await db.transaction().execute(async (trx) => {
    const head = await headOf(trx, input.locationId);
    // The matcher reads a location from its cursor; the first rule starts it at the head.
    await trx
      .insertInto('automation_cursors')
      .values({ location_id: input.locationId, last_event_id: head, updated_at: now })
      .onConflict((conflict) => conflict.column('location_id').doNothing())
      .execute();
    return trx
      .insertInto('automation_rules')
      .values({
        location_id: input.locationId,
        ...ruleColumns(input.rule),
        secret,
        starts_after_event_id: head,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  return { rule: managed(parsedOrFail(row)), secret };
}

export async function updateRule(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { ruleId: number; version: number; rule: RuleBody },
  now: Date,
): Promise<ManagedRule> {
  const row = await db.transaction().execute(async (trx) => {
    const current = await lockRule(trx, actor, input.ruleId);
    if (current.version !== input.version) {
      throw conflict(
        `Someone saved “${current.name}” since you opened it. Open it again to see their change.`,
      );
    }
    const switchedOn = input.rule.enabled && !current.enabled;
    return trx
      .updateTable('automation_rules')
      .set({
        ...ruleColumns(input.rule),
        version: current.version + 1,
        updated_at: now,
        ...(switchedOn ? { starts_after_event_id: await headOf(trx, current.location_id) } : {}),
      })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  return managed(parsedOrFail(row));
}

/**
 * Deletes a rule: archived, so its run history stays readable; its waiting
 * timers go, and runs not yet done are parked, since a deleted rule must stop.
 */
export async function deleteRule(
  db: Kysely<Database>,
  actor: StaffActor,
  ruleId: number,
  now: Date,
): Promise<{ id: number }> {
  await db.transaction().execute(async (trx) => {
    const rule = await lockRule(trx, actor, ruleId);
    await trx
      .updateTable('automation_rules')
      .set({ archived_at: now, enabled: false, updated_at: now })
      .where('id', '=', rule.id)
      .execute();
    await trx.deleteFrom('automation_timers').where('rule_id', '=', rule.id).execute();
    await trx
      .updateTable('automation_runs')
      .set({ status: 'failed', last_error: 'The rule was deleted.', finished_at: now })
      .where('rule_id', '=', rule.id)
      .where('status', '=', 'pending')
      .execute();
  });
  return { id: ruleId };
}

/** A new signing secret, shown once; the old one stops at once. */
export async function rotateSecret(
  db: Kysely<Database>,
  actor: StaffActor,
  ruleId: number,
  now: Date,
): Promise<{ id: number; secret: string }> {
  const secret = generateWebhookSecret();
  await db.transaction().execute(async (trx) => {
    const rule = await lockRule(trx, actor, ruleId);
    await trx
      .updateTable('automation_rules')
      .set({ secret, updated_at: now })
      .where('id', '=', rule.id)
      .execute();
  });
  return { id: ruleId, secret };
}

/** The rule's row, locked, if it is in use at a location the actor works at. */
export async function lockRule(trx: Transaction<Database>, actor: StaffActor, ruleId: number) {
  const row = await trx
    .selectFrom('automation_rules')
    .selectAll()
    .where('id', '=', ruleId)
    .where('archived_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!row || !worksAt(actor, row.location_id)) throw notFound(NO_RULE);
  return row;
}

/** The rule's row, unlocked, for reading its history (deleted rules included). */
export async function ruleForReading(db: Kysely<Database>, actor: StaffActor, ruleId: number) {
  const row = await db
    .selectFrom('automation_rules')
    .select(['id', 'location_id', 'name'])
    .where('id', '=', ruleId)
    .executeTakeFirst();
  if (!row || !worksAt(actor, row.location_id)) throw notFound(NO_RULE);
  return row;
}

function ruleColumns(rule: RuleBody) {
  return {
    name: rule.name,
    enabled: rule.enabled,
    trigger: JSON.stringify(rule.trigger),
    conditions: JSON.stringify(rule.conditions),
    actions: JSON.stringify(rule.actions),
  };
}

function parsedOrFail(row: Parameters<typeof parseRule>[0]): StoredRule {
  const rule = parseRule(row);
  // It was written from a parsed body a moment ago: failing here is a bug, not bad input.
  if (!rule) throw new Error(`Rule ${row.id} does not read back as a rule`);
  return rule;
}
