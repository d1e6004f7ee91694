/**
 * One context for HTTP and WebSocket calls. Staff prove who they are with a
 * session token: `Authorization: Bearer …` over HTTP, `connectionParams.token`
 * over WebSocket (browsers cannot set headers on a socket). A guest's socket
 * may carry its order's tracking token as `connectionParams.trackingToken`.
 */
import type { IncomingMessage } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { Metrics } from './observability/metrics';
import type { ProcedureMetrics } from './observability/procedure-metrics';
import type { Realtime } from './live';
import type { SettingsLocks } from './settings/read';
import { createThrottles, type Throttles } from './throttle';

export interface AppDeps {
  db: Kysely<Database>;
  realtime: Realtime;
  /** The clock; tests move it to cross a day or a session's expiry. */
  now?: () => Date;
  /** Sign-in and per-address throttles; in-process calls without them get memory ones. */
  throttles?: Throttles;
  /** The process's metrics; without them (in-process tests) nothing is recorded. */
  metrics?: Metrics;
  /** Settings the operator locked in the environment (config.ts); tests pass their own. */
  settingsLocks?: SettingsLocks;
  /** Where guests reach this server (PUBLIC_URL), for the links on printed QR codes. */
  publicUrl?: string | null;
}

export interface Context {
  db: Kysely<Database>;
  realtime: Realtime;
  sessionToken: string | null;
  /** A guest's tracking token sent in `connectionParams.trackingToken` (WebSocket only). */
  trackingToken: string | null;
  now: () => Date;
  /** Who is calling, as throttles count them; null for in-process calls. */
  clientAddress: string | null;
  throttles: Throttles;
  /** Where the tRPC middleware reports each call's time and outcome; null records nothing. */
  metrics: ProcedureMetrics | null;
  /** Settings locked by the operator: they win over every stored value (settings/). */
  settingsLocks: SettingsLocks;
  publicUrl: string | null;
}

export interface ContextSource {
  req?: Pick<IncomingMessage, 'headers'>;
  info?: { connectionParams: Record<string, string | undefined> | null } | undefined;
  clientAddress?: string | null;
}

/** Shared by every in-process context that was given no throttles: nothing counts without an address anyway. */
let localThrottles: Throttles | null = null;

export function createContext(deps: AppDeps, source: ContextSource = {}): Context {
  return {
    db: deps.db,
    realtime: deps.realtime,
    sessionToken: sessionTokenOf(source),
    trackingToken: source.info?.connectionParams?.['trackingToken'] ?? null,
    now: deps.now ?? (() => new Date()),
    clientAddress: source.clientAddress ?? null,
    throttles: deps.throttles ?? (localThrottles ??= createThrottles()),
    metrics: deps.metrics?.procedures ?? null,
    settingsLocks: deps.settingsLocks ?? {},
    publicUrl: deps.publicUrl ?? null,
  };
}

function sessionTokenOf({ req, info }: ContextSource): string | null {
  const fromSocket = info?.connectionParams?.['token'];
  if (fromSocket) return fromSocket;
  const header = req?.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}
