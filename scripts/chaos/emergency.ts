/**
 * Last-resort cleanup: if the process exits before a scenario's own teardown
 * ran (the test runner gave up on it, an uncaught error), whatever it started
 * is stopped here, synchronously, so no Postgres or Redis outlives the run.
 */
const cleanups = new Set<() => void>();

function runAll(): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Best effort: the next one still runs.
    }
  }
  cleanups.clear();
}

/** Registers `cleanup` for exit; the returned function unregisters it (after a normal teardown). */
export function onEmergencyExit(cleanup: () => void): () => void {
  if (cleanups.size === 0) process.once('exit', runAll);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) process.off('exit', runAll);
  };
}
