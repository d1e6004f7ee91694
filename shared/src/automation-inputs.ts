/**
 * The inputs of the back office's automation procedures (server/src/automation/router.ts).
 */
import { z } from 'zod';
import { ruleBodySchema } from './automation-rules';
import { idSchema } from './schemas';

const ruleVersionSchema = z
  .number({ error: 'The version is a number.' })
  .int('The version is a whole number.')
  .min(1, 'The version starts at 1.');

export const automationLocationInputSchema = z.strictObject({ locationId: idSchema });
export const automationRuleInputSchema = z.strictObject({ ruleId: idSchema });

export const automationCreateInputSchema = z.strictObject({
  locationId: idSchema,
  rule: ruleBodySchema,
});

/** A save names the version the editor opened: a newer one saved since is a CONFLICT. */
export const automationUpdateInputSchema = z.strictObject({
  ruleId: idSchema,
  version: ruleVersionSchema,
  rule: ruleBodySchema,
});

export const automationDryRunInputSchema = z.strictObject({
  locationId: idSchema,
  rule: ruleBodySchema,
});

export const automationRunsInputSchema = z.strictObject({
  ruleId: idSchema,
  /** Runs older than this id, for the next page of history. */
  before: idSchema.optional(),
});

export const automationRetryInputSchema = z.strictObject({ runId: idSchema });
