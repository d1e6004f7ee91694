// `pnpm cluster [N]`: N Ticketrail server instances on consecutive ports
// (PORT, PORT+1, …) sharing one Postgres (DATABASE_URL) and one Redis
// (REDIS_URL) — horizontal scale needs nothing else. Ctrl+C stops them all.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT, step, warn } from './lib/run.mjs';

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

const children = [];
let stopping = false;

function startInstance(index) {
  const port = basePort + index;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: `${ROOT}server`,
    // The first instance migrates and seeds; the others find it done.
    env: {
      ...process.env,
      PORT: String(port),
      SEED_DEMO: index === 0 ? (process.env.SEED_DEMO ?? 'true') : 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const label = `[${port}]`;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`${label} ${line}`));
  }
  child.on('exit', (code, signal) => {
    console.log(`${label} stopped (${signal ?? `exit ${code}`})`);
    if (!stopping) stopAll(1);
  });
  children.push(child);
  return new Promise((resolve) => {
    const onLine = (line) => {
      if (line.includes('Press Ctrl+C')) resolve(port);
    };
    createInterface({ input: child.stdout }).on('line', onLine);
  });
}

function stopAll(code) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve)))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

step(`Starting ${count} instance${count === 1 ? '' : 's'} from port ${basePort}`);
const ports = [await startInstance(0)];
for (let index = 1; index < count; index += 1) ports.push(await startInstance(index));
console.log(`\nAll up: ${ports.map((port) => `http://localhost:${port}`).join('  ')}\n`);
