/**
 * `node scripts/cluster.mjs N` as a child, watched through the lines it prints
 * (their format is documented at the top of scripts/cluster.mjs): which pid
 * each instance has, when it is ready, and every exit the supervisor saw.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { onEmergencyExit } from './emergency';
import { waitFor } from './wait';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface InstanceEvent {
  at: number;
  port: number;
  kind: 'started' | 'ready' | 'exited' | 'stopped';
  pid?: number;
  /** For exits: `SIGKILL`, `code 1`, … */
  how?: string;
  /** For unexpected exits: what the supervisor does next (`restarting in 0.5 s`, `giving up…`). */
  next?: string;
}

const STARTED = /^\[(\d+)\] (started|ready) \(pid (\d+)\)$/;
const EXITED = /^\[(\d+)\] exited \(([^)]+)\); (.*)$/;
const STOPPED = /^\[(\d+)\] stopped \(([^)]+)\)$/;

export function parseSupervisorLine(line: string, at = Date.now()): InstanceEvent | null {
  const started = STARTED.exec(line);
  if (started) {
    return {
      at,
      port: Number(started[1]),
      kind: started[2] as 'started' | 'ready',
      pid: Number(started[3]),
    };
  }
  const exited = EXITED.exec(line);
  if (exited) {
    return { at, port: Number(exited[1]), kind: 'exited', how: exited[2], next: exited[3] };
  }
  const stopped = STOPPED.exec(line);
  if (stopped) return { at, port: Number(stopped[1]), kind: 'stopped', how: stopped[2] };
  return null;
}

export class Cluster {
  readonly lines: string[] = [];
  readonly events: InstanceEvent[] = [];
  #exit: { code: number | null; signal: string | null } | null = null;
  readonly #exited: Promise<void>;
  readonly #forget: () => void;

  private constructor(
    private readonly child: ChildProcess,
    readonly ports: number[],
  ) {
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        this.lines.push(line);
        const event = parseSupervisorLine(line);
        if (event) this.events.push(event);
      });
    }
    this.#exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.#exit = { code, signal };
        resolve();
      }),
    );
    this.#forget = onEmergencyExit(() => {
      child.kill('SIGKILL');
      this.#killStragglers();
    });
  }

  static start(options: { count: number; basePort: number; env: Record<string, string> }): Cluster {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      PORT: String(options.basePort),
    };
    // Whatever the test runner put there is not the server's business.
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, ['scripts/cluster.mjs', String(options.count)], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ports = Array.from({ length: options.count }, (_, index) => options.basePort + index);
    return new Cluster(child, ports);
  }

  get supervisorExit() {
    return this.#exit;
  }

  /** The pid of the instance's latest start. */
  pid(index: number): number | null {
    const port = this.ports[index];
    const started = this.events.filter((event) => event.port === port && event.kind === 'started');
    return started.at(-1)?.pid ?? null;
  }

  /** Whether the instance's latest start is ready (and has not exited since). */
  isReady(index: number): boolean {
    const port = this.ports[index];
    const last = this.events.filter((event) => event.port === port).at(-1);
    return last?.kind === 'ready';
  }

  async waitAllReady(timeoutMs: number): Promise<void> {
    await waitFor(
      `every instance to be ready (${this.ports.join(', ')})`,
      () => {
        if (this.#exit) {
          throw new Error(
            `The supervisor exited (${this.#exit.signal ?? `code ${this.#exit.code}`}) before ` +
              `every instance was ready:\n${this.lines.slice(-40).join('\n')}`,
          );
        }
        return this.ports.every((_, index) => this.isReady(index));
      },
      timeoutMs,
      50,
    );
  }

  /**
   * An instance the supervisor could not take with it (it was killed) is one
   * whose latest start has no exit after it. Older pids are gone (and may
   * belong to someone else by now): never signal those.
   */
  #killStragglers(): void {
    for (const port of this.ports) {
      const last = this.events.filter((event) => event.port === port).at(-1);
      if (!last?.pid || (last.kind !== 'started' && last.kind !== 'ready')) continue;
      try {
        process.kill(last.pid, 'SIGKILL');
      } catch {
        // Gone already, as it should be.
      }
    }
  }

  /** Exits the supervisor saw that nobody asked for. */
  unexpectedExits(): InstanceEvent[] {
    return this.events.filter((event) => event.kind === 'exited');
  }

  /** Sends a signal to one instance's current process, as the OOM killer would. */
  kill(index: number, signal: NodeJS.Signals): number {
    const pid = this.pid(index);
    if (!pid) throw new Error(`instance ${index} has no pid`);
    process.kill(pid, signal);
    return pid;
  }

  /**
   * Ctrl+C's path: SIGTERM to the supervisor; then anything left is killed
   * outright. Answers whether the stop was clean: the supervisor exited 0 by
   * itself and said each instance stopped.
   */
  async stop(timeoutMs = 20_000): Promise<boolean> {
    const wasRunning = !this.#exit;
    if (wasRunning) {
      this.child.kill('SIGTERM');
      const timer = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), timeoutMs).unref(),
      );
      if ((await Promise.race([this.#exited, timer])) === 'timeout') {
        this.lines.push(`(the supervisor did not stop within ${timeoutMs / 1000} s: SIGKILL)`);
        this.child.kill('SIGKILL');
        await this.#exited;
      }
    }
    this.#killStragglers();
    this.#forget();
    return (
      wasRunning &&
      this.#exit?.code === 0 &&
      this.ports.every(
        (port) => this.events.filter((e) => e.port === port).at(-1)?.kind === 'stopped',
      )
    );
  }
}
