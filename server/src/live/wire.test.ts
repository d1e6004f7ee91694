import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope } from './wire';
import type { FeedEvent } from './feeds';

const event: FeedEvent = {
  type: 'board.changed',
  entry: {
    businessDate: '2026-11-24',
    number: 7,
    displayNumber: '#007',
    status: 'ready',
    version: 4,
    readyAt: null,
    completedAt: null,
  },
};
describe('wire', () => {
  it('reads back the header and the event JSON it wrote', () => {
    const message = decodeEnvelope(encodeEnvelope({ id: 42, prev: 40, at: 1_700_000, event }));
    expect(message).toEqual({ id: 42, prev: 40, at: 1_700_000, json: JSON.stringify(event) });
    // Without the publish time (an older publisher): no lag to measure, the rest the same.
    expect(decodeEnvelope(encodeEnvelope({ id: 42, prev: 40, event })).at).toBeNull();
    expect(decodeEnvelope(encodeEnvelope({ id: 1, prev: 0, event: null })).json).toBeNull();
    // Written by someone else, in another key order: read in full, same answer.
    expect(decodeEnvelope(JSON.stringify({ prev: 1, event, id: 2 }))).toEqual({
      id: 2,
      prev: 1,
      at: null,
      json: JSON.stringify(event),
    });
  });
});
