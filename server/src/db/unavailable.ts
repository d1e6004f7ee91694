/**
 * Whether an error means "the database is out of reach right now" (restarting,
 * failing over, the network cut) rather than "this request is wrong". Such a
 * call is answered SERVICE_UNAVAILABLE, which a client may simply retry, not
 * INTERNAL_SERVER_ERROR, which says we have a bug.
 */

/** SQLSTATE classes and codes of a server that is going or gone away. */
const UNAVAILABLE_SQLSTATES = [
  /^08/, // connection exception
  /^57P0[1-4]$/, // admin/crash shutdown, cannot connect now, database dropped
  /^53300$/, // too many connections
];

/** Socket errors, and the messages pg gives when the connection ends mid-use. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
]);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Cannot use a pool after calling end/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  let cause: unknown = error;
  for (let depth = 0; cause instanceof Error && depth < 5; depth += 1) {
    const { code, message } = cause as Error & { code?: unknown };
    if (typeof code === 'string') {
      if (UNAVAILABLE_CODES.has(code)) return true;
      if (UNAVAILABLE_SQLSTATES.some((pattern) => pattern.test(code))) return true;
    }
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    cause = cause.cause;
  }
  return false;
}
