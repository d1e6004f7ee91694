/**
 * The process's last line of defence. Every way in is meant to answer or
 * refuse without throwing, but a missed case must cost one request, not the
 * whole kitchen's service.
 *
 * - An unhandled rejection is a failed operation that nobody awaited: logged,
 *   and the server keeps serving.
 * - An uncaught exception abandons the handler it was thrown from; our state
 *   that matters lives in the database, where an unfinished transaction rolls
 *   back, so a lone one is logged and the server keeps serving. Several in a
 *   short time mean something is stuck in a loop: then the process stops
 *   cleanly (stops accepting, lets running requests finish, closes the live
 *   layer and the database so every acknowledged write is on disk) and exits
 *   with 1 for its supervisor to restart it.
 */
export interface ProcessGuardOptions {
  log: (message: string) => void;
  /** Stops serving and flushes: the HTTP server, the live layer, the database. */
  shutdown: (reason: string) => Promise<void>;
  /** Uncaught exceptions tolerated within `windowMs` before a clean restart. */
  maxUncaught?: number;
  windowMs?: number;
  /** How long a clean stop may take before the process exits anyway. */
  shutdownTimeoutMs?: number;
  exit?: (code: number) => void;
  now?: () => number;
}

export interface ProcessGuard {
  /** Stops cleanly and exits with `code` (signals, fatal errors); once only. */
  stop(reason: string, code: number): Promise<void>;
  uninstall(): void;
}

type Target = Pick<NodeJS.Process, 'on' | 'off'>;

export function installProcessGuard(
  options: ProcessGuardOptions,
  target: Target = process,
): ProcessGuard {
  const maxUncaught = options.maxUncaught ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let recent: number[] = [];
  let stopping: Promise<void> | null = null;

  const stop = (reason: string, code: number): Promise<void> => {
    stopping ??= (async () => {
      options.log(`[process] stopping: ${reason}`);
      const timeout = setTimeout(() => {
        options.log('[process] the clean stop took too long; exiting now');
        exit(code);
      }, options.shutdownTimeoutMs ?? 30_000);
      timeout.unref();
      try {
        await options.shutdown(reason);
      } catch (error) {
        options.log(`[process] stopping failed: ${describe(error)}`);
      } finally {
        clearTimeout(timeout);
      }
      exit(code);
    })();
    return stopping;
  };

  const onRejection = (reason: unknown) => {
    options.log(`[process] unhandled rejection (still serving): ${describe(reason)}`);
  };
  const onException = (error: Error) => {
    const at = now();
    recent = [...recent.filter((time) => at - time < windowMs), at];
    if (stopping) {
      options.log(`[process] uncaught exception while stopping: ${describe(error)}`);
      return;
    }
    if (recent.length > maxUncaught) {
      options.log(`[process] uncaught exception: ${describe(error)}`);
      void stop(`${recent.length} uncaught exceptions within ${windowMs / 1000} s`, 1);
      return;
    }
    options.log(`[process] uncaught exception (still serving): ${describe(error)}`);
  };

  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return {
    stop,
    uninstall: () => {
      target.off('unhandledRejection', onRejection);
      target.off('uncaughtException', onException);
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
