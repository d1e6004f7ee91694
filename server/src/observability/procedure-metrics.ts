/**
 * What every tRPC call costs and how it ends. The middleware in trpc.ts
 * reports here; paths are the router's own procedure names (a call to an
 * unknown path never reaches a procedure), so the label values stay few.
 */
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { Counter, Histogram, type Registry } from 'prom-client';

export type CallType = 'query' | 'mutation';

export interface ProcedureMetrics {
  /** A query or mutation ended; `code` is null when it succeeded. */
  called(path: string, type: CallType, seconds: number, code: TRPC_ERROR_CODE_KEY | null): void;
  /**
   * A subscription started or was refused. Its lifetime is not timed: a feed
   * stays open for a whole service.
   */
  subscribed(path: string, code: TRPC_ERROR_CODE_KEY | null): void;
}

/** Prometheus's default buckets with 2.5 ms added: most reads answer under 5 ms. */
const DURATION_BUCKETS = [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function procedureMetrics(registry: Registry): ProcedureMetrics {
  const registers = [registry];
  const duration = new Histogram({
    name: 'ticketrail_procedure_duration_seconds',
    help: 'Time to answer a tRPC query or mutation, errors included.',
    labelNames: ['path', 'type'] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const errors = new Counter({
    name: 'ticketrail_procedure_errors_total',
    help: 'tRPC calls (subscriptions too) that ended in an error, by procedure and tRPC code.',
    labelNames: ['path', 'code'] as const,
    registers,
  });
  const subscriptions = new Counter({
    name: 'ticketrail_subscriptions_started_total',
    help: 'Live feeds started, by procedure.',
    labelNames: ['path'] as const,
    registers,
  });
  return {
    called: (path, type, seconds, code) => {
      duration.labels(path, type).observe(seconds);
      if (code) errors.labels(path, code).inc();
    },
    subscribed: (path, code) => {
      if (code) errors.labels(path, code).inc();
      else subscriptions.labels(path).inc();
    },
  };
}
