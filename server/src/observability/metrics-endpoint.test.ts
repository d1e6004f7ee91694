import { describe, expect, it } from 'vitest';
import { metricsAccess } from './metrics-endpoint';

const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({
  headers,
  socket: { remoteAddress },
});

describe('who may read /metrics', () => {
  it('without a token: a direct loopback connection only', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(metricsAccess(request(address), null)).toBe('allowed');
    }
    expect(metricsAccess(request('10.0.0.7'), null)).toBe('hidden');
    expect(metricsAccess(request('127.0.0.2'), null)).toBe('hidden');
  });

  it('without a token: loopback that came through a proxy is a stranger', () => {
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      expect(metricsAccess(request('127.0.0.1', { [header]: '203.0.113.9' }), null)).toBe('hidden');
    }
  });

  it('with a token: the right bearer token from anywhere, nothing else', () => {
    const token = 'a-long-enough-scrape-token';
    expect(metricsAccess(request('203.0.113.9', { authorization: `Bearer ${token}` }), token)).toBe(
      'allowed',
    );
    expect(metricsAccess(request('127.0.0.1'), token)).toBe('unauthorized');
    expect(metricsAccess(request('127.0.0.1', { authorization: `Bearer ${token}x` }), token)).toBe(
      'unauthorized',
    );
    expect(metricsAccess(request('127.0.0.1', { authorization: token }), token)).toBe(
      'unauthorized',
    );
  });
});
