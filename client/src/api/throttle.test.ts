import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { throttled } from './throttle';

const refused = (code: string, data: Record<string, unknown> = {}) =>
  TRPCClientError.from({
    error: { code: -32000, message: 'Slow down.', data: { code, httpStatus: 429, ...data } },
  });

describe('throttled', () => {
  it('reads the server’s wait from TOO_MANY_REQUESTS', () => {
    expect(throttled(refused('TOO_MANY_REQUESTS', { retryAfterSeconds: 120 }))).toEqual({
      message: 'Slow down.',
      retryAfterMs: 120_000,
    });
  });

  it('has no wait when the server gave none, or gave nonsense', () => {
    for (const retryAfterSeconds of [null, undefined, -1, 'soon', Number.NaN]) {
      expect(throttled(refused('TOO_MANY_REQUESTS', { retryAfterSeconds }))?.retryAfterMs).toBe(
        null,
      );
    }
  });

  it('never holds back for more than an hour', () => {
    const days = refused('TOO_MANY_REQUESTS', { retryAfterSeconds: 3 * 86_400 });
    expect(throttled(days)?.retryAfterMs).toBe(3_600_000);
  });

  it('is null for any other refusal or failure', () => {
    expect(throttled(refused('UNAUTHORIZED'))).toBeNull();
    expect(throttled(new TypeError('Failed to fetch'))).toBeNull();
    expect(throttled(null)).toBeNull();
  });
});
