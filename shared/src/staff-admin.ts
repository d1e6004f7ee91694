/**
 * A manager's team (issue 14): the inputs of the staff pages' procedures.
 * The form and the server read the same limits, so the words a manager sees
 * under a field are the server's.
 */
import { z } from 'zod';
import { STAFF_ROLES } from './domain';
import { idSchema } from './schemas';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const MIN_PASSWORD_LENGTH = 8;
/** As many as sign-in accepts (loginInputSchema): a longer one could never be typed in. */
export const MAX_PASSWORD_LENGTH = 200;
export const MAX_STAFF_NAME_LENGTH = 80;

export const PASSWORD_RULE = `A password is ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`;

/** A new password; spaces count, so a passphrase is welcome. */
export const newPasswordSchema = z
  .string({ error: 'Please enter a password.' })
  .min(MIN_PASSWORD_LENGTH, PASSWORD_RULE)
  .max(MAX_PASSWORD_LENGTH, PASSWORD_RULE);

export const staffNameSchema = z
  .string({ error: 'Please give their name.' })
  .refine((value) => !CONTROL_CHARACTERS.test(value), 'Remove the control characters.')
  .trim()
  .min(1, 'Please give their name.')
  .max(MAX_STAFF_NAME_LENGTH, `A name is at most ${MAX_STAFF_NAME_LENGTH} characters.`);

/** Stored as sign-in reads it: trimmed and lower case. */
export const staffEmailSchema = z
  .string({ error: 'Please give their email address.' })
  .trim()
  .toLowerCase()
  .pipe(z.email('That is not an email address.').max(200, 'An email is at most 200 characters.'));

export const staffRoleSchema = z.enum(STAFF_ROLES, {
  error: 'A role is manager, kitchen or front of house.',
});

/** The locations someone works at: at least one, each once. */
const locationIdsSchema = z
  .array(idSchema, { error: 'Choose the locations they work at.' })
  .min(1, 'Choose at least one location.')
  .max(100, 'That is too many locations.')
  .refine((ids) => new Set(ids).size === ids.length, 'Each location once, please.');

export const staffAddInputSchema = z.strictObject({
  locationId: idSchema,
  name: staffNameSchema,
  email: staffEmailSchema,
  role: staffRoleSchema,
  password: newPasswordSchema,
});

export const staffUpdateInputSchema = z.strictObject({
  staffId: idSchema,
  name: staffNameSchema,
  role: staffRoleSchema,
  /** Left out: where they work stays as it is. */
  locationIds: locationIdsSchema.optional(),
});

export const staffSetPasswordInputSchema = z.strictObject({
  staffId: idSchema,
  password: newPasswordSchema,
});

export const changeOwnPasswordInputSchema = z.strictObject({
  currentPassword: z
    .string({ error: 'Please enter your current password.' })
    .min(1, 'Please enter your current password.')
    .max(MAX_PASSWORD_LENGTH, 'That is not your current password.'),
  newPassword: newPasswordSchema,
});

export type StaffAddInput = z.infer<typeof staffAddInputSchema>;
export type StaffUpdateInput = z.infer<typeof staffUpdateInputSchema>;
