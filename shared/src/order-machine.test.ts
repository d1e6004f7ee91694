import { describe, expect, it } from 'vitest';
import {
  ITEM_STATUSES,
  ORDER_STATUSES,
  ORDER_TYPES,
  type ItemStatus,
  type OrderStatus,
  type OrderType,
} from './domain';
import {
  OPEN_ORDER_STATUSES,
  allowedTransitions,
  checkItemChange,
  checkTransition,
  boardColumn,
  bumpTarget,
  isOpen,
  itemStatusAfterTransition,
  recallTarget,
  rollUp,
  statusLabel,
} from './order-machine';

/** Written out by hand from the product rules, not derived from the module under test. */
const LEGAL: Record<OrderStatus, readonly OrderStatus[]> = {
  placed: ['accepted', 'rejected', 'cancelled'],
  accepted: ['preparing', 'ready', 'cancelled'],
  preparing: ['ready', 'cancelled'],
  ready: ['completed', 'cancelled'],
  completed: [],
  rejected: [],
  cancelled: [],
};

const TERMINAL: readonly OrderStatus[] = ['completed', 'rejected', 'cancelled'];

const allPairs: [OrderStatus, OrderStatus][] = ORDER_STATUSES.flatMap((from) =>
  ORDER_STATUSES.map((to): [OrderStatus, OrderStatus] => [from, to]),
);

describe('ORDER_STATUSES', () => {
  it('is the seven statuses the table above covers', () => {
    expect([...ORDER_STATUSES].sort()).toEqual(Object.keys(LEGAL).sort());
    expect(allPairs).toHaveLength(49);
  });
});

describe('checkTransition', () => {
  it.each(allPairs)('%s → %s matches the transition table', (from, to) => {
    const result = checkTransition(from, to);
    expect(result.ok).toBe(LEGAL[from].includes(to));
  });

  it('allows exactly 10 of the 49 pairs', () => {
    const legal = allPairs.filter(([from, to]) => checkTransition(from, to).ok);
    expect(legal).toEqual([
      ['placed', 'accepted'],
      ['placed', 'rejected'],
      ['placed', 'cancelled'],
      ['accepted', 'preparing'],
      ['accepted', 'ready'],
      ['accepted', 'cancelled'],
      ['preparing', 'ready'],
      ['preparing', 'cancelled'],
      ['ready', 'completed'],
      ['ready', 'cancelled'],
    ]);
  });

  it.each(allPairs.filter(([from, to]) => !TERMINAL.includes(from) && !LEGAL[from].includes(to)))(
    'an illegal move %s → %s names both ends and lists the allowed next steps',
    (from, to) => {
      const result = checkTransition(from, to);
      if (result.ok) throw new Error(`expected ${from} → ${to} to be refused`);
      expect(result.message).toBe(
        `The order is ${from}, so it cannot become ${to}. Allowed next: ${LEGAL[from].join(', ')}.`,
      );
    },
  );

  it('spells out the allowed steps from placed', () => {
    expect(checkTransition('placed', 'ready')).toEqual({
      ok: false,
      message:
        'The order is placed, so it cannot become ready. ' +
        'Allowed next: accepted, rejected, cancelled.',
    });
  });

  it('refuses staying in place for an open status', () => {
    expect(checkTransition('accepted', 'accepted')).toEqual({
      ok: false,
      message:
        'The order is accepted, so it cannot become accepted. ' +
        'Allowed next: preparing, ready, cancelled.',
    });
  });

  it.each(TERMINAL.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const)))(
    'a terminal order (%s → %s) says it cannot change any more',
    (from, to) => {
      const result = checkTransition(from, to);
      expect(result).toEqual({
        ok: false,
        message: `The order is already ${from}; it cannot change any more.`,
      });
    },
  );
});

describe('allowedTransitions', () => {
  it.each(ORDER_STATUSES)('from %s agrees with the table', (from) => {
    expect([...allowedTransitions(from)]).toEqual(LEGAL[from]);
  });
});

describe('the kitchen board', () => {
  it('puts accepted tickets with the preparing ones: the crew is on them', () => {
    expect(OPEN_ORDER_STATUSES.map(boardColumn)).toEqual([
      'new',
      'preparing',
      'preparing',
      'ready',
    ]);
  });

  it('bumps each column into the next, and ready off the board', () => {
    expect(ORDER_STATUSES.map((status) => [status, bumpTarget(status)])).toEqual([
      ['placed', 'accepted'],
      ['accepted', 'ready'],
      ['preparing', 'ready'],
      ['ready', 'completed'],
      ['completed', null],
      ['rejected', null],
      ['cancelled', null],
    ]);
  });

  it.each(OPEN_ORDER_STATUSES)('a bump from %s is a legal transition', (from) => {
    const to = bumpTarget(from);
    if (to === null) throw new Error(`no bump from ${from}`);
    expect(checkTransition(from, to)).toEqual({ ok: true });
  });

  it('recalls a bump one column back: an accept, ready, and served', () => {
    expect(ORDER_STATUSES.map((status) => [status, recallTarget(status)])).toEqual([
      ['placed', null],
      ['accepted', 'placed'],
      ['preparing', null],
      ['ready', 'preparing'],
      ['completed', 'ready'],
      ['rejected', null],
      ['cancelled', null],
    ]);
  });
});

describe('isOpen', () => {
  const open: Record<OrderStatus, boolean> = {
    placed: true,
    accepted: true,
    preparing: true,
    ready: true,
    completed: false,
    rejected: false,
    cancelled: false,
  };

  it.each(ORDER_STATUSES)('%s', (status) => {
    expect(isOpen(status)).toBe(open[status]);
  });

  it('OPEN_ORDER_STATUSES lists the open ones in order', () => {
    expect([...OPEN_ORDER_STATUSES]).toEqual(['placed', 'accepted', 'preparing', 'ready']);
  });
});

describe('itemStatusAfterTransition', () => {
  it.each(ORDER_STATUSES)('bumping to %s', (to) => {
    expect(itemStatusAfterTransition(to)).toBe(to === 'ready' ? 'done' : null);
  });
});

describe('checkItemChange', () => {
  const LEGAL_ITEM: Record<ItemStatus, readonly ItemStatus[]> = {
    queued: ['cooking', 'done'],
    cooking: ['done', 'queued'],
    done: ['cooking', 'queued'],
  };
  const cases = ORDER_STATUSES.flatMap((order) =>
    ITEM_STATUSES.flatMap((from) =>
      ITEM_STATUSES.map((to): [OrderStatus, ItemStatus, ItemStatus] => [order, from, to]),
    ),
  );

  it('covers every order status × item pair', () => {
    expect(cases).toHaveLength(7 * 3 * 3);
  });

  it.each(cases)('order %s, item %s → %s', (order, from, to) => {
    const result = checkItemChange(order, from, to);
    if (order === 'placed') {
      expect(result).toEqual({
        ok: false,
        message: 'Accept the order before working on its items.',
      });
    } else if (order !== 'accepted' && order !== 'preparing') {
      expect(result).toEqual({
        ok: false,
        message: `The order is ${order}; its items can no longer change.`,
      });
    } else if (from === to) {
      expect(result).toEqual({ ok: false, message: `The item is already ${to}.` });
    } else if (LEGAL_ITEM[from].includes(to)) {
      expect(result).toEqual({ ok: true });
    } else {
      expect(result).toEqual({
        ok: false,
        message: `An item that is ${from} cannot become ${to}.`,
      });
    }
  });

  it('lets a cook work items only while the order is accepted or preparing', () => {
    const workable = ORDER_STATUSES.filter(
      (order) => checkItemChange(order, 'queued', 'cooking').ok,
    );
    expect(workable).toEqual(['accepted', 'preparing']);
  });

  it('allows every change between different item statuses in a cooking order', () => {
    for (const order of ['accepted', 'preparing'] as const) {
      for (const from of ITEM_STATUSES) {
        for (const to of ITEM_STATUSES) {
          expect(checkItemChange(order, from, to).ok).toBe(from !== to);
        }
      }
    }
  });
});

describe('rollUp', () => {
  it('moves an accepted order to preparing once one item is cooking', () => {
    expect(rollUp('accepted', ['queued', 'cooking', 'queued'])).toBe('preparing');
  });

  it('moves an accepted order to preparing once one item is done but others are not', () => {
    expect(rollUp('accepted', ['done', 'queued'])).toBe('preparing');
  });

  it('keeps an accepted order accepted while everything is queued', () => {
    expect(rollUp('accepted', ['queued', 'queued'])).toBe('accepted');
  });

  it('marks an accepted order ready when every item is done', () => {
    expect(rollUp('accepted', ['done', 'done'])).toBe('ready');
  });

  it('marks a preparing order ready when every item is done', () => {
    expect(rollUp('preparing', ['done', 'done', 'done'])).toBe('ready');
    expect(rollUp('preparing', ['done'])).toBe('ready');
  });

  it('keeps a preparing order preparing while an item is not done', () => {
    expect(rollUp('preparing', ['done', 'cooking'])).toBe('preparing');
    expect(rollUp('preparing', ['queued', 'queued'])).toBe('preparing');
  });

  it('leaves statuses outside the kitchen alone, whatever the items say', () => {
    for (const status of ['placed', 'ready', 'completed', 'rejected', 'cancelled'] as const) {
      expect(rollUp(status, ['done', 'done'])).toBe(status);
      expect(rollUp(status, ['cooking'])).toBe(status);
      expect(rollUp(status, ['queued'])).toBe(status);
    }
  });

  it('leaves an order without items unchanged', () => {
    expect(rollUp('accepted', [])).toBe('accepted');
    expect(rollUp('preparing', [])).toBe('preparing');
  });
});

describe('statusLabel', () => {
  it.each<[OrderType, string]>([
    ['dine_in', 'Served'],
    ['pickup', 'Picked up'],
    ['delivery', 'Delivered'],
  ])('completed %s reads %s', (type, label) => {
    expect(statusLabel('completed', type)).toBe(label);
  });

  it('calls a ready delivery out for delivery, and other ready orders ready', () => {
    expect(statusLabel('ready', 'delivery')).toBe('Out for delivery');
    expect(statusLabel('ready', 'pickup')).toBe('Ready');
    expect(statusLabel('ready', 'dine_in')).toBe('Ready');
  });

  it.each(ORDER_TYPES)('has the plain labels for %s', (type) => {
    expect(statusLabel('placed', type)).toBe('Placed');
    expect(statusLabel('accepted', type)).toBe('Accepted');
    expect(statusLabel('preparing', type)).toBe('Preparing');
    expect(statusLabel('rejected', type)).toBe('Rejected');
    expect(statusLabel('cancelled', type)).toBe('Cancelled');
  });

  it('gives every status and type a non-empty label', () => {
    for (const status of ORDER_STATUSES) {
      for (const type of ORDER_TYPES) {
        expect(statusLabel(status, type)).toMatch(/^[A-Z][a-z ]+$/);
      }
    }
  });
});
