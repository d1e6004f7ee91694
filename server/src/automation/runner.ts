/**
 * The runner: claims runs that are due, does their action, and records the
 * outcome, retrying failures with backoff (backoff.ts) until they succeed or
 * are parked as failed.
 *
 * A claim sets the run `running` with a lease and counts the attempt, in a
 * statement that takes only rows no other instance has locked (SKIP LOCKED),
 * so each run is worked by one instance at a time. The outcome is written
 * only while the claim still holds (same status and attempt); a run whose
 * instance died mid-call is claimed again once its lease has passed.
 *
 * - Actions inside Ticketrail (order-actions.ts) happen in the transaction
 *   that marks the run done: exactly once.
 * - A webhook cannot share a transaction with the receiver, so its run's key
 *   goes with every attempt as `webhook-id` (Standard Webhooks): a receiver
 *   that got a delivery whose answer was lost sees the same id again and
 *   keeps one. At most one attempt is ever recorded as succeeded.
 */
import type { Kysely, Selectable } from 'kysely';
import { actionSchema, triggerSchema, type Action } from '@ticketrail/shared';
import type { AutomationRunsTable, Database } from '../db/schema';
import { transact, type DomainEvent } from '../live/event-log';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff';
import { applyOrderAction, showNotice } from './order-actions';
import type { WebhookNetworkPolicy } from './webhook/address-guard';
import { sendWebhook } from './webhook/send';
import { webhookPayload } from './webhook-payload';

export type RunRow = Selectable<AutomationRunsTable>;

/**
 * How long a claim holds: past the longest webhook timeout (30 s), with room
 * to record the outcome. Only a run whose instance died waits this long.
 */
const LEASE_MS = 60_000;

export interface RunnerDeps {
  now: () => Date;
  policy: WebhookNetworkPolicy;
  random?: () => number;
  /** Aborted when the process stops: a webhook in flight gives up at once. */
  signal?: AbortSignal;
  log: (message: string) => void;
}

/** Claims up to `limit` due runs for this instance. */
export async function claimRuns(db: Kysely<Database>, now: Date, limit: number): Promise<RunRow[]> {
  return db
    .updateTable('automation_runs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      lease_until: new Date(now.getTime() + LEASE_MS),
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('automation_runs')
        .select('id')
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'pending'), w('next_attempt_at', '<=', now)]),
            w.and([w('status', '=', 'running'), w('lease_until', '<', now)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/** Does a claimed run's action and records how it went. */
export async function executeRun(
  db: Kysely<Database>,
  run: RunRow,
  deps: RunnerDeps,
): Promise<void> {
  const parsed = actionSchema.safeParse(run.action);
  if (!parsed.success) {
    await recordOutcome(db, run, deps, {
      ok: false,
      retry: false,
      error: 'The rule’s action could not be read; edit the rule and save it again.',
    });
    return;
  }
  const action = parsed.data;
  const rule = await db
    .selectFrom('automation_rules')
    .select(['name', 'secret', 'trigger'])
    .where('id', '=', run.rule_id)
    .executeTakeFirstOrThrow();

  if (action.type === 'webhook') {
    const event = await db
      .selectFrom('events')
      .select(['payload', 'created_at'])
      .where('id', '=', run.event_id)
      .executeTakeFirst();
    const started = deps.now();
    const outcome = await sendWebhook({
      url: action.url,
      secret: rule.secret,
      id: webhookId(run),
      timestamp: started,
      payload: webhookPayload({
        run,
        ruleName: rule.name,
        trigger: triggerSchema.parse(rule.trigger).type,
        now: started,
        event: (event?.payload as DomainEvent | undefined) ?? null,
        occurredAt: event?.created_at ?? run.created_at,
      }),
      timeoutMs: action.timeoutMs,
      policy: deps.policy,
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    await recordOutcome(db, run, deps, outcome);
    return;
  }

  await runInternal(db, run, action, rule.name, deps);
}

/** The idempotency key of a run's webhook: the same on every attempt. */
export const webhookId = (run: Pick<RunRow, 'rule_id' | 'event_id' | 'action_index'>) =>
  `msg_r${run.rule_id}_e${run.event_id}_a${run.action_index}`;

async function runInternal(
  db: Kysely<Database>,
  run: RunRow,
  action: Exclude<Action, { type: 'webhook' }>,
  ruleName: string,
  deps: RunnerDeps,
): Promise<void> {
  const started = Date.now();
  try {
    await transact(db, async (trx) => {
      // The claim must still be ours: the same attempt, still running.
      const held = await trx
        .selectFrom('automation_runs')
        .select('id')
        .where('id', '=', run.id)
        .where('status', '=', 'running')
        .where('attempts', '=', run.attempts)
        .forUpdate()
        .executeTakeFirst();
      if (!held) return;
      const now = deps.now();
      const words =
        action.type === 'notice'
          ? await showNotice(trx, {
              runId: run.id,
              locationId: run.location_id,
              orderId: run.order_id,
              ruleName,
              action,
              now,
            })
          : run.order_id
            ? await applyOrderAction(trx, run.order_id, action, now)
            : 'There is no order to act on.';
      await trx
        .updateTable('automation_runs')
        .set({
          status: 'succeeded',
          lease_until: null,
          last_error: null,
          last_status_code: null,
          last_duration_ms: Date.now() - started,
          finished_at: now,
        })
        .where('id', '=', run.id)
        .execute();
      deps.log(`[automation] run ${run.id} (${action.type}): ${words}`);
    });
  } catch (error) {
    deps.log(`[automation] run ${run.id} (${action.type}) failed: ${String(error)}`);
    await recordOutcome(db, run, deps, {
      ok: false,
      retry: true,
      error: 'Ticketrail could not make the change just now; it will try again.',
      durationMs: Date.now() - started,
    });
  }
}

type Outcome =
  | { ok: true; status: number; durationMs: number }
  | { ok: false; status?: number | null; durationMs?: number; error: string; retry: boolean };

/** Writes an attempt's outcome, if the claim still holds. */
async function recordOutcome(
  db: Kysely<Database>,
  run: RunRow,
  deps: RunnerDeps,
  outcome: Outcome,
): Promise<void> {
  const now = deps.now();
  const common = {
    lease_until: null,
    last_status_code: outcome.status ?? null,
    last_duration_ms: outcome.durationMs ?? null,
  };
  const parked = !outcome.ok && (!outcome.retry || run.attempts >= MAX_ATTEMPTS);
  const update = outcome.ok
    ? { ...common, status: 'succeeded' as const, last_error: null, finished_at: now }
    : parked
      ? { ...common, status: 'failed' as const, last_error: outcome.error, finished_at: now }
      : {
          ...common,
          status: 'pending' as const,
          last_error: outcome.error,
          next_attempt_at: new Date(now.getTime() + retryDelayMs(run.attempts, deps.random)),
        };
  await db
    .updateTable('automation_runs')
    .set(update)
    .where('id', '=', run.id)
    .where('status', '=', 'running')
    .where('attempts', '=', run.attempts)
    .execute();
}
