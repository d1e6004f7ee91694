// `pnpm cluster [N]`: N Ticketrail server instances on consecutive ports
// (PORT, PORT+1, …) sharing one Postgres (DATABASE_URL) and one Redis
// (REDIS_URL) — horizontal scale needs nothing else — kept running by a small
// supervisor:
//
// - an instance that exits on its own (a crash, SIGKILL, the OOM killer) is
//   started again on its port after a backoff: 0.5 s, doubling up to 10 s, back
//   to 0.5 s once it had stayed up a minute;
// - an instance that keeps dying before it is ready (5 times within a minute)
//   is not a blip but a broken set-up: everything stops, exit code 1;
// - Ctrl+C, SIGTERM or SIGHUP stops them all: SIGTERM to each (they finish
//   open requests), then SIGKILL for any still there after 10 s.
//
// Instance 0 seeds the demo restaurant (SEED_DEMO, default true) until it has
// once been ready, so a failed first start cannot leave it unseeded; every
// later start of it, and every start of the others, runs with SEED_DEMO=false.
// An instance is ready when its /healthz answers 200.
//
// The supervisor's own lines (scripts/chaos parses them; keep them stable):
//
//   [3001] started (pid 1234)
//   [3001] ready (pid 1234)
//   [3001] exited (SIGKILL); restarting in 0.5 s        (or "(code 1)")
//   [3001] exited (code 1); giving up: 5 failed starts within a minute
//   [3001] stopped (code 0)                             (an exit we asked for)
//   All up: http://localhost:3000  http://localhost:3001
//
// Every line an instance prints is passed on with its "[PORT] " in front.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT, step, warn } from './lib/run.mjs';

const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 10_000;
/** Up this long, an instance is healthy again: its next crash restarts it after the shortest wait. */
const STABLE_AFTER_MS = 60_000;
/** This many exits before ever becoming ready, within the window, means it cannot start. */
const MAX_FAILED_STARTS = 5;
const FAILED_STARTS_WINDOW_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const HEALTH_POLL_MS = 200;

const count = Number(process.argv[2] ?? 2);
const basePort = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(count) || count < 1 || count > 16) {
  console.error('Usage: pnpm cluster [N]  (1 to 16 instances)');
  process.exit(2);
}
const missing = ['DATABASE_URL', 'REDIS_URL'].filter((name) => !process.env[name]);
if (missing.length > 0) {
  warn([
    `Several instances must share a database and a bus: set ${missing.join(' and ')}.`,
    'e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379',
  ]);
  process.exit(2);
}
// Where the health check knocks: a wildcard listener answers on loopback.
const host = process.env.HOST;
const healthHost = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;

let stopping = false;

const instances = Array.from({ length: count }, (_, index) => ({
  index,
  port: basePort + index,
  /** The running process, or null between a crash and its restart. */
  child: null,
  startedAt: 0,
  ready: false,
  everReady: false,
  backoffMs: INITIAL_BACKOFF_MS,
  /** When recent starts died before they were ready. */
  failedStarts: [],
  restartTimer: null,
  /** Resolves the first time the instance is ready. */
  firstReady: null,
}));
for (const instance of instances) {
  instance.firstReady = new Promise((resolve) => (instance.onFirstReady = resolve));
}

const say = (instance, text) => console.log(`[${instance.port}] ${text}`);
const describeExit = (code, signal) => (signal ? signal : `code ${code}`);

function start(instance) {
  instance.restartTimer = null;
  if (stopping) return;
  const seed = instance.index === 0 && !instance.everReady;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: `${ROOT}server`,
    env: {
      ...process.env,
      PORT: String(instance.port),
      SEED_DEMO: seed ? (process.env.SEED_DEMO ?? 'true') : 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl+C reaches the supervisor only, which stops
    // the instances in order instead of racing their exits against its own.
    detached: true,
  });
  instance.child = child;
  instance.startedAt = Date.now();
  instance.ready = false;
  say(instance, `started (pid ${child.pid})`);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => say(instance, line));
  }
  child.on('error', (error) => say(instance, `could not start: ${error.message}`));
  child.on('exit', (code, signal) => onExit(instance, child, code, signal));
  void watchHealth(instance, child);
}

/** Polls /healthz until it answers 200 (ready) or the process is gone. */
async function watchHealth(instance, child) {
  const url = `http://${healthHost.includes(':') ? `[${healthHost}]` : healthHost}:${instance.port}/healthz`;
  while (instance.child === child && child.exitCode === null && child.signalCode === null) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok && instance.child === child) {
        instance.ready = true;
        instance.everReady = true;
        instance.failedStarts = [];
        say(instance, `ready (pid ${child.pid})`);
        instance.onFirstReady();
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
}

function onExit(instance, child, code, signal) {
  if (instance.child !== child) return;
  instance.child = null;
  const how = describeExit(code, signal);
  if (stopping) {
    say(instance, `stopped (${how})`);
    return;
  }
  const now = Date.now();
  if (!instance.ready) {
    instance.failedStarts = instance.failedStarts.filter(
      (at) => now - at < FAILED_STARTS_WINDOW_MS,
    );
    instance.failedStarts.push(now);
    if (instance.failedStarts.length >= MAX_FAILED_STARTS) {
      say(
        instance,
        `exited (${how}); giving up: ${MAX_FAILED_STARTS} failed starts within a minute`,
      );
      console.error(
        `\n✗ The instance on port ${instance.port} keeps dying before it is ready; ` +
          'its own lines above say why (database or Redis unreachable? port taken?). ' +
          'Stopping every instance.',
      );
      void stopAll(1);
      return;
    }
  }
  if (now - instance.startedAt >= STABLE_AFTER_MS) instance.backoffMs = INITIAL_BACKOFF_MS;
  const delay = instance.backoffMs;
  instance.backoffMs = Math.min(delay * 2, MAX_BACKOFF_MS);
  say(instance, `exited (${how}); restarting in ${delay / 1000} s`);
  instance.restartTimer = setTimeout(() => start(instance), delay);
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  const running = [];
  for (const instance of instances) {
    if (instance.restartTimer) clearTimeout(instance.restartTimer);
    const { child } = instance;
    if (!child) continue;
    running.push(new Promise((resolve) => child.once('exit', resolve)));
    child.kill('SIGTERM');
  }
  const timeout = setTimeout(() => {
    for (const instance of instances) {
      if (!instance.child) continue;
      say(instance, `still running after ${STOP_TIMEOUT_MS / 1000} s: SIGKILL`);
      instance.child.kill('SIGKILL');
    }
  }, STOP_TIMEOUT_MS);
  await Promise.all(running);
  clearTimeout(timeout);
  process.exit(code);
}

// The instances run in their own process group (see start): every way the
// supervisor is told to stop reaches them through it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stopAll(0));
// A reader that went away (`pnpm cluster 3 | head`) is no reason to stop supervising.
process.stdout.on('error', () => {});
// Whatever ends the supervisor, its instances go with it.
process.on('exit', () => {
  for (const instance of instances) instance.child?.kill('SIGKILL');
});

step(`Starting ${count} instance${count === 1 ? '' : 's'} from port ${basePort}`);
// The first one migrates (and seeds) alone; the others find it done.
start(instances[0]);
await instances[0].firstReady;
for (const instance of instances.slice(1)) {
  start(instance);
  await instance.firstReady;
}
if (!stopping) {
  console.log(
    `\nAll up: ${instances.map((instance) => `http://localhost:${instance.port}`).join('  ')}\n`,
  );
}
