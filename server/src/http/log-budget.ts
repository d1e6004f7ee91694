/**
 * A budget of log lines per kind, so that a stranger who can make the server
 * log something (a frame too big, a malformed request) cannot fill its disk
 * or bury the lines that matter. Past the budget, lines of that kind are
 * counted and the count is written once the window has passed.
 */
export interface LogBudgetOptions {
  /** Lines of one kind written per window. */
  lines: number;
  windowMs: number;
  now?: () => number;
}

export type BudgetedLog = (kind: string, message: string) => void;

export function logBudget(
  log: (message: string) => void,
  options: LogBudgetOptions = { lines: 10, windowMs: 60_000 },
): BudgetedLog {
  const now = options.now ?? Date.now;
  // Kinds are names in our code, never text from a client: the map stays small.
  const windows = new Map<string, { start: number; written: number; leftOut: number }>();
  return (kind, message) => {
    const at = now();
    let window = windows.get(kind);
    if (!window || at - window.start >= options.windowMs) {
      if (window && window.leftOut > 0) {
        log(`[log] ${window.leftOut} more "${kind}" lines were left out of the last window`);
      }
      window = { start: at, written: 0, leftOut: 0 };
      windows.set(kind, window);
    }
    if (window.written < options.lines) {
      window.written += 1;
      log(message);
    } else {
      window.leftOut += 1;
    }
  };
}
