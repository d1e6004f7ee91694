/**
 * Who is calling, as far as throttles and connection caps are concerned.
 *
 * Behind a reverse proxy every request comes from the proxy, so the address
 * that counts is the one the proxy appended to X-Forwarded-For. The header is
 * trusted for exactly as many hops as the operator says (`TRUST_PROXY`): a
 * stranger can prepend anything to it, but not what our own proxies append.
 */
import { isIPv6 } from 'node:net';

export interface AddressSource {
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string | undefined };
}

/** The caller's address, or 'unknown' when the socket has already gone. */
export function clientAddress(req: AddressSource, trustedProxies: number): string {
  const peer = normalise(req.socket.remoteAddress ?? 'unknown');
  if (trustedProxies <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  // [client, proxy 1, …, proxy n-1] + the peer (proxy n): step back n hops.
  const chain = [...forwarded, peer];
  const index = chain.length - 1 - trustedProxies;
  return normalise(chain[Math.max(0, index)] ?? peer);
}

/**
 * The key an address is counted under. One IPv6 subscriber usually holds a
 * whole /64, so counting single IPv6 addresses would let one phone rotate
 * through billions of them; IPv4 (and IPv4-mapped IPv6) counts as is.
 */
export function addressKey(address: string): string {
  if (!isIPv6(address)) return address;
  const groups = expandIPv6(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

function normalise(address: string): string {
  // "::ffff:203.0.113.7" is an IPv4 client on a dual-stack socket.
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** The eight 16-bit groups of an IPv6 address, or null if it is not one we can read. */
function expandIPv6(address: string): string[] | null {
  const withoutZone = address.split('%')[0] ?? address;
  const [head = '', tail] = withoutZone.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (tail === undefined && left.length !== 8) return null;
  const missing = 8 - left.length - right.length;
  if (missing < 0) return null;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) =>
    (group || '0').toLowerCase().replace(/^0+(?=.)/, ''),
  );
}
