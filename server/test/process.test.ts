/**
 * The real server process, as `npm start` runs it: what a stranger's frames
 * once did to it (one frame stopped the process), and a clean stop on SIGTERM.
 * A child process, so a crash shows as an exit rather than as a test error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { backend } from './support/database';
import { waitUntil } from './support/live';

const SERVER_ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  output: string[];
  exit: Promise<number | null>;
}

async function startMain(dataDir: string): Promise<Running> {
  // The embedded default (PGlite, in-process bus), as `npm start` runs it.
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_ROOT,
    env: {
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      CLIENT_DIST: join(dataDir, 'no-client'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let url = '';
  await waitUntil(
    () => {
      url = /Open\s+(http:\/\/\S+)\//.exec(output.join(''))?.[1] ?? '';
      return url !== '' || child.exitCode !== null;
    },
    'the server to print its address',
    60_000,
  );
  if (!url) throw new Error(`The server did not start:\n${output.join('')}`);
  return { child, url, output, exit };
}

/** Sends one first frame on a socket that promised connectionParams; resolves when it closes. */
function firstFrame(url: string, frame: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/trpc?connectionParams=1`);
    socket.once('open', () => socket.send(frame));
    socket.once('close', resolve);
    socket.once('error', reject);
  });
}

describe.runIf(backend === 'pglite')('the server process', () => {
  let dataDir: string;
  let running: Running;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ticketrail-process-'));
    running = await startMain(dataDir);
  }, 90_000);

  afterAll(async () => {
    if (running?.child.exitCode === null) running.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('survives every first frame that once stopped it', async () => {
    const frames = [
      '{}',
      'null',
      '5',
      '{"method":"connectionParams","data":{"token":1}}',
      '{"id":1,"method":"query","params":{"path":"menu.locations"}}',
    ];
    for (const frame of frames) {
      expect(await firstFrame(running.url, frame)).toBe(1008);
    }
    expect(running.child.exitCode).toBeNull();
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('stops cleanly on SIGTERM, closing the database', async () => {
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
    expect(running.output.join('')).toContain('SIGTERM: finishing open requests');
    expect(running.output.join('')).not.toContain('uncaught');
  });
});
