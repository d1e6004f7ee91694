/**
 * Guest load on a weak phone signal (issue 13): how long until a guest can
 * read the demo restaurant's menu, and what the page downloads for it.
 *
 * A real Ticketrail server (in this process, PGlite in memory with the demo
 * restaurant, the in-memory bus) serves the client's production build on a
 * loopback port. Debian's Chromium opens /l/harbour-kitchen as a phone, with
 * Chromium's own network emulation: every request waits `--latency` ms and
 * bytes flow at `--kbs` kB/s each way. It prints, for a cold visit (empty
 * cache) and then a warm one (the same tab reloading):
 *
 *   readable   ms from navigation until the first dish's name is on screen
 *   tappable   ms until the app has taken over (dishes are buttons; the menu sent
 *              with the page reads before that, but a tap does nothing yet)
 *   js         bytes of JavaScript on the wire (as served: brotli), its files
 *   total      bytes on the wire for everything (headers included), requests
 *
 * It asserts nothing about time: it prints. It fails (exit 1) only when
 * something did not work: no Chromium, the build failed, the menu never came.
 * The client is built first when its build is missing or older than its source.
 *
 *   pnpm bench guest-load [--latency 2000] [--kbs 50] [--visits 2] [--files]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession } from 'playwright-core';
import { openDatabase } from '../../server/src/db/connect';
import { migrateToLatest } from '../../server/src/db/migrate';
import { seedDemo } from '../../server/src/demo/seed';
import { startServer } from '../../server/src/http/server';
import { createRealtime } from '../../server/src/live';
import { MemoryBus } from '../../server/src/live/memory-bus';
import { getMenu } from '../../server/src/menu/public-menu';

const USAGE = 'pnpm bench guest-load [--latency 2000] [--kbs 50] [--visits 2] [--files]';
const CHROMIUM_PATH = '/usr/bin/chromium';
const SLUG = 'harbour-kitchen';
/** The whole run, however the network behaves: the bench always stops by itself. */
const DEADLINE_MS = 5 * 60_000;
/** How long each visit may take to show the menu. */
const VISIT_TIMEOUT_MS = 90_000;
/** The page has settled when no request has been open for this long. */
const QUIET_MS = 1_500;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLIENT = join(ROOT, 'client');
const DIST = join(CLIENT, 'dist');

function readArgs() {
  try {
    const { values } = parseArgs({
      options: {
        latency: { type: 'string', default: '2000' },
        kbs: { type: 'string', default: '50' },
        visits: { type: 'string', default: '2' },
        files: { type: 'boolean', default: false },
      },
    });
    const latency = Number(values.latency);
    const kbs = Number(values.kbs);
    const visits = Number(values.visits);
    if (!(latency >= 0) || !(kbs > 0) || !Number.isInteger(visits) || visits < 1) {
      throw new Error('--latency takes ms (≥ 0), --kbs kB/s (> 0), --visits a whole number ≥ 1');
    }
    return { latency, kbs, visits, files: values.files };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

/** The newest modification time under `path` (a file or a folder). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Builds the client unless its build is newer than everything it is built from. */
function buildClientIfNeeded(): void {
  const manifest = join(DIST, '.vite', 'manifest.json');
  const sources = [
    join(CLIENT, 'src'),
    join(CLIENT, 'index.html'),
    join(CLIENT, 'vite.config.ts'),
    join(ROOT, 'shared', 'src'),
  ];
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  if (built > Math.max(...sources.map(newest))) {
    console.log('client build is up to date');
    return;
  }
  console.log('building the client (vite build)…');
  const result = spawnSync(
    process.execPath,
    [join(CLIENT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: CLIENT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

interface Transfer {
  url: string;
  type: string;
  /** Bytes on the wire, headers included; 0 when it came from the browser's cache. */
  bytes: number;
  cached: boolean;
  /** Seconds since the visit's first request: asked, and fully arrived. */
  start: number;
  end: number;
}

/** Counts what the page fetches, from Chromium's own network events. */
function watchNetwork(cdp: CDPSession) {
  const open = new Map<string, { url: string; type: string; cached: boolean; start: number }>();
  let transfers: Transfer[] = [];
  let lastActivity = Date.now();
  /** Chromium's monotonic clock (seconds) at the visit's first request. */
  let zero: number | null = null;
  cdp.on('Network.requestWillBeSent', (event) => {
    zero ??= event.timestamp;
    open.set(event.requestId, {
      url: event.request.url,
      type: event.type ?? 'Other',
      cached: false,
      start: event.timestamp - zero,
    });
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (event) => {
    const request = open.get(event.requestId);
    if (request) {
      request.cached = event.response.fromDiskCache === true;
    }
  });
  cdp.on('Network.requestServedFromCache', (event) => {
    const request = open.get(event.requestId);
    if (request) request.cached = true;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = open.get(event.requestId);
    if (!request) return;
    open.delete(event.requestId);
    // Nothing on the wire is a copy from the cache, however the response was flagged.
    const cached = request.cached || event.encodedDataLength === 0;
    transfers.push({
      ...request,
      cached,
      bytes: cached ? 0 : event.encodedDataLength,
      end: event.timestamp - (zero ?? event.timestamp),
    });
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', (event) => {
    open.delete(event.requestId);
    lastActivity = Date.now();
  });
  return {
    reset() {
      open.clear();
      transfers = [];
      zero = null;
      lastActivity = Date.now();
    },
    /** Resolves once nothing has been in flight for QUIET_MS (the socket aside). */
    async settled(deadline: number): Promise<Transfer[]> {
      for (;;) {
        const busy = [...open.values()].some((request) => request.type !== 'WebSocket');
        if (!busy && Date.now() - lastActivity >= QUIET_MS) return transfers;
        if (Date.now() > deadline) throw new Error('the page kept loading past its deadline');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

/** The part of the page's DOM `readableAt` reads (this script has no DOM types). */
interface PageGlobals {
  document: {
    body: { innerText: string } | null;
    querySelectorAll(selector: string): Iterable<{ sheet: unknown }>;
    querySelector(selector: string): unknown;
  };
  performance: { now(): number };
}

/**
 * Runs in the page: ms since navigation once `name` is in the page and the
 * page may paint (its stylesheets are in); false before.
 */
function readableAt(name: string): number | false {
  const { document, performance } = globalThis as unknown as PageGlobals;
  if (!document.body?.innerText.includes(name)) return false;
  const sheets = [...document.querySelectorAll('link[rel=stylesheet]')];
  return sheets.every((link) => link.sheet) && performance.now();
}

/**
 * Runs in the page: ms since navigation once the app has taken the page over
 * (the dishes are buttons a guest can tap: the menu HTML sent with the page is
 * read-only), false before.
 */
function tappableAt(): number | false {
  const { document, performance } = globalThis as unknown as PageGlobals;
  return document.querySelector('button.menu-item__open') !== null && performance.now();
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

async function main() {
  const options = readArgs();
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH} (Debian: apt-get install chromium)`);
  }
  buildClientIfNeeded();

  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  const logged: string[] = [];
  const log = (message: string) => logged.push(message);
  await migrateToLatest(database.db);
  await seedDemo(database.db);
  const menu = await getMenu(database.db, SLUG);
  const firstDish = menu.categories.flatMap((category) => category.items)[0]?.name;
  if (!firstDish) throw new Error(`The demo restaurant ${SLUG} has no dishes`);
  const realtime = createRealtime(database.db, new MemoryBus(), { log });
  const server = await startServer({
    deps: { db: database.db, realtime },
    port: 0,
    host: '127.0.0.1',
    clientDist: DIST,
    log,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-IE',
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: options.latency,
      downloadThroughput: options.kbs * 1000,
      uploadThroughput: options.kbs * 1000,
    });
    const network = watchNetwork(cdp);
    const url = `${server.url}/l/${SLUG}`;
    console.log(
      `\n${url} on a phone, ${options.latency} ms per request, ${options.kbs} kB/s each way; ` +
        `readable = “${firstDish}” on screen\n`,
    );
    console.log(
      'visit  readable  tappable   js on the wire (files)   total on the wire (requests)',
    );
    for (let visit = 1; visit <= options.visits; visit += 1) {
      network.reset();
      const deadline = Date.now() + VISIT_TIMEOUT_MS;
      await page.goto(url, { waitUntil: 'commit', timeout: VISIT_TIMEOUT_MS });
      // Measured in the page, from its navigation's start, at the frame the name shows in.
      const readable = await page.waitForFunction(readableAt, firstDish, {
        polling: 'raf',
        timeout: VISIT_TIMEOUT_MS,
      });
      const readableMs = Math.round(Number(await readable.jsonValue()));
      const tappable = await page.waitForFunction(tappableAt, undefined, {
        polling: 'raf',
        timeout: VISIT_TIMEOUT_MS,
      });
      const tappableMs = Math.round(Number(await tappable.jsonValue()));
      const transfers = await network.settled(deadline);
      const scripts = transfers.filter((transfer) => transfer.type === 'Script');
      const jsBytes = scripts.reduce((sum, transfer) => sum + transfer.bytes, 0);
      const totalBytes = transfers.reduce((sum, transfer) => sum + transfer.bytes, 0);
      const fetched = transfers.filter((transfer) => !transfer.cached).length;
      const label = visit === 1 ? 'cold' : 'warm';
      console.log(
        `${label.padEnd(5)}  ${`${(readableMs / 1000).toFixed(2)} s`.padStart(8)}  ` +
          `${`${(tappableMs / 1000).toFixed(2)} s`.padStart(8)}   ` +
          `${`${kb(jsBytes)} (${scripts.filter((s) => !s.cached).length})`.padEnd(22)}   ` +
          `${kb(totalBytes)} (${fetched} fetched, ${transfers.length - fetched} from cache)`,
      );
      if (options.files) {
        for (const transfer of transfers) {
          const where = transfer.cached ? 'cache' : kb(transfer.bytes);
          const when = `${transfer.start.toFixed(2)}–${transfer.end.toFixed(2)} s`;
          const path = new URL(transfer.url).pathname;
          console.log(
            `         ${where.padStart(9)}  ${when.padStart(13)}  ${transfer.type.padEnd(10)} ${path}`,
          );
        }
      }
    }
    const failures = logged.filter((line) => /failed|error/i.test(line));
    if (failures.length > 0) console.error(`\nThe server reported:\n${failures.join('\n')}`);
  } finally {
    await browser.close();
    await server.close();
    await realtime.close();
    await database.close();
  }
}

const watchdog = setTimeout(() => {
  console.error(`guest-load did not finish within ${DEADLINE_MS / 1000} s`);
  process.exit(1);
}, DEADLINE_MS);
watchdog.unref();

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`guest-load failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
