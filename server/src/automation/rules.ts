/**
 * A location's rules as stored. Every row is parsed with the shared schema
 * when read: the worker acts only on rules the editor would accept, so a row
 * changed by hand, or written by an older version, cannot make it do
 * something no one could have asked for.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { ruleBodySchema, type RuleBody } from '@ticketrail/shared';
import type { AutomationRulesTable, Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredRule extends RuleBody {
  id: number;
  locationId: number;
  version: number;
  /** Events up to this id happened before the rule existed: it never acts on them. */
  startsAfterEventId: number;
  createdAt: string;
  updatedAt: string;
}

export type RuleRow = Selectable<AutomationRulesTable>;

/** The rule in a row, or null when the row no longer passes the schema. */
export function parseRule(row: RuleRow): StoredRule | null {
  const body = ruleBodySchema.safeParse({
    name: row.name,
    enabled: row.enabled,
    trigger: row.trigger,
    conditions: row.conditions,
    actions: row.actions,
  });
  if (!body.success) return null;
  return {
    ...body.data,
    id: row.id,
    locationId: row.location_id,
    version: row.version,
    startsAfterEventId: row.starts_after_event_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The rules in use at a location (not deleted), switched on or not, oldest first. */
export async function rulesAt(db: Db, locationId: number): Promise<StoredRule[]> {
  const rows = await db
    .selectFrom('automation_rules')
    .selectAll()
    .where('location_id', '=', locationId)
    .where('archived_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(parseRule).filter((rule): rule is StoredRule => rule !== null);
}

/** The switched-on rules of a location: the ones the matcher runs. */
export async function enabledRulesAt(db: Db, locationId: number): Promise<StoredRule[]> {
  return (await rulesAt(db, locationId)).filter((rule) => rule.enabled);
}

/** Locations with at least one switched-on rule: the only ones the matcher reads. */
export async function locationsWithRules(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('automation_rules')
    .select('location_id')
    .distinct()
    .where('archived_at', 'is', null)
    .where('enabled', '=', true)
    .execute();
  return rows.map((row) => row.location_id);
}
