/**
 * Taking an order off the board without making it: a new one is rejected, one
 * in the works is cancelled, always with a reason the guest sees. Who may do
 * which comes from shared/permissions.ts, the rules the server checks; the
 * board only shows what the signed-in role may do, and says who can do the rest.
 */
import {
  checkTransition,
  mayMoveOrderTo,
  STAFF_ROLES,
  type OrderStatus,
  type StaffRole,
} from '@ticketrail/shared';

export type CloseTo = 'rejected' | 'cancelled';

/** The reasons a cook taps; "Other…" takes free text (reasonSchema: at most 200 characters). */
export const PRESET_REASONS = [
  'Out of an ingredient',
  'Kitchen closing',
  'Duplicate order',
  'Too busy right now',
] as const;

export const REASON_MAX_LENGTH = 200;

export type CloseAction =
  | { to: CloseTo; verb: 'Reject' | 'Cancel' }
  /** Nothing this role may do: `who` says who can. */
  | { to: null; who: string };

const ROLE_NAMES: Record<StaffRole, string> = {
  manager: 'a manager',
  kitchen: 'the kitchen',
  front_of_house: 'front of house',
};

/** "a manager or front of house": the roles that may move an order to `to`. */
export function whoMay(to: CloseTo): string {
  const names = STAFF_ROLES.filter((role) => mayMoveOrderTo(role, to)).map(
    (role) => ROLE_NAMES[role],
  );
  if (names.length <= 1) return names[0] ?? 'no one';
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
}

const allowed = (status: OrderStatus, to: CloseTo) => checkTransition(status, to).ok;

/**
 * How `role` may take a ticket in `status` off the board: reject it while it
 * is new, cancel it once accepted (or when the role may cancel but not
 * reject, as front of house may), or nothing, and then who could.
 */
export function closeAction(status: OrderStatus, role: StaffRole): CloseAction {
  if (allowed(status, 'rejected') && mayMoveOrderTo(role, 'rejected')) {
    return { to: 'rejected', verb: 'Reject' };
  }
  if (allowed(status, 'cancelled') && mayMoveOrderTo(role, 'cancelled')) {
    return { to: 'cancelled', verb: 'Cancel' };
  }
  const wanted: CloseTo = allowed(status, 'rejected') ? 'rejected' : 'cancelled';
  return { to: null, who: whoMay(wanted) };
}

/** A reason as the server will keep it (trimmed), or null when there is none to send. */
export function cleanReason(text: string): string | null {
  const trimmed = text.trim();
  return trimmed.length === 0 || trimmed.length > REASON_MAX_LENGTH ? null : trimmed;
}
