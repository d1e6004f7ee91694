/**
 * Subscription frames as tRPC's wsLink reads them, written as text. A room
 * event's JSON goes into every subscriber's frame as it came off the bus
 * (live/wire.ts), never parsed and serialised again per socket.
 */
import { isTrackedEnvelope } from '@trpc/server/unstable-core-do-not-import';
import type { Delivery } from '../../live/wire';

/** A subscription's data frame for a room event, as tRPC's wsLink expects a tracked event. */
export function eventFrame(
  requestId: string | number,
  jsonrpc: '2.0' | undefined,
  delivery: Delivery,
): string {
  const id = `"${delivery.id}"`;
  return (
    `{"id":${JSON.stringify(requestId)},${jsonrpc ? '"jsonrpc":"2.0",' : ''}` +
    `"result":{"type":"data","id":${id},"data":{"id":${id},"data":${delivery.json}}}}`
  );
}

/** A subscription's data frame for any other value (plain, or `tracked(id, data)`). */
export function dataFrame(
  requestId: string | number,
  jsonrpc: '2.0' | undefined,
  value: unknown,
): string {
  const head = `{"id":${JSON.stringify(requestId)},${jsonrpc ? '"jsonrpc":"2.0",' : ''}"result":{"type":"data",`;
  if (!isTrackedEnvelope(value)) return `${head}"data":${JSON.stringify(value)}}}`;
  const [eventId, data] = value;
  const id = JSON.stringify(eventId);
  return `${head}"id":${id},"data":{"id":${id},"data":${JSON.stringify(data)}}}}`;
}
