/**
 * Who may take which ticket off the board, and how: the board shows only
 * what the role may do, and for the rest says who can.
 */
import { describe, expect, it } from 'vitest';
import { mayMoveOrderTo } from '@ticketrail/shared';
import { cleanReason, closeAction, REASON_MAX_LENGTH, whoMay } from './close-order';

describe('closeAction', () => {
  it('rejects a new ticket for the kitchen and a manager', () => {
    expect(closeAction('placed', 'kitchen')).toEqual({ to: 'rejected', verb: 'Reject' });
    expect(closeAction('placed', 'manager')).toEqual({ to: 'rejected', verb: 'Reject' });
  });

  it('lets front of house cancel a new ticket, which it may not reject', () => {
    expect(closeAction('placed', 'front_of_house')).toEqual({ to: 'cancelled', verb: 'Cancel' });
  });

  it('cancels a ticket in the works for a manager or front of house', () => {
    for (const status of ['accepted', 'preparing', 'ready'] as const) {
      expect(closeAction(status, 'manager')).toEqual({ to: 'cancelled', verb: 'Cancel' });
      expect(closeAction(status, 'front_of_house')).toEqual({ to: 'cancelled', verb: 'Cancel' });
    }
  });

  it('offers the kitchen nothing on a ticket in the works, and says who can cancel it', () => {
    for (const status of ['accepted', 'preparing', 'ready'] as const) {
      expect(closeAction(status, 'kitchen')).toEqual({
        to: null,
        who: 'a manager or front of house',
      });
    }
  });

  it('agrees with the permission rules the server checks', () => {
    for (const role of ['manager', 'kitchen', 'front_of_house'] as const) {
      for (const status of ['placed', 'accepted', 'preparing', 'ready'] as const) {
        const action = closeAction(status, role);
        if (action.to) expect(mayMoveOrderTo(role, action.to)).toBe(true);
        else expect(mayMoveOrderTo(role, 'cancelled')).toBe(false);
      }
    }
  });
});

describe('whoMay and cleanReason', () => {
  it('names the roles from the rules', () => {
    expect(whoMay('rejected')).toBe('a manager or the kitchen');
  });

  it('trims a reason and refuses an empty or too long one', () => {
    expect(cleanReason('  fryer is down ')).toBe('fryer is down');
    expect(cleanReason('   ')).toBeNull();
    expect(cleanReason('x'.repeat(REASON_MAX_LENGTH))).toHaveLength(REASON_MAX_LENGTH);
    expect(cleanReason('x'.repeat(REASON_MAX_LENGTH + 1))).toBeNull();
  });
});
