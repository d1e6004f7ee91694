/**
 * Gauges read when Prometheus scrapes, from whoever holds the numbers: the
 * HTTP server (sockets), the WebSocket handler (feeds) and the live layer
 * (rooms, bus). Nothing is counted up and down on the hot path, so a missed
 * decrement can never leave a gauge wrong.
 */
import { Gauge, type Registry } from 'prom-client';
import type { BusState } from '../live/stats';

export interface LiveSource {
  sockets(): number;
  subscriptions(): number;
  rooms(): number;
  bus(): BusState;
}

/** Adds a source; the returned function removes it (a server that stops). */
export type Watch = (source: LiveSource) => () => void;

export function liveGauges(registry: Registry): Watch {
  const sources = new Set<LiveSource>();
  const sum = (read: (source: LiveSource) => number) => {
    let total = 0;
    for (const source of sources) total += read(source);
    return total;
  };
  const registers = [registry];
  new Gauge({
    name: 'ticketrail_websocket_sockets',
    help: 'Open WebSocket connections to this process.',
    registers,
    collect() {
      this.set(sum((source) => source.sockets()));
    },
  });
  new Gauge({
    name: 'ticketrail_live_subscriptions',
    help: 'Live feeds (tRPC subscriptions) open in this process.',
    registers,
    collect() {
      this.set(sum((source) => source.subscriptions()));
    },
  });
  new Gauge({
    name: 'ticketrail_live_rooms',
    help: 'Live rooms in this process (each holds one bus subscription).',
    registers,
    collect() {
      this.set(sum((source) => source.rooms()));
    },
  });
  new Gauge({
    name: 'ticketrail_bus_up',
    help: '1 while the room bus is connected, 0 while it is down (screens then move by reading the log).',
    registers,
    collect() {
      this.set([...sources].every((source) => source.bus() === 'up') ? 1 : 0);
    },
  });
  return (source) => {
    sources.add(source);
    return () => sources.delete(source);
  };
}
