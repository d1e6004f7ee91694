import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from './client-address';

const request = (peer: string, forwarded?: string) => ({
  headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  socket: { remoteAddress: peer },
});

describe('the caller’s address', () => {
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(request('198.51.100.4', '1.2.3.4'), 0)).toBe('198.51.100.4');
  });

  it('is what the trusted proxy appended, not what the client prepended', () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy added the real address.
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.3', '6.6.6.6, 203.0.113.7, 10.0.0.2'), 2)).toBe(
      '203.0.113.7',
    );
  });

  it('falls back to the first address when the chain is shorter than the trusted hops', () => {
    expect(clientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '203.0.113.7'), 3)).toBe('203.0.113.7');
  });

  it('reads an IPv4 caller on a dual-stack socket as IPv4', () => {
    expect(clientAddress(request('::ffff:198.51.100.4'), 0)).toBe('198.51.100.4');
  });
});

describe('the key an address is counted under', () => {
  it('is the address itself for IPv4', () => {
    expect(addressKey('198.51.100.4')).toBe('198.51.100.4');
  });

  it('is the /64 for IPv6, however the address is written', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:0:0:3')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('leaves what it cannot read as it is', () => {
    expect(addressKey('unknown')).toBe('unknown');
  });
});
