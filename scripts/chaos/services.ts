/**
 * The suite's own Postgres and Redis, on free ports in a temporary directory:
 * the shared ones (5432, 6379) are never touched, and the faults (SIGKILL,
 * restarts) hit nothing but these.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { onEmergencyExit } from './emergency';
import { sleep, waitFor } from './wait';

/** Runs a command to its end; rejects with its output when it fails or overruns. */
export function run(
  command: string,
  args: string[],
  options: { timeoutMs?: number; asPostgres?: boolean } = {},
): Promise<string> {
  // Postgres refuses to run as root: as root, run its tools as `postgres`.
  const [file, argv] =
    options.asPostgres && process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
      : [command, args];
  return new Promise((resolve, reject) => {
    execFile(file, argv, { timeout: options.timeoutMs ?? 60_000 }, (error, stdout, stderr) => {
      if (error)
        reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** A TCP port nobody listens on now (the OS picks; then we let go of it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      );
    });
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port P with P+1 … P+count-1 free too: the cluster's instances take consecutive ports. */
export async function freePortRange(count: number): Promise<number> {
  for (let tries = 0; tries < 50; tries += 1) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    let free = true;
    for (let offset = 0; offset < count && free; offset += 1) free = await canListen(base + offset);
    if (free) return base;
  }
  throw new Error(`No ${count} consecutive free ports found`);
}

/** Whether something accepts TCP connections on the port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => done(true));
  });
}

export interface PrivatePostgres {
  port: number;
  /** The suite's database. */
  url: string;
  logFile: string;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when it returns. */
  restart: () => Promise<void>;
  /** The server's log (for a failure's message). */
  log: () => Promise<string>;
  stop: () => Promise<void>;
}

export async function startPostgres(bin: string, workDir: string): Promise<PrivatePostgres> {
  const port = await freePort();
  const dataDir = join(workDir, 'pg');
  const logFile = join(workDir, 'postgres.log');
  // Postgres runs as `postgres` when we are root: it must own the directory.
  if (process.getuid?.() === 0) {
    const uid = Number((await run('id', ['-u', 'postgres'])).trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).trim());
    await chown(workDir, uid, gid);
  }
  const asPostgres = { asPostgres: true, timeoutMs: 120_000 };
  await run(
    join(bin, 'initdb'),
    [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ],
    asPostgres,
  );
  // Loopback only, its socket in our directory, and no fsync: nothing here must survive the machine.
  const options = `-p ${port} -k ${workDir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const pgCtl = (...args: string[]) =>
    run(join(bin, 'pg_ctl'), ['-D', dataDir, ...args], asPostgres);
  await pgCtl('-o', options, '-l', logFile, '-w', '-t', '60', 'start');
  const forget = onEmergencyExit(() => {
    const argv = [join(bin, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', 'stop'];
    if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', ...argv]);
    else execFileSync(argv[0]!, argv.slice(1));
  });

  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query('create database ticketrail_chaos');
  await admin.end();

  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/ticketrail_chaos`,
    logFile,
    // With its log file again: without one the server would hold pg_ctl's stdout open.
    restart: async () =>
      void (await pgCtl('-o', options, '-l', logFile, '-m', 'fast', '-w', '-t', '60', 'restart')),
    log: () => readFile(logFile, 'utf8').catch(() => ''),
    stop: async () => {
      await pgCtl('-m', 'immediate', '-w', '-t', '30', 'stop');
      forget();
    },
  };
}

export interface PrivateRedis {
  port: number;
  url: string;
  /** SIGKILL: no goodbye to any client, as a crash or an OOM kill. */
  kill: () => Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing). */
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

export async function startRedis(server: string, workDir: string): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let starts = 0;

  const start = async () => {
    starts += 1;
    // `--save ""` and no AOF: nothing persists, as in the CI's Redis.
    const process_ = spawn(
      server,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--logfile',
        join(workDir, `redis-${starts}.log`),
      ],
      { stdio: 'ignore' },
    );
    child = process_;
    exited = new Promise((resolve) => process_.once('exit', () => resolve()));
    await waitFor(`Redis to accept connections on ${port}`, () => accepts(port), 20_000);
  };
  const kill = async () => {
    child?.kill('SIGKILL');
    await exited;
    child = null;
  };
  await start();
  const forget = onEmergencyExit(() => child?.kill('SIGKILL'));
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    start: async () => {
      if (child) throw new Error('Redis is already running');
      await start();
    },
    stop: async () => {
      await kill();
      forget();
    },
  };
}

/** A fresh temporary directory; removed by `removeWorkDir`. */
export function makeWorkDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ticketrail-chaos-'));
}

export async function removeWorkDir(dir: string): Promise<void> {
  // Postgres may still be letting go of its files for a moment.
  for (let tries = 0; tries < 5; tries += 1) {
    try {
      await rm(dir, { recursive: true, force: true });
      return;
    } catch {
      await sleep(200);
    }
  }
}
