/** A member of staff as the back office sees them (`staff.list`), inferred from the server. */
import type { RouterOutputs } from '@ticketrail/server';
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@ticketrail/shared';

export type StaffMember = RouterOutputs['staff']['list']['staff'][number];

/** The role select's choices, in the order the roles are listed. */
export const ROLE_CHOICES: readonly { value: StaffRole; label: string }[] = STAFF_ROLES.map(
  (role) => ({ value: role, label: ROLE_LABELS[role] }),
);

export function isRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/** A role as the words after "is now": "a manager", "kitchen staff". */
export const ROLE_NOUNS: Record<StaffRole, string> = {
  manager: 'a manager',
  kitchen: 'kitchen staff',
  front_of_house: 'front-of-house staff',
};
