/**
 * What every junk file shares: a real server on port 0 over the file's test
 * database, real sign-ins, the checks that the server is still well
 * (health, a valid query over HTTP and over a socket, no crash, no polluted
 * prototype, no changed table), the judging of an HTTP answer, and
 * fast-check's settings.
 */
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { startServer, type RunningServer } from '../../src/http/server';
import { PASSWORD, testDeps, type Fixture } from '../support/fixture';
import { changesBetween, rowsChanged, snapshotTables, type DatabaseState } from './db-state';
import { errorsInBody, send, type HttpOutcome } from './http-client';
import type { Sessions } from './procedures';
import { Tally } from './tally';
import { openSocket } from './ws-client';

export interface JunkServer {
  running: RunningServer;
  port: number;
  /** Everything the server logged. */
  logs: string[];
}

export async function startJunkServer(db: Kysely<Database>): Promise<JunkServer> {
  const logs: string[] = [];
  const running = await startServer({
    deps: testDeps(db),
    port: 0,
    clientDist: '/nonexistent',
    log: (message) => logs.push(message),
  });
  return { running, port: running.port, logs };
}

/**
 * Log lines of calls that failed inside the server: tRPC and the socket
 * handler log only INTERNAL_SERVER_ERRORs (`… failed: …`), the static
 * files a request they could not serve (`[http] /path: …`).
 */
export const internalLogLines = (logs: readonly string[]) =>
  logs.filter((line) => / failed: /.test(line) || line.startsWith('[http] /'));

/**
 * Runs `act` and throws if the server logged an internal failure meanwhile,
 * so that fast-check pins the failure on the junk that caused it (cases run
 * one at a time). A moment's wait lets a handler still running log first.
 */
export async function expectNoInternalFailure<T>(
  server: JunkServer,
  tally: Tally,
  what: string,
  act: () => Promise<T>,
): Promise<T> {
  const before = internalLogLines(server.logs).length;
  const result = await act();
  await new Promise((resolve) => setTimeout(resolve, 1));
  const fresh = internalLogLines(server.logs).slice(before);
  if (fresh.length > 0) {
    tally.serverErrors += 1;
    throw new Error(`The server logged an internal failure for ${what}:\n${fresh.join('\n')}`);
  }
  return result;
}

const describeOutcome = (outcome: HttpOutcome) =>
  outcome.kind === 'response'
    ? `${outcome.status} ${outcome.body.slice(0, 300)}`
    : `${outcome.kind}: ${outcome.kind === 'timeout' ? outcome.during : outcome.message}`;

async function post(port: number, path: string, input: unknown): Promise<unknown> {
  const outcome = await send(port, {
    method: 'POST',
    path: `/trpc/${path}`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (outcome.kind !== 'response' || outcome.status !== 200) {
    throw new Error(`${path} failed: ${describeOutcome(outcome)}`);
  }
  return JSON.parse(outcome.body);
}

/** Real sessions through auth.login over HTTP, so staff procedures are reached past the auth check. */
export async function signIn(server: JunkServer, fixture: Fixture): Promise<Sessions> {
  const token = async (email: string) => {
    const body = (await post(server.port, 'auth.login', { email, password: PASSWORD })) as {
      result: { data: { token: string } };
    };
    return body.result.data.token;
  };
  return {
    kitchen: await token(fixture.staff.kitchen),
    manager: await token(fixture.staff.manager),
  };
}

/** The health check answers and a valid query returns the fixture's menu. */
export async function expectServerWell(server: JunkServer, slug: string): Promise<void> {
  const health = await send(server.port, { method: 'GET', path: '/healthz', headers: {} });
  if (
    health.kind !== 'response' ||
    health.status !== 200 ||
    health.body !== '{"ok":true,"database":"up","bus":"up"}'
  ) {
    throw new Error(`GET /healthz after the junk: ${describeOutcome(health)}`);
  }
  const input = encodeURIComponent(JSON.stringify({ locationSlug: slug }));
  const menu = await send(server.port, {
    method: 'GET',
    path: `/trpc/menu.get?input=${input}`,
    headers: {},
  });
  const ok =
    menu.kind === 'response' && menu.status === 200 && menu.body.includes(`"slug":"${slug}"`);
  if (!ok) throw new Error(`menu.get after the junk: ${describeOutcome(menu)}`);
}

/** A fresh socket still gets a valid query answered (counted apart from the junk). */
export async function expectSocketWell(server: JunkServer): Promise<void> {
  const opened = await openSocket(`ws://127.0.0.1:${server.port}/trpc`, new Tally('probe'));
  if ('refused' in opened) throw new Error(`A fresh socket was refused: ${opened.refused}`);
  const answer = await opened.session.probe('health-probe', () => false);
  await opened.session.close();
  if (answer !== 'answered' || opened.session.violations.length > 0) {
    throw new Error(`A valid query over a fresh socket after the junk: ${answer}`);
  }
}

/**
 * Uncaught exceptions and unhandled rejections in this process: the server
 * runs in it, so what would kill a real server lands here.
 */
export class CrashWatch {
  readonly seen: string[] = [];
  readonly #prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
  readonly #record = (error: unknown) => {
    this.seen.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  };

  start(): void {
    process.on('uncaughtException', this.#record);
    process.on('unhandledRejection', this.#record);
  }

  stop(): void {
    process.off('uncaughtException', this.#record);
    process.off('unhandledRejection', this.#record);
  }

  /** Throws when anything crashed, or when junk reached Object.prototype. */
  check(tally: Tally): void {
    const probe: Record<string, unknown> = {};
    const keys = Object.getOwnPropertyNames(Object.prototype).sort().join();
    if (keys !== this.#prototypeKeys || probe['polluted'] !== undefined || probe['isAdmin']) {
      this.seen.push(`Object.prototype was polluted: ${keys}`);
    }
    if (this.seen.length === 0) return;
    tally.crashes += this.seen.length;
    const seen = this.seen.splice(0);
    throw new Error(`The server crashed (${seen.length}):\n${seen.join('\n---\n')}`);
  }
}

/** Fails with the changed tables (and any junk mutation that was accepted) if any table changed. */
export async function expectTablesUnchanged(
  db: Kysely<Database>,
  before: DatabaseState,
  tally: Tally,
  what: string,
): Promise<void> {
  const changes = changesBetween(before, await snapshotTables(db));
  if (changes.length === 0) return;
  tally.rowsChanged += rowsChanged(changes);
  throw new Error(
    `${what} changed ${changes.length} table(s): ${JSON.stringify(changes)}\n` +
      `junk mutations accepted: ${tally.acceptedMutations.join('\n') || '(none)'}`,
  );
}

/** Counts an HTTP outcome and throws on a 5xx, an internal error in the body, or no answer. */
export function judgeHttp(outcome: HttpOutcome, what: string, tally: Tally): void {
  if (outcome.kind === 'timeout') {
    tally.timeouts += 1;
    throw new Error(`No answer (${outcome.during}) to ${what}`);
  }
  if (outcome.kind === 'network') {
    tally.replies.add('network error');
    throw new Error(`The connection failed (${outcome.message}) for ${what}`);
  }
  tally.replies.add(String(outcome.status));
  const errors = errorsInBody(outcome.contentType, outcome.body);
  for (const error of errors) tally.errorCodes.add(error.code);
  const internal = errors.some(
    (error) => error.httpStatus >= 500 || error.code === 'INTERNAL_SERVER_ERROR',
  );
  if (outcome.status >= 500 || internal) {
    tally.serverErrors += 1;
    throw new Error(`${outcome.status} for ${what}: ${outcome.body.slice(0, 500)}`);
  }
}

/** How many runs a property gets; TICKETRAIL_JUNK_SCALE=10 makes a long local hunt. */
export function runs(base: number): number {
  const scale = Number(process.env.TICKETRAIL_JUNK_SCALE ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/**
 * A random seed each run; on failure fast-check prints it with the path and
 * the counterexample, so `seed`/`path` replay it. Shrinking is capped because
 * a shrink step that hangs costs a whole request deadline.
 */
export function fcOptions<T>(numRuns: number, examples: T[] = []): fc.Parameters<T> {
  return { numRuns: runs(numRuns), verbose: fc.VerbosityLevel.Verbose, examples };
}

export const SHRINK_LIMIT = 40;

/**
 * A property test's own time limit. A passing run takes a fraction of it; a
 * failing one needs room to shrink (each hanging step costs a request
 * deadline) and to report, rather than end in Vitest's bare 30 s timeout.
 */
export const PROPERTY_TEST_MS = 180_000;
