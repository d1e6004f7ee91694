/**
 * The first frame of a socket opened with `?connectionParams=1`: what wsLink
 * sends before anything else (a staff token, a guest's tracking token).
 * Anything else there is a protocol error to answer, never an exception.
 */
import {
  parseConnectionParamsFromUnknown,
  TRPCError,
} from '@trpc/server/unstable-core-do-not-import';

export type ConnectionParams = Record<string, string | undefined> | null;

/** The client closed the protocol's rules: RFC 6455's "policy violation". */
export const CLOSE_POLICY_VIOLATION = 1008;

export function expectsConnectionParams(url: string | undefined): boolean {
  // The upgrade's path was checked before; only its query matters here.
  const query = url?.split('?')[1] ?? '';
  return new URLSearchParams(query).get('connectionParams') === '1';
}

/**
 * The first frame of a socket that promised connectionParams:
 * `{"method":"connectionParams","data":{…string values…} | null}`. Anything
 * else is an error to send back, never an exception.
 */
export function connectionParamsOf(message: unknown): ConnectionParams | TRPCError {
  const refusal = new TRPCError({
    code: 'BAD_REQUEST',
    message: 'The first message must be {"method":"connectionParams","data":{…}} with text values.',
  });
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return refusal;
  const { method, data } = message as { method?: unknown; data?: unknown };
  if (method !== 'connectionParams') return refusal;
  try {
    return parseConnectionParamsFromUnknown(data ?? null);
  } catch {
    return refusal;
  }
}
