/**
 * Text on the wire, written once. A bus message carries the event's JSON; the
 * hub reads only the message's header, and the WebSocket handler writes that
 * JSON into each subscriber's frame as it came (http/ws/frames.ts). The event
 * is parsed only if something on the server reads it (not the socket).
 */
import type { FeedEvent } from './feeds';

/** The message on a room's channel: `{"id":…,"prev":…,"at":…,"event":…}`. */
export interface Envelope {
  id: number;
  /** The room's previous event id, 0 for its first. */
  prev: number;
  /** When it was published (ms since the epoch), just after its commit: for the lag metric. */
  at?: number;
  event: FeedEvent | null;
}

/** A bus message's header, and its event's JSON (null when the room has nothing to see). */
export interface Message {
  id: number;
  prev: number;
  at: number | null;
  json: string | null;
}

const EVENT_KEY = ',"event":';
const HEADER = /^\{"id":(\d+),"prev":(\d+)(?:,"at":(\d+))?,"event":/;

export function encodeEnvelope(envelope: Envelope): string {
  const at = envelope.at === undefined ? '' : `,"at":${envelope.at}`;
  return `{"id":${envelope.id},"prev":${envelope.prev}${at}${EVENT_KEY}${JSON.stringify(envelope.event)}}`;
}

/** One event as a room's listeners receive it: the same object for all of them. */
export class Delivery {
  #json: string | null;
  #event: FeedEvent | null;

  private constructor(
    readonly id: number,
    json: string | null,
    event: FeedEvent | null,
  ) {
    this.#json = json;
    this.#event = event;
  }

  /** From a bus message: the event stays JSON until read. */
  static fromJson(id: number, json: string): Delivery {
    return new Delivery(id, json, null);
  }

  /** From the log, already an object. */
  static fromEvent(id: number, event: FeedEvent): Delivery {
    return new Delivery(id, null, event);
  }

  get json(): string {
    return (this.#json ??= JSON.stringify(this.#event));
  }

  get event(): FeedEvent {
    return (this.#event ??= JSON.parse(this.#json ?? 'null') as FeedEvent);
  }
}

export function decodeEnvelope(payload: string): Message {
  const header = HEADER.exec(payload);
  if (!header) {
    // Not written by encodeEnvelope (another version, another key order): read it fully.
    const envelope = JSON.parse(payload) as Envelope;
    const json = envelope.event === null ? null : JSON.stringify(envelope.event);
    return { id: envelope.id, prev: envelope.prev, at: envelope.at ?? null, json };
  }
  const json = payload.slice(header[0].length, -1);
  return {
    id: Number(header[1]),
    prev: Number(header[2]),
    at: header[3] === undefined ? null : Number(header[3]),
    json: json === 'null' ? null : json,
  };
}
