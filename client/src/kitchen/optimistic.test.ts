import { describe, expect, it } from 'vitest';
import { knownVersion, pruneMoves, visibleTickets, type PendingMove } from './optimistic';
import { ticket } from '../test-support/orders';

const placed = ticket(1);
const accepted = { ...placed, status: 'accepted' as const, version: 2 };
const completed = { ...placed, status: 'completed' as const, version: 5 };

describe('moves laid over the cache', () => {
  it('shows a move being sent, whatever the cache says meanwhile', () => {
    const move: PendingMove = {
      key: 1,
      orderId: placed.id,
      state: 'sending',
      apply: (current) => ({ ...(current ?? placed), guestName: 'moved' }),
    };
    expect(visibleTickets([placed], [move])[0]?.guestName).toBe('moved');
    expect(visibleTickets([accepted], [move])[0]?.guestName).toBe('moved');
  });

  it('shows a confirmed answer until the feed catches up, then the cache', () => {
    const move: PendingMove = { key: 1, orderId: placed.id, state: 'confirmed', ticket: accepted };
    expect(visibleTickets([placed], [move])[0]).toBe(accepted);
    expect(pruneMoves([move], [placed])).toEqual([move]);
    expect(pruneMoves([move], [accepted])).toEqual([]);
  });

  it('keeps a ticket bumped off the board off until the feed removes it too', () => {
    const move: PendingMove = { key: 1, orderId: placed.id, state: 'confirmed', ticket: completed };
    expect(visibleTickets([accepted], [move])).toEqual([]);
    expect(pruneMoves([move], [accepted])).toEqual([move]);
    expect(pruneMoves([move], [])).toEqual([]);
  });

  it('names the newest version known, from the cache or an answer not yet in it', () => {
    const move: PendingMove = { key: 1, orderId: placed.id, state: 'confirmed', ticket: accepted };
    expect(knownVersion(placed.id, [placed], [])).toBe(1);
    expect(knownVersion(placed.id, [placed], [move])).toBe(2);
    expect(knownVersion('someone-else', [placed], [move])).toBeNull();
  });
});
