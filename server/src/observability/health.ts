/**
 * GET /healthz for load balancers and supervisors. `ok` (and the status:
 * 200, or 503) says whether this instance can serve, which is whether its
 * database answers. The bus is reported beside it but does not fail the
 * check: while Redis is down the screens keep moving from the log, and a
 * Redis blip must not make a load balancer pull every instance at once.
 */
import type { ServerResponse } from 'node:http';
import { COMMON_HEADERS } from '../http/security-headers';
import type { BusState } from '../live/stats';

export interface Health {
  ok: boolean;
  database: 'up' | 'down';
  bus: BusState;
}

export interface HealthCheckOptions {
  /** A trivial query (`select 1`): resolves when the database answers. */
  ping: () => Promise<unknown>;
  bus: () => BusState;
  /** A hung database must not hang the probe. */
  timeoutMs?: number;
}

export function healthCheck(options: HealthCheckOptions): () => Promise<Health> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  // Probes arriving while the database hangs share one query, so they do not
  // pile up waiting for pool connections.
  let running: Promise<boolean> | null = null;
  const ping = () => {
    running ??= options.ping().then(
      () => true,
      () => false,
    );
    const current = running;
    void current.finally(() => {
      if (running === current) running = null;
    });
    return current;
  };
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const up = await Promise.race([ping(), late]);
    clearTimeout(timer);
    return { ok: up, database: up ? 'up' : 'down', bus: options.bus() };
  };
}

export async function serveHealth(res: ServerResponse, check: () => Promise<Health>) {
  const health = await check();
  res
    .writeHead(health.ok ? 200 : 503, {
      ...COMMON_HEADERS,
      'content-type': 'application/json',
      'cache-control': 'no-store',
    })
    .end(JSON.stringify(health));
}
