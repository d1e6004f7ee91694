/**
 * Starts Ticketrail: database ready, one server on one port, and a banner that
 * tells a newcomer where to go and how to sign in. The banner goes to stdout,
 * for people and scripts/cluster.mjs; log lines go to stderr as JSON.
 */
import { relative } from 'node:path';
import type { Kysely } from 'kysely';
import { ROLE_LABELS } from '@ticketrail/shared';
import { openAppDatabase } from './app';
import { loadConfig, REPO_ROOT } from './config';
import type { Database } from './db/schema';
import { startServer } from './http/server';
import { logLines } from './observability/log-lines';
import { createLogger } from './observability/logger';
import { createMetrics } from './observability/metrics';
import { installProcessGuard } from './process-guard';
import { startAutomation } from './automation/worker';
import { createRealtime } from './live';
import { MemoryBus } from './live/memory-bus';
import { RedisBus } from './live/redis-bus';
import { readDemoWelcome } from './demo/status';
import { createThrottles } from './throttle';
import { memoryThrottleStore, redisThrottleStore } from './throttle/store';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
const log = logLines(logger);
const metrics = createMetrics();
const database = await openAppDatabase(config, {
  seedDemo: config.seedDemo,
  onPoolError: (error) => {
    metrics.poolError();
    log(`[database] a pooled connection failed (the next query reconnects): ${error.message}`);
  },
});
const bus =
  config.bus.kind === 'redis'
    ? new RedisBus(config.bus.url, { prefix: config.bus.prefix, log })
    : new MemoryBus();
const realtime = createRealtime(database.db, bus, {
  sweepMs: config.sweepMs,
  log,
  stats: metrics.live,
});
// With Redis every instance shares each count; a stranger gains nothing by spreading calls.
const throttles = createThrottles(
  config.bus.kind === 'redis'
    ? redisThrottleStore(config.bus.url, config.bus.prefix, log)
    : memoryThrottleStore(),
  config.limits.throttles,
);
const running = await startServer({
  deps: {
    db: database.db,
    realtime,
    throttles,
    metrics,
    settingsLocks: config.settingsLocks,
    publicUrl: config.publicUrl,
  },
  port: config.port,
  host: config.host,
  clientDist: config.clientDist,
  log,
  trustProxy: config.trustProxy,
  metricsToken: config.metricsToken,
  websocket: {
    socketsPerAddress: config.limits.socketsPerAddress,
    subscriptionsPerSocket: config.limits.subscriptionsPerSocket,
  },
});
// Every instance works the automation rules; the database shares the work out (automation/worker.ts).
const automation = startAutomation(database.db, {
  locks: config.settingsLocks,
  policy: config.webhookPolicy,
  log,
});
const guard = installProcessGuard({
  log,
  // Running requests finish, then the live layer and the database close: what
  // was acknowledged is committed and, on PGlite, flushed to ./data.
  shutdown: async () => {
    await running.close();
    await automation.close();
    await realtime.close();
    await throttles.close();
    await database.close();
  },
});

const base = config.publicUrl ?? running.url;
const where =
  config.database.kind === 'pglite'
    ? `the embedded database (files in ./${relative(REPO_ROOT, config.database.dataDir)})`
    : 'PostgreSQL';
const live = config.bus.kind === 'redis' ? 'Redis' : 'the in-process bus';
const lines = [
  '',
  `Ticketrail is ready on ${where}, live updates through ${live}.`,
  '',
  `  Open        ${base}/`,
  `  API         ${base}/trpc`,
  `  Back office ${base}/manage`,
  `  Health      ${base}/healthz`,
  ...(await demoLoginLines(database.db)),
  '',
  'Press Ctrl+C to stop.',
  '',
];
console.log(lines.join('\n'));
logger.info(
  { component: 'process', port: running.port, database: config.database.kind, bus: bus.kind },
  'ready',
);

/** The demo logins whose passwords still work; a changed password is not printed. */
async function demoLoginLines(db: Kysely<Database>): Promise<string[]> {
  const demo = await readDemoWelcome(db);
  if (!demo) return [];
  return [
    '',
    'Demo logins (change them before a real service):',
    ...demo.logins.map(
      (login) => `  ${ROLE_LABELS[login.role].padEnd(15)} ${login.email}  /  ${login.password}`,
    ),
  ];
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.log(`\n${signal}: finishing open requests and closing the database…`);
    void guard.stop(signal, 0);
  });
}
