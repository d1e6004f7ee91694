import { tracked } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { dataFrame, decodeEnvelope, encodeEnvelope } from './wire';
import type { FeedEvent } from './feeds';

const event: FeedEvent = {
  type: 'board.changed',
  entry: {
    businessDate: '2026-11-24',
    number: 7,
    displayNumber: '#007',
    status: 'ready',
    readyAt: null,
  },
};

describe('wire', () => {
  it('an envelope read back is the envelope written', () => {
    const decoded = decodeEnvelope(encodeEnvelope({ id: 42, prev: 40, event }));
    expect(decoded.id).toBe(42);
    expect(decoded.prev).toBe(40);
    // The lazily parsed event reads, compares and serializes as the original.
    expect(decoded.event).toEqual(event);
    expect(decoded.event?.type).toBe('board.changed');
    expect(JSON.parse(JSON.stringify(decoded.event))).toEqual(event);
    expect(Object.keys(decoded.event ?? {})).toEqual(['type', 'entry']);
    expect(decodeEnvelope(encodeEnvelope({ id: 1, prev: 0, event: null })).event).toBeNull();
  });

  it('a data frame is what the stock encoder would write, from the JSON it came with', () => {
    const decoded = decodeEnvelope(encodeEnvelope({ id: 42, prev: 40, event }));
    const frame = dataFrame(3, undefined, tracked('42', decoded.event));
    expect(JSON.parse(frame)).toEqual({
      id: 3,
      result: { type: 'data', id: '42', data: { id: '42', data: event } },
    });
    // An event that never passed the bus (a replay from the log) is serialized instead.
    expect(JSON.parse(dataFrame('a', '2.0', tracked('9', event)))).toEqual({
      id: 'a',
      jsonrpc: '2.0',
      result: { type: 'data', id: '9', data: { id: '9', data: event } },
    });
    expect(JSON.parse(dataFrame(1, undefined, { plain: true }))).toEqual({
      id: 1,
      result: { type: 'data', data: { plain: true } },
    });
  });

  it('still reads a message written by someone else with its own key order', () => {
    const decoded = decodeEnvelope(JSON.stringify({ prev: 1, event, id: 2 }));
    expect(decoded).toEqual({ id: 2, prev: 1, event });
  });
});
