/**
 * Text on the wire, written once. A bus message carries the event's JSON; the
 * hub parses it once per process and remembers that JSON for the parsed
 * object, and the WebSocket handler splices it into each subscriber's frame
 * instead of serializing the same ticket again for every screen.
 */
import { isTrackedEnvelope } from '@trpc/server/unstable-core-do-not-import';
import type { FeedEvent } from './feeds';

/** The message on a room's channel: `{"id":…,"prev":…,"event":…}`. */
export interface Envelope {
  id: number;
  /** The room's previous event id, 0 for its first. */
  prev: number;
  event: FeedEvent | null;
}

const EVENT_KEY = ',"event":';

export function encodeEnvelope(envelope: Envelope): string {
  return `{"id":${envelope.id},"prev":${envelope.prev}${EVENT_KEY}${JSON.stringify(envelope.event)}}`;
}

const eventJson = new WeakMap<object, string>();

/** Parses a bus message; the event keeps its JSON for the encoder. */
export function decodeEnvelope(payload: string): Envelope {
  const envelope = JSON.parse(payload) as Envelope;
  if (envelope.event) {
    const start = payload.indexOf(EVENT_KEY);
    if (start > 0) eventJson.set(envelope.event, payload.slice(start + EVENT_KEY.length, -1));
  }
  return envelope;
}

/**
 * A subscription's data frame, as tRPC's wsLink expects it. A tracked event
 * (`tracked(id, data)`) carries its id twice, as the stock adapter writes it.
 */
export function dataFrame(
  requestId: string | number,
  jsonrpc: '2.0' | undefined,
  value: unknown,
): string {
  const head = `{"id":${JSON.stringify(requestId)},${jsonrpc ? '"jsonrpc":"2.0",' : ''}"result":{"type":"data",`;
  if (!isTrackedEnvelope(value)) return `${head}"data":${JSON.stringify(value)}}}`;
  const [eventId, data] = value;
  const id = JSON.stringify(eventId);
  const json = typeof data === 'object' && data !== null ? eventJson.get(data) : undefined;
  return `${head}"id":${id},"data":{"id":${id},"data":${json ?? JSON.stringify(data)}}}}`;
}
