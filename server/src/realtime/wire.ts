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
const HEADER = /^\{"id":(\d+),"prev":(\d+),"event":/;

/**
 * Reads a bus message. Only the header is parsed here: the event stays JSON
 * until something reads a property of it, which on the live path nothing
 * does: the WebSocket handler writes the JSON as it came.
 */
export function decodeEnvelope(payload: string): Envelope {
  const header = HEADER.exec(payload);
  if (!header) {
    const envelope = JSON.parse(payload) as Envelope;
    if (envelope.event) eventJson.set(envelope.event, JSON.stringify(envelope.event));
    return envelope;
  }
  const json = payload.slice(header[0].length, -1);
  return {
    id: Number(header[1]),
    prev: Number(header[2]),
    event: json === 'null' ? null : lazyJson<FeedEvent>(json),
  };
}

/**
 * An object that is parsed from `json` the first time it is read, and that
 * remembers its JSON for the wire. To any reader it is the parsed object.
 */
function lazyJson<T extends object>(json: string): T {
  let parsed: T | undefined;
  const load = (): T => (parsed ??= JSON.parse(json) as T);
  const proxy = new Proxy({} as T, {
    get: (_, key) => Reflect.get(load(), key) as unknown,
    has: (_, key) => Reflect.has(load(), key),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
      // The proxy's own target is empty, so what it reports must be configurable.
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
  });
  eventJson.set(proxy, json);
  return proxy;
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
