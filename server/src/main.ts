/**
 * Starts Ticketrail: database ready, one server on one port, and a banner that
 * tells a newcomer where to go and how to sign in.
 */
import { relative } from 'node:path';
import type { Kysely } from 'kysely';
import { ROLE_LABELS } from '@ticketrail/shared';
import { openAppDatabase } from './app';
import { loadConfig, REPO_ROOT } from './config';
import type { Database } from './db/schema';
import { startServer } from './http/server';
import { createRealtime } from './realtime';
import { MemoryBus } from './realtime/memory-bus';
import { RedisBus } from './realtime/redis-bus';
import { readDemoWelcome } from './seed/demo-status';

const config = loadConfig();
const log = (message: string) => console.error(message);
const database = await openAppDatabase(config, { seedDemo: config.seedDemo });
const bus =
  config.bus.kind === 'redis'
    ? new RedisBus(config.bus.url, { prefix: config.bus.prefix, log })
    : new MemoryBus();
const realtime = createRealtime(database.db, bus, { sweepMs: config.sweepMs, log });
const running = await startServer({
  deps: { db: database.db, realtime },
  port: config.port,
  host: config.host,
  clientDist: config.clientDist,
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
  `  Health      ${base}/healthz`,
  ...(await demoLoginLines(database.db)),
  '',
  'Press Ctrl+C to stop.',
  '',
];
console.log(lines.join('\n'));

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

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: finishing open requests and closing the database…`);
  await running.close();
  await realtime.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
