import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { retryOnce } from './client';

const answered = (httpStatus: number) =>
  TRPCClientError.from({
    error: { code: -32000, message: 'x', data: { code: 'X', httpStatus } },
  });

describe('retryOnce', () => {
  it('does not ask again when the server meant its answer', () => {
    expect(retryOnce(0, answered(404))).toBe(false);
    expect(retryOnce(0, answered(400))).toBe(false);
  });

  it('tries once more after a failure that may pass', () => {
    expect(retryOnce(0, answered(500))).toBe(true);
    expect(retryOnce(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(retryOnce(1, new TypeError('Failed to fetch'))).toBe(false);
  });
});
