import {
  automationCreateInputSchema,
  automationDryRunInputSchema,
  automationLocationInputSchema,
  automationRetryInputSchema,
  automationRuleInputSchema,
  automationRunsInputSchema,
  automationUpdateInputSchema,
} from '@ticketrail/shared';
import { managerProcedure, router } from '../trpc';
import { dryRun } from './dry-run';
import { retryRun, runsOfRule } from './history';
import { createRule, deleteRule, listRules, rotateSecret, updateRule } from './manage';

/**
 * The back office's automation rules (issue 15): managers only, at their own
 * locations. The rules themselves run in the worker (worker.ts), from the
 * event log; these procedures keep them and show what they did.
 */
export const automationRouter = router({
  list: managerProcedure
    .input(automationLocationInputSchema)
    .query(({ ctx, input }) => listRules(ctx.db, ctx.staff, input.locationId)),

  /** The answer carries the rule's webhook secret: the only time it is shown. */
  create: managerProcedure
    .input(automationCreateInputSchema)
    .mutation(({ ctx, input }) => createRule(ctx.db, ctx.staff, input, ctx.now())),

  /** A stale `version` is a CONFLICT. */
  update: managerProcedure
    .input(automationUpdateInputSchema)
    .mutation(({ ctx, input }) => updateRule(ctx.db, ctx.staff, input, ctx.now())),

  delete: managerProcedure
    .input(automationRuleInputSchema)
    .mutation(({ ctx, input }) => deleteRule(ctx.db, ctx.staff, input.ruleId, ctx.now())),

  rotateSecret: managerProcedure
    .input(automationRuleInputSchema)
    .mutation(({ ctx, input }) => rotateSecret(ctx.db, ctx.staff, input.ruleId, ctx.now())),

  /** Which of the last 50 events the rule as written would have acted on. */
  dryRun: managerProcedure
    .input(automationDryRunInputSchema)
    .query(({ ctx, input }) => dryRun(ctx.db, ctx.staff, input, ctx.settingsLocks, ctx.now())),

  runs: managerProcedure
    .input(automationRunsInputSchema)
    .query(({ ctx, input }) => runsOfRule(ctx.db, ctx.staff, input)),

  retry: managerProcedure
    .input(automationRetryInputSchema)
    .mutation(({ ctx, input }) => retryRun(ctx.db, ctx.staff, input.runId, ctx.now())),
});
