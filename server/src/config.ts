/**
 * Configuration, read once from the environment and checked. Nothing else in
 * the server reads `process.env`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LOG_LEVELS } from './observability/logger';
import {
  DEFAULT_WEBHOOK_POLICY,
  webhookPolicyFromEnv,
  type WebhookNetworkPolicy,
} from './automation/webhook/address-guard';
import { readSettingsLocks } from './settings/locks';
import { DEFAULT_ADDRESS_LIMITS } from './throttle/per-address';
import { DEFAULT_SIGN_IN_LIMITS } from './throttle/sign-in';

/** The repository's root: relative paths in messages are given from here. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Postgres for production; unset means the embedded PGlite database. */
  DATABASE_URL: z.url().optional(),
  /** Where the embedded database keeps its files (relative paths: from the repository). */
  DATA_DIR: z.string().min(1).default('data'),
  /** The built client; the server serves it when it exists. */
  CLIENT_DIST: z.string().min(1).default('client/dist'),
  /** Seed the demo restaurant on start: on by default for the embedded database. */
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  /** Redis for the room bus (several server instances); unset means the in-process bus. */
  REDIS_URL: z.url().optional(),
  /** Prefix of this installation's Redis channels. */
  REDIS_PREFIX: z.string().default('ticketrail:'),
  /** How often live rooms are checked against the event log, as a last resort (ms). */
  SWEEP_MS: z.coerce.number().int().min(0).default(10_000),
  /** The address people type, for the links printed at start-up. */
  PUBLIC_URL: z.url().optional(),
  /**
   * How many reverse proxies stand in front (0: none). Their X-Forwarded-For
   * names the caller; without this every guest would share the proxy's address.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** The least severe log lines written (JSON on stderr). */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /**
   * A bearer token for GET /metrics. Unset: only a direct connection from
   * this machine is answered. /metrics has no rate limit, so the token must
   * be long enough not to be guessed.
   */
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  // Limits at the public edge (README, "Running in public"). 0 turns one off.
  LIMIT_SOCKETS_PER_ADDRESS: limit(200),
  LIMIT_SUBSCRIPTIONS_PER_SOCKET: limit(32),
  LIMIT_ORDERS_PER_MINUTE: limit(DEFAULT_ADDRESS_LIMITS.place),
  LIMIT_QUOTES_PER_MINUTE: limit(DEFAULT_ADDRESS_LIMITS.quote),
  LIMIT_SIGNIN_FAILURES: limit(DEFAULT_SIGN_IN_LIMITS.perAccountAndAddress),
  LIMIT_SIGNIN_FAILURES_PER_ADDRESS: limit(DEFAULT_SIGN_IN_LIMITS.perAddressPerHour),
  LIMIT_SIGNIN_FAILURES_PER_ACCOUNT: limit(DEFAULT_SIGN_IN_LIMITS.perAccountPerHour),
});

function readWebhookPolicy(
  env: NodeJS.ProcessEnv,
): { policy: WebhookNetworkPolicy } | { problem: string; policy: WebhookNetworkPolicy } {
  try {
    return { policy: webhookPolicyFromEnv(env) };
  } catch (error) {
    return {
      problem: error instanceof Error ? error.message : String(error),
      policy: DEFAULT_WEBHOOK_POLICY,
    };
  }
}

function limit(fallback: number) {
  return z.coerce.number().int().min(0).max(1_000_000).default(fallback);
}

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = schema.safeParse(env);
  // Settings the operator locks (TICKETRAIL_LOCK_<SETTING>, settings/locks.ts), checked with the settings' schema.
  const locked = readSettingsLocks(env);
  // Where rules' webhooks may go (TICKETRAIL_WEBHOOK_ALLOW_PRIVATE, _ALLOW_HOSTS): not the private network by default.
  const webhooks = readWebhookPolicy(env);
  if (!parsed.success || locked.problems.length > 0 || 'problem' in webhooks) {
    const problems = [
      ...(parsed.error?.issues ?? []).map((issue) => `  ${issue.path.join('.')}: ${issue.message}`),
      ...locked.problems,
      ...('problem' in webhooks ? [`  ${webhooks.problem}`] : []),
    ];
    throw new Error(`Ticketrail's configuration is not valid:\n${problems.join('\n')}`);
  }
  const config = parsed.data;
  return {
    port: config.PORT,
    host: config.HOST,
    database: config.DATABASE_URL
      ? ({ kind: 'postgres', url: config.DATABASE_URL } as const)
      : ({ kind: 'pglite', dataDir: resolve(REPO_ROOT, config.DATA_DIR) } as const),
    clientDist: resolve(REPO_ROOT, config.CLIENT_DIST),
    bus: config.REDIS_URL
      ? ({ kind: 'redis', url: config.REDIS_URL, prefix: config.REDIS_PREFIX } as const)
      : ({ kind: 'memory' } as const),
    sweepMs: config.SWEEP_MS,
    seedDemo: config.SEED_DEMO ? config.SEED_DEMO === 'true' : !config.DATABASE_URL,
    publicUrl: config.PUBLIC_URL ?? null,
    trustProxy: config.TRUST_PROXY,
    logLevel: config.LOG_LEVEL,
    metricsToken: config.METRICS_TOKEN ?? null,
    settingsLocks: locked.locks,
    webhookPolicy: webhooks.policy,
    limits: {
      socketsPerAddress: config.LIMIT_SOCKETS_PER_ADDRESS,
      subscriptionsPerSocket: config.LIMIT_SUBSCRIPTIONS_PER_SOCKET,
      throttles: {
        perAddress: {
          place: config.LIMIT_ORDERS_PER_MINUTE,
          quote: config.LIMIT_QUOTES_PER_MINUTE,
        },
        signIn: {
          perAccountAndAddress: config.LIMIT_SIGNIN_FAILURES,
          perAddressPerHour: config.LIMIT_SIGNIN_FAILURES_PER_ADDRESS,
          perAccountPerHour: config.LIMIT_SIGNIN_FAILURES_PER_ACCOUNT,
        },
      },
    },
  };
}
