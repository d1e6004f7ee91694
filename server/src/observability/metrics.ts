/**
 * The process's metrics, in one prom-client registry: Node's own process
 * metrics (heap, event-loop lag, GC, handles) under their usual names, and
 * Ticketrail's under `ticketrail_`. Served at /metrics (metrics-endpoint.ts).
 */
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import type { LiveStats } from '../live/stats';
import { liveGauges, type Watch } from './gauges';
import { liveMetrics } from './live-metrics';
import { procedureMetrics, type ProcedureMetrics } from './procedure-metrics';

export interface Metrics {
  registry: Registry;
  /** For `createRealtime(db, bus, { stats })`. */
  live: LiveStats;
  /** For the tRPC middleware, through the context. */
  procedures: ProcedureMetrics;
  /** For `openDatabase(target, { onPoolError })`: a pooled connection broke. */
  poolError(): void;
  /** The HTTP server adds what it can count at scrape time. */
  watch: Watch;
}

export interface MetricsOptions {
  /** Node's process metrics; off in tests that read a few of ours. */
  processMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const poolErrors = new Counter({
    name: 'ticketrail_db_pool_errors_total',
    help: 'Pooled Postgres connections that broke outside a query (a restart, a failover, the network).',
    registers: [registry],
  });
  return {
    registry,
    live: liveMetrics(registry),
    procedures: procedureMetrics(registry),
    poolError: () => poolErrors.inc(),
    watch: liveGauges(registry),
  };
}
