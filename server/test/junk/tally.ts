/**
 * What one transport's junk got back, counted for the summary printed at the
 * end of each file (and quoted in release notes).
 */
export class Counter {
  readonly counts = new Map<string, number>();

  add(key: string, by = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }

  text(): string {
    if (this.counts.size === 0) return '(none)';
    return [...this.counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key}: ${count}`)
      .join(', ');
  }
}

export class Tally {
  /** HTTP requests, or WebSocket frames sent. */
  sent = 0;
  /** Properties checked (one per fc.assert run) across the file. */
  runs = 0;
  /** HTTP status codes, or what WebSocket replies were (data, started, error, close). */
  readonly replies = new Counter();
  /** tRPC error codes found in replies (HTTP bodies too, batches included). */
  readonly errorCodes = new Counter();
  serverErrors = 0;
  timeouts = 0;
  crashes = 0;
  rowsChanged = 0;
  /** INTERNAL_SERVER_ERROR lines the server logged: a client's junk is never the server's fault. */
  internalLogs = 0;
  /** Junk mutations that succeeded; any would explain a changed table. */
  readonly acceptedMutations: string[] = [];

  constructor(readonly transport: string) {}

  summary(seconds: number): string {
    return [
      `── junk summary: ${this.transport} (${seconds.toFixed(1)} s) ──`,
      `  property runs: ${this.runs}, sent: ${this.sent}`,
      `  replies: ${this.replies.text()}`,
      `  tRPC error codes: ${this.errorCodes.text()}`,
      `  5xx / internal errors: ${this.serverErrors}, timeouts: ${this.timeouts}, crashes: ${this.crashes}`,
      `  rows changed: ${this.rowsChanged}, junk mutations accepted: ${this.acceptedMutations.length}`,
      `  INTERNAL_SERVER_ERROR lines in the server log: ${this.internalLogs}`,
    ].join('\n');
  }
}
