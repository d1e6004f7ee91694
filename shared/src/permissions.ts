/**
 * Who may do what. The server checks these on every staff procedure; the
 * clients use them to hide what a role cannot do.
 */
import type { OrderStatus, StaffRole } from './domain';

const TRANSITION_ROLES: Readonly<Record<OrderStatus, readonly StaffRole[]>> = {
  placed: [],
  accepted: ['manager', 'kitchen'],
  preparing: ['manager', 'kitchen'],
  ready: ['manager', 'kitchen'],
  // Front of house hands the food over, so it closes orders too.
  completed: ['manager', 'kitchen', 'front_of_house'],
  rejected: ['manager', 'kitchen'],
  // Cancelling takes money back from a guest: the people at the counter decide.
  cancelled: ['manager', 'front_of_house'],
};

export function mayMoveOrderTo(role: StaffRole, to: OrderStatus): boolean {
  return TRANSITION_ROLES[to].includes(role);
}

/**
 * Who may undo a bump to `to`. Moving an order back to placed is no
 * transition anyone may ask for, but the kitchen may take back its own
 * accept; every other recall needs the right to move the order there.
 */
export function mayRecallTo(role: StaffRole, to: OrderStatus): boolean {
  if (to === 'placed') return role === 'manager' || role === 'kitchen';
  return mayMoveOrderTo(role, to);
}

export function mayWorkItems(role: StaffRole): boolean {
  return role === 'manager' || role === 'kitchen';
}

export function maySetAvailability(role: StaffRole): boolean {
  return role === 'manager' || role === 'kitchen';
}
