/** The audit's own checks: each kind of damage to a feed is counted, and a whole feed passes. */
import { describe, expect, it } from 'vitest';
import { auditFeed, auditState, type LogEvent, type OrderRow } from './audit';
import { parseSupervisorLine } from './cluster';
import type { Received, Shown } from './screens';

const log: LogEvent[] = [11, 12, 14, 17].map((id) => ({ id, data: { type: 'x', id } }));
const feed = (ids: number[], data = (id: number): unknown => ({ type: 'x', id })) => ({
  name: 'screen',
  received: ids.map((id): Received => ({ id, at: 0, data: data(id) })),
  errors: [],
  resubscribes: 0,
});

describe('the feed audit', () => {
  it('passes a feed that got the log exactly', () => {
    expect(auditFeed(feed([11, 12, 14, 17]), log)).toMatchObject({
      expected: 4,
      lost: 0,
      duplicated: 0,
      outOfOrder: 0,
      foreign: 0,
      wrongPayload: 0,
    });
  });

  it('counts lost, repeated, reordered, foreign and altered events', () => {
    const audit = auditFeed(
      feed([12, 11, 12, 9, 17], (id) => ({ type: id === 17 ? 'y' : 'x', id })),
      log,
    );
    expect(audit).toMatchObject({
      lost: 1,
      duplicated: 1,
      outOfOrder: 2,
      foreign: 1,
      wrongPayload: 1,
    });
    expect(audit.examples[0]).toContain('lost 14');
  });

  it('compares what a screen shows with the database', () => {
    const orders: OrderRow[] = [
      { id: 'a', business_date: '2026-11-30', number: 1, status: 'ready', version: 4 },
      { id: 'b', business_date: '2026-11-30', number: 2, status: 'placed', version: 1 },
      { id: 'c', business_date: '2026-11-30', number: 3, status: 'completed', version: 5 },
    ];
    const shown = (entries: [string, Shown][]) => new Map(entries);
    const right = shown([
      ['a', { status: 'ready', version: 4 }],
      ['b', { status: 'placed', version: 1 }],
    ]);
    expect(auditState({ kind: 'kitchen', shown: right }, orders)).toEqual([]);
    const stale = shown([['a', { status: 'preparing', version: 3 }]]);
    expect(auditState({ kind: 'kitchen', shown: stale }, orders)).toEqual([
      'shows #1 preparing v3; database: ready v4',
      'does not show #2 (placed v1)',
    ]);
    // The ready board keys numbers by day; a placed order need not be on it.
    const board = shown([['2026-11-30/1', { status: 'ready', version: 4 }]]);
    expect(auditState({ kind: 'board', shown: board }, orders)).toEqual([]);
  });
});

describe("the supervisor's lines", () => {
  it('are read back as starts, readiness and exits', () => {
    expect(parseSupervisorLine('[3001] started (pid 1234)', 5)).toEqual({
      at: 5,
      port: 3001,
      kind: 'started',
      pid: 1234,
    });
    expect(parseSupervisorLine('[3001] exited (SIGKILL); restarting in 0.5 s', 5)).toEqual({
      at: 5,
      port: 3001,
      kind: 'exited',
      how: 'SIGKILL',
      next: 'restarting in 0.5 s',
    });
    expect(parseSupervisorLine('[3001] stopped (code 0)', 5)?.kind).toBe('stopped');
    expect(parseSupervisorLine('[3001] Ticketrail is ready on PostgreSQL', 5)).toBeNull();
  });
});
