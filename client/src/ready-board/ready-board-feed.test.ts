import { describe, expect, it } from 'vitest';
import type { OrderStatus as Status } from '@ticketrail/shared';
import {
  applyBoardEvent,
  boardStage,
  collectedUntil,
  type BoardFeedItem,
  type ReadyBoard,
  type ReadyBoardEntry,
} from './ready-board-feed';

describe('ready board', () => {
  // An order's version grows with every change; by default, one per stage reached.
  const STAGE_VERSION: Record<Status, number> = {
    placed: 1,
    accepted: 2,
    preparing: 3,
    ready: 4,
    completed: 5,
    rejected: 2,
    cancelled: 5,
  };
  const entry = (
    number: number,
    status: Status,
    businessDate = '2026-11-24',
    version = STAGE_VERSION[status],
    completedAt: string | null = status === 'completed' ? '2026-11-24T12:40:00.000Z' : null,
  ): ReadyBoardEntry => ({
    businessDate,
    number,
    displayNumber: `#${String(number).padStart(3, '0')}`,
    status,
    version,
    readyAt: status === 'ready' || status === 'completed' ? '2026-11-24T12:30:00.000Z' : null,
    completedAt,
  });
  const start: ReadyBoard = {
    location: { slug: 'harbour-kitchen', name: 'Harbour Kitchen', timezone: 'Europe/Dublin' },
    entries: [entry(1, 'preparing'), entry(2, 'accepted')],
    collectedSeconds: 60,
    serverTime: '2026-11-24T12:35:00.000Z',
    lastEventId: 20,
  };
  const event = (id: number, e: ReadyBoardEntry): BoardFeedItem => ({
    id: String(id),
    data: { type: 'board.changed', entry: e },
  });
  const settingsEvent = (id: number, collectedSeconds: number): BoardFeedItem => ({
    id: String(id),
    data: { type: 'board.settings', collectedSeconds },
  });
  const shown = (board: ReadyBoard) =>
    board.entries.map((e) => `${e.businessDate.slice(5)}/${e.number}:${e.status}`);

  it('adds an accepted order and moves it along', () => {
    let next = applyBoardEvent(start, event(21, entry(3, 'accepted')));
    next = applyBoardEvent(next, event(22, entry(3, 'ready')));
    expect(shown(next)).toEqual(['11-24/1:preparing', '11-24/2:accepted', '11-24/3:ready']);
    expect(next.lastEventId).toBe(22);
  });

  it('shows a placed order at once, as received, and moves it on when accepted', () => {
    let next = applyBoardEvent(start, event(21, entry(3, 'placed')));
    expect(shown(next)).toEqual(['11-24/1:preparing', '11-24/2:accepted', '11-24/3:placed']);
    next = applyBoardEvent(next, event(22, entry(3, 'accepted', undefined, 2)));
    expect(shown(next)).toEqual(['11-24/1:preparing', '11-24/2:accepted', '11-24/3:accepted']);
  });

  it.each(['rejected', 'cancelled'] as const)('drops an order at once when %s', (status) => {
    const next = applyBoardEvent(start, event(21, entry(1, status, undefined, 6)));
    expect(shown(next)).toEqual(['11-24/2:accepted']);
  });

  it('keeps a collected order, with when it was collected, for the page to tick and time out', () => {
    const ready = applyBoardEvent(start, event(21, entry(1, 'ready')));
    const collected = applyBoardEvent(ready, event(22, entry(1, 'completed')));
    expect(shown(collected)).toEqual(['11-24/1:completed', '11-24/2:accepted']);
    expect(collected.entries[0]?.completedAt).toBe('2026-11-24T12:40:00.000Z');
  });

  it('drops a collected order at once when the collected time is 0', () => {
    const ready = applyBoardEvent({ ...start, collectedSeconds: 0 }, event(21, entry(1, 'ready')));
    expect(shown(applyBoardEvent(ready, event(22, entry(1, 'completed'))))).toEqual([
      '11-24/2:accepted',
    ]);
  });

  it('forgets collected orders whose time a later collection shows is up', () => {
    const at = (minute: number) => `2026-11-24T12:${minute}:00.000Z`;
    let next = applyBoardEvent(start, event(21, entry(1, 'completed', undefined, 5, at(40))));
    next = applyBoardEvent(next, event(22, entry(2, 'completed', undefined, 5, at(40))));
    // 59 s later: both still have time left.
    next = applyBoardEvent(
      next,
      event(23, entry(3, 'completed', undefined, 5, '2026-11-24T12:40:59.000Z')),
    );
    expect(shown(next)).toEqual(['11-24/1:completed', '11-24/2:completed', '11-24/3:completed']);
    // A minute after the first two were collected: their time is up, the new one stays.
    next = applyBoardEvent(next, event(24, entry(4, 'completed', undefined, 5, at(41))));
    expect(shown(next)).toEqual(['11-24/3:completed', '11-24/4:completed']);
  });

  it('takes a new collected time from a settings event; 0 clears the collected orders', () => {
    const collected = applyBoardEvent(start, event(21, entry(1, 'completed')));
    const longer = applyBoardEvent(collected, settingsEvent(22, 300));
    expect(longer.collectedSeconds).toBe(300);
    expect(longer.entries).toBe(collected.entries);
    expect(longer.lastEventId).toBe(22);
    expect(applyBoardEvent(longer, settingsEvent(22, 0))).toBe(longer); // a replay
    const none = applyBoardEvent(longer, settingsEvent(23, 0));
    expect(none.collectedSeconds).toBe(0);
    expect(shown(none)).toEqual(['11-24/2:accepted']);
  });

  it('tells the same number on two business days apart', () => {
    const next = applyBoardEvent(start, event(21, entry(1, 'accepted', '2026-11-25')));
    expect(shown(next)).toEqual(['11-24/1:preparing', '11-24/2:accepted', '11-25/1:accepted']);
  });

  it('never moves an entry backwards, whatever the order of arrival', () => {
    const ready = applyBoardEvent(start, event(22, entry(1, 'ready')));
    expect(applyBoardEvent(ready, event(22, entry(1, 'ready')))).toBe(ready);
    expect(applyBoardEvent(ready, event(21, entry(1, 'preparing')))).toBe(ready);
    expect(shown(applyBoardEvent(ready, event(23, entry(1, 'accepted'))))).toEqual([
      '11-24/1:ready',
      '11-24/2:accepted',
    ]);
  });

  it('follows a recall back: ready to preparing, and collected back to ready', () => {
    const ready = applyBoardEvent(start, event(22, entry(1, 'ready')));
    const recalled = applyBoardEvent(ready, event(23, entry(1, 'preparing', undefined, 5)));
    expect(shown(recalled)).toEqual(['11-24/1:preparing', '11-24/2:accepted']);
    const collected = applyBoardEvent(ready, event(23, entry(1, 'completed')));
    expect(shown(collected)).toEqual(['11-24/1:completed', '11-24/2:accepted']);
    const back = applyBoardEvent(collected, event(24, entry(1, 'ready', undefined, 6)));
    expect(shown(back)).toEqual(['11-24/1:ready', '11-24/2:accepted']);
    expect(back.entries[0]?.completedAt).toBeNull();
  });

  it('shows accepted as preparing', () => {
    expect(boardStage('placed')).toBe('received');
    expect(boardStage('accepted')).toBe('preparing');
    expect(boardStage('preparing')).toBe('preparing');
    expect(boardStage('ready')).toBe('ready');
  });

  it('says when a collected entry’s time is up', () => {
    expect(collectedUntil(entry(1, 'completed'), 60)).toBe(Date.parse('2026-11-24T12:41:00.000Z'));
    expect(collectedUntil(entry(1, 'ready'), 60)).toBeNull();
  });
});
