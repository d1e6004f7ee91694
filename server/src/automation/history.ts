/**
 * A rule's run history (newest first: when, which event, what it did, how
 * it went, status code, time taken, attempts) and "Retry now" for a run that
 * failed or is waiting for its next attempt.
 */
import type { Kysely } from 'kysely';
import { actionSchema, type ActionType } from '@ticketrail/shared';
import type { AutomationRunStatus, Database } from '../db/schema';
import { invalid, notFound } from '../errors';
import { worksAt } from '../staff/access';
import type { StaffActor } from '../staff/sessions';
import { MAX_ATTEMPTS } from './backoff';
import { ruleForReading } from './manage';

const PAGE = 50;

export interface RunView {
  id: number;
  eventId: number;
  summary: string;
  actionIndex: number;
  /** What the run does; null if the stored action no longer reads. */
  actionType: ActionType | null;
  status: AutomationRunStatus;
  attempts: number;
  maxAttempts: number;
  statusCode: number | null;
  durationMs: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** When it is tried next, while it waits for a retry. */
  nextAttemptAt: string | null;
}

export async function runsOfRule(
  db: Kysely<Database>,
  actor: StaffActor,
  input: { ruleId: number; before?: number | undefined },
): Promise<{ runs: RunView[]; more: boolean }> {
  await ruleForReading(db, actor, input.ruleId);
  let query = db
    .selectFrom('automation_runs')
    .selectAll()
    .where('rule_id', '=', input.ruleId)
    .orderBy('id', 'desc')
    .limit(PAGE + 1);
  if (input.before !== undefined) query = query.where('id', '<', input.before);
  const rows = await query.execute();
  return {
    runs: rows.slice(0, PAGE).map((row) => ({
      id: row.id,
      eventId: row.event_id,
      summary: row.summary,
      actionIndex: row.action_index,
      actionType: actionSchema.safeParse(row.action).data?.type ?? null,
      status: row.status,
      attempts: row.attempts,
      maxAttempts: MAX_ATTEMPTS,
      statusCode: row.last_status_code,
      durationMs: row.last_duration_ms,
      error: row.last_error,
      createdAt: row.created_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
      nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    })),
    more: rows.length > PAGE,
  };
}

/**
 * Tries a failed or waiting run again now. A failed run gets a fresh set of
 * attempts (a person looked at it); a run that succeeded is never run again.
 */
export async function retryRun(
  db: Kysely<Database>,
  actor: StaffActor,
  runId: number,
  now: Date,
): Promise<{ id: number; status: 'pending' }> {
  return db.transaction().execute(async (trx) => {
    const run = await trx
      .selectFrom('automation_runs')
      .innerJoin('automation_rules', 'automation_rules.id', 'automation_runs.rule_id')
      .select([
        'automation_runs.id',
        'automation_runs.status',
        'automation_runs.location_id',
        'automation_rules.archived_at',
      ])
      .where('automation_runs.id', '=', runId)
      .forUpdate()
      .executeTakeFirst();
    if (!run || !worksAt(actor, run.location_id)) {
      throw notFound('That run does not exist, or is not at a location you manage.');
    }
    if (run.archived_at) throw invalid('The rule was deleted; its runs cannot be tried again.');
    if (run.status === 'succeeded') throw invalid('This run succeeded; it is not run again.');
    if (run.status === 'running') throw invalid('This run is being tried right now.');
    await trx
      .updateTable('automation_runs')
      .set({
        status: 'pending',
        next_attempt_at: now,
        finished_at: null,
        ...(run.status === 'failed' ? { attempts: 0 } : {}),
      })
      .where('id', '=', run.id)
      .execute();
    return { id: run.id, status: 'pending' as const };
  });
}
