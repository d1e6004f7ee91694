/** One real Ticketrail server process (Postgres + Redis bus), for the benchmark. */
import { openDatabase } from '../../server/src/db/connect';
import { startServer } from '../../server/src/http/server';
import { createRealtime } from '../../server/src/live';
import { RedisBus } from '../../server/src/live/redis-bus';
import { createThrottles, DEFAULT_THROTTLE_LIMITS } from '../../server/src/throttle';
import { redisThrottleStore } from '../../server/src/throttle/store';
import { answerBench } from './ipc';

const { DATABASE_URL, REDIS_URL, PORT, REDIS_PREFIX } = process.env;
if (!DATABASE_URL || !REDIS_URL || !PORT || !REDIS_PREFIX) throw new Error('bench instance env');

let resyncs = 0;
const log = (message: string) => {
  if (message.includes('subscriber back')) resyncs += 1;
  else if (!message.includes('Connection is closed'))
    console.error(`[ticketrail ${PORT}] ${message}`);
};
const database = await openDatabase({ kind: 'postgres', url: DATABASE_URL, maxConnections: 8 });
const realtime = createRealtime(
  database.db,
  new RedisBus(REDIS_URL, { prefix: REDIS_PREFIX, log }),
  {
    log,
  },
);
// Throttles counted in Redis as in production, so their cost is in the figures;
// the per-address budgets are raised, as every bench guest shares loopback.
const throttles = createThrottles(redisThrottleStore(REDIS_URL, REDIS_PREFIX, log), {
  ...DEFAULT_THROTTLE_LIMITS,
  perAddress: { place: 1_000_000, quote: 1_000_000 },
});
const server = await startServer({
  deps: { db: database.db, realtime, throttles },
  port: Number(PORT),
  host: '127.0.0.1',
  clientDist: '/nonexistent',
  log,
  // Thousands of bench subscribers share loopback: no cap per address here.
  websocket: { socketsPerAddress: 0 },
});
answerBench(
  async () => {
    await server.close();
    await realtime.close();
    await throttles.close();
    await database.close();
  },
  () => resyncs,
);
process.send?.({ type: 'ready', port: server.port });
