import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, STAFF_ROLES, type OrderStatus, type StaffRole } from './domain';
import { mayMoveOrderTo, mayRecallTo, maySetAvailability, mayWorkItems } from './permissions';

/** Who may move an order into each status, written out by hand. */
const MAY_MOVE: Record<StaffRole, Record<OrderStatus, boolean>> = {
  manager: {
    placed: false,
    accepted: true,
    preparing: true,
    ready: true,
    completed: true,
    rejected: true,
    cancelled: true,
  },
  kitchen: {
    placed: false,
    accepted: true,
    preparing: true,
    ready: true,
    completed: true,
    rejected: true,
    cancelled: false,
  },
  front_of_house: {
    placed: false,
    accepted: false,
    preparing: false,
    ready: false,
    completed: true,
    rejected: false,
    cancelled: true,
  },
};

const cases = STAFF_ROLES.flatMap((role) =>
  ORDER_STATUSES.map((to): [StaffRole, OrderStatus, boolean] => [role, to, MAY_MOVE[role][to]]),
);

describe('mayMoveOrderTo', () => {
  it('covers every role × status', () => {
    expect(cases).toHaveLength(3 * 7);
  });

  it.each(cases)('%s → %s is %s', (role, to, allowed) => {
    expect(mayMoveOrderTo(role, to)).toBe(allowed);
  });

  it('lets nobody move an order back to placed, except the kitchen taking back its accept', () => {
    expect(STAFF_ROLES.filter((role) => mayMoveOrderTo(role, 'placed'))).toEqual([]);
    expect(STAFF_ROLES.filter((role) => mayRecallTo(role, 'placed'))).toEqual([
      'manager',
      'kitchen',
    ]);
    expect(STAFF_ROLES.filter((role) => mayRecallTo(role, 'ready'))).toEqual(
      STAFF_ROLES.filter((role) => mayMoveOrderTo(role, 'ready')),
    );
  });

  it('lets every role complete an order', () => {
    expect(STAFF_ROLES.filter((role) => mayMoveOrderTo(role, 'completed'))).toEqual([
      'manager',
      'kitchen',
      'front_of_house',
    ]);
  });

  it('leaves cancelling to the manager and front of house', () => {
    expect(STAFF_ROLES.filter((role) => mayMoveOrderTo(role, 'cancelled'))).toEqual([
      'manager',
      'front_of_house',
    ]);
  });
});

describe('mayWorkItems', () => {
  it.each<[StaffRole, boolean]>([
    ['manager', true],
    ['kitchen', true],
    ['front_of_house', false],
  ])('%s → %s', (role, allowed) => {
    expect(mayWorkItems(role)).toBe(allowed);
  });
});

describe('maySetAvailability', () => {
  it.each<[StaffRole, boolean]>([
    ['manager', true],
    ['kitchen', true],
    ['front_of_house', false],
  ])('%s → %s', (role, allowed) => {
    expect(maySetAvailability(role)).toBe(allowed);
  });
});
