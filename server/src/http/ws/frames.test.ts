import { tracked } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../live/feeds';
import { decodeEnvelope, Delivery, encodeEnvelope } from '../../live/wire';
import { dataFrame, eventFrame } from './frames';

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
const expectedFrame = (requestId: number | string, eventId: string, jsonrpc?: '2.0') => ({
  id: requestId,
  ...(jsonrpc ? { jsonrpc } : {}),
  result: { type: 'data', id: eventId, data: { id: eventId, data: event } },
});

describe('frames', () => {
  it('a delivery from the bus writes its JSON as it came and parses only when read', () => {
    const json = decodeEnvelope(encodeEnvelope({ id: 42, prev: 40, event })).json ?? '';
    const delivery = Delivery.fromJson(42, json);
    expect(JSON.parse(eventFrame(3, undefined, delivery))).toEqual(expectedFrame(3, '42'));
    expect(eventFrame(3, undefined, delivery)).toContain(json);
    expect(delivery.event).toEqual(event);
    // From the log, an object: serialized once for the frame.
    const replayed = Delivery.fromEvent(9, event);
    expect(JSON.parse(eventFrame('a', '2.0', replayed))).toEqual(expectedFrame('a', '9', '2.0'));
  });

  it('frames any other subscription value as the stock adapter would', () => {
    expect(JSON.parse(dataFrame(5, undefined, tracked('11', event)))).toEqual(
      expectedFrame(5, '11'),
    );
    expect(JSON.parse(dataFrame(1, undefined, { plain: true }))).toEqual({
      id: 1,
      result: { type: 'data', data: { plain: true } },
    });
  });
});
