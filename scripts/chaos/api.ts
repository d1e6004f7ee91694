/**
 * The API as phones and tablets call it: the official tRPC client over HTTP,
 * and the rule a real client follows when a call fails during an outage —
 * try again (with the same idempotency key, the same expected version) until
 * the server acknowledges, unless the answer says retrying cannot help.
 */
import { createTRPCClient, httpLink, TRPCClientError, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@ticketrail/server';
import { sleep } from './wait';

export type Api = TRPCClient<AppRouter>;

/** A phone gives up on an answer after this long and tries again. */
const REQUEST_TIMEOUT_MS = 8_000;

export function httpApi(baseUrl: string, token: string | null = null): Api {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/trpc`,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        fetch: (input, init) =>
          fetch(input as string, {
            ...(init as RequestInit),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          }),
      }),
    ],
  });
}

/** The code of a tRPC error answer, or null for no answer at all (network, timeout). */
export function errorCode(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { code?: string } | null | undefined;
  return data?.code ?? null;
}

/** Whether trying again may succeed: no answer, a server-side failure, or a throttle. */
export function retryable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return true;
  const data = error.data as { code?: string; httpStatus?: number } | null | undefined;
  if (!data) return true;
  return (data.httpStatus ?? 500) >= 500 || data.code === 'TOO_MANY_REQUESTS';
}

export interface RetryStats {
  retries: number;
}

/**
 * Calls `attempt(n)` until it resolves. Retryable failures wait a little and
 * go again (`n` counts attempts, so a caller can move to another instance);
 * anything else, or the deadline, rejects.
 */
export async function untilAcknowledged<T>(
  what: string,
  attempt: (n: number) => Promise<T>,
  options: { deadlineMs?: number; stats?: RetryStats } = {},
): Promise<T> {
  const deadline = Date.now() + (options.deadlineMs ?? 60_000);
  for (let n = 0; ; n += 1) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!retryable(error)) throw error;
      if (Date.now() > deadline) {
        throw new Error(`${what}: still failing after ${n + 1} attempts: ${String(error)}`, {
          cause: error,
        });
      }
      if (options.stats) options.stats.retries += 1;
      await sleep(Math.min(100 * 2 ** Math.min(n, 3), 800));
    }
  }
}
