/**
 * The live layer's reports (live/stats.ts) as Prometheus counters and a
 * histogram. The live layer calls these on its hot path, so each is one
 * counter increment or one histogram observation, with no allocation.
 */
import { Counter, Histogram, type Registry } from 'prom-client';
import type { BusState, LiveStats, RepairKind } from '../live/stats';

/** From "as good as instant" to "a screen visibly behind" (a poll or a sweep). */
const LAG_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function liveMetrics(registry: Registry): LiveStats {
  const registers = [registry];
  const published = new Counter({
    name: 'ticketrail_events_published_total',
    help: 'Room messages put on the bus after a commit; ok="false" when the bus refused one (the log still has it).',
    labelNames: ['ok'] as const,
    registers,
  });
  const delivered = new Counter({
    name: 'ticketrail_events_delivered_total',
    help: "Events handed to a live room's local listeners in this process (once per event and room).",
    registers,
  });
  const deliveries = new Counter({
    name: 'ticketrail_event_deliveries_total',
    help: 'Events handed to listeners, counted per listener (the fan-out).',
    registers,
  });
  const lag = new Histogram({
    name: 'ticketrail_delivery_lag_seconds',
    help: "Time from an event's commit to its delivery to a room's listeners in this process.",
    buckets: LAG_BUCKETS,
    registers,
  });
  const repaired = new Counter({
    name: 'ticketrail_events_repaired_total',
    help: 'Events a room read from the log because the bus had not brought them, by what found them.',
    labelNames: ['by'] as const,
    registers,
  });
  const busChanges = new Counter({
    name: 'ticketrail_bus_state_changes_total',
    help: 'The bus went down (state="down") or came back (state="up": a reconnect).',
    labelNames: ['state'] as const,
    registers,
  });
  // Present from the first scrape, so a rate() over them starts at 0, not at the first event.
  for (const ok of ['true', 'false']) published.labels(ok).inc(0);
  for (const by of ['gap', 'sweep', 'poll'] satisfies RepairKind[]) repaired.labels(by).inc(0);
  for (const state of ['up', 'down'] satisfies BusState[]) busChanges.labels(state).inc(0);

  return {
    delivered: (listeners, lagMs) => {
      delivered.inc();
      deliveries.inc(listeners);
      // Commit times come from the database's clock: a little skew must not make a negative lag.
      if (lagMs !== null) lag.observe(Math.max(0, lagMs) / 1000);
    },
    published: (ok) => published.labels(ok ? 'true' : 'false').inc(),
    repaired: (by, events) => repaired.labels(by).inc(events),
    busState: (state) => busChanges.labels(state).inc(),
  };
}
