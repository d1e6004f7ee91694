/**
 * The guard between a URL a back-office user typed and the server's own
 * network (SSRF). Only public unicast addresses are reached unless the
 * operator says otherwise, and the check is made on the address the socket
 * actually connects to, so a name cannot pass the check with a public answer
 * and then connect to 127.0.0.1 on a second lookup (DNS rebinding).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export type WebhookNetworkPolicy = {
  /** Reach any address, private networks included. */
  allowPrivate: boolean;
  /**
   * Host names, IP addresses or CIDR ranges reached even though private. A
   * name is matched against the URL's host exactly (no wildcards) and then
   * allows whatever that name resolves to: the operator vouches for it.
   */
  allowHosts: readonly string[];
};

export const DEFAULT_WEBHOOK_POLICY: WebhookNetworkPolicy = { allowPrivate: false, allowHosts: [] };

/** A refusal by the policy: never retried, since the same address will be refused again. */
export class AddressRefusedError extends Error {
  readonly code = 'WEBHOOK_ADDRESS_REFUSED';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`Webhooks may not reach ${address} (${host}): it is not a public address.`);
    this.name = 'AddressRefusedError';
  }
}

/**
 * The ipaddr.js range of an address ('unicast' for a public one), with
 * IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) judged as the IPv4 address
 * they carry. 'invalid' for anything that is not an IP address.
 */
export function addressRange(address: string): string {
  const bare = stripBrackets(address);
  if (!ipaddr.isValid(bare)) return 'invalid';
  const parsed = ipaddr.process(bare);
  const range = parsed.range();
  if (range === 'unicast' && parsed.kind() === 'ipv6' && isIpv4Compatible(parsed.toByteArray())) {
    return 'ipv4Compatible';
  }
  return range;
}

/** Whether an address is public unicast, the only kind reached by default. */
export function isPublicAddress(address: string): boolean {
  return addressRange(address) === 'unicast';
}

/**
 * Whether the policy lets a connection go to `address`, reached through the
 * URL host `host` (a name, or the address itself for an IP literal).
 */
export function isAddressAllowed(
  address: string,
  host: string,
  policy: WebhookNetworkPolicy,
): boolean {
  if (policy.allowPrivate || isPublicAddress(address)) return true;
  const hostName = normaliseHost(host);
  return policy.allowHosts.some((entry) => entryMatches(entry, hostName, address));
}

/**
 * A `lookup` for http.request/https.request that resolves every address of
 * the name and refuses the whole name when ANY of them is not allowed. Using
 * only the allowed ones instead would still let a name that mixes a public
 * and a private record through, and Node's happy-eyeballs connect tries the
 * addresses it is given in turn: all or nothing leaves no such door, and a
 * real receiver does not publish private records beside its public ones.
 * Node does not call lookup for an IP literal: check those with
 * isAddressAllowed before the request.
 */
export function guardedLookup(policy: WebhookNetworkPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(
      hostname,
      { family: options.family ?? 0, hints: options.hints, all: true },
      (error, found) => {
        if (error) return callback(error, '');
        const addresses: LookupAddress[] = found;
        const refused = addresses.find(
          (entry) => !isAddressAllowed(entry.address, hostname, policy),
        );
        if (refused) return callback(new AddressRefusedError(hostname, refused.address), '');
        const first = addresses[0];
        if (!first) return callback(notFound(hostname), '');
        if (options.all) return callback(null, addresses);
        return callback(null, first.address, first.family);
      },
    );
  };
}

/**
 * The policy from TICKETRAIL_WEBHOOK_ALLOW_PRIVATE (true|false, default
 * false) and TICKETRAIL_WEBHOOK_ALLOW_HOSTS (a comma list of host names, IP
 * addresses and CIDR ranges). Throws a plain message for a bad value.
 */
export function webhookPolicyFromEnv(env: NodeJS.ProcessEnv): WebhookNetworkPolicy {
  const privateFlag = (env['TICKETRAIL_WEBHOOK_ALLOW_PRIVATE'] ?? '').trim().toLowerCase();
  if (privateFlag !== '' && privateFlag !== 'true' && privateFlag !== 'false') {
    throw new Error(
      `TICKETRAIL_WEBHOOK_ALLOW_PRIVATE must be true or false, not "${env['TICKETRAIL_WEBHOOK_ALLOW_PRIVATE']}".`,
    );
  }
  const entries = (env['TICKETRAIL_WEBHOOK_ALLOW_HOSTS'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const allowHosts = entries.map((entry) => {
    const normal = normaliseEntry(entry);
    if (normal === null) {
      throw new Error(
        `TICKETRAIL_WEBHOOK_ALLOW_HOSTS: "${entry}" is not a host name, an IP address or a CIDR range (such as 10.0.0.0/8).`,
      );
    }
    return normal;
  });
  return { allowPrivate: privateFlag === 'true', allowHosts };
}

/** An allow-list entry in the form matched later, or null when it is none of name, IP or CIDR. */
function normaliseEntry(entry: string): string | null {
  const slash = entry.indexOf('/');
  if (slash >= 0) {
    const address = stripBrackets(entry.slice(0, slash));
    const prefix = entry.slice(slash + 1);
    if (isIP(address) === 0 || !/^\d{1,3}$/.test(prefix)) return null;
    if (Number(prefix) > (isIP(address) === 4 ? 32 : 128)) return null;
    return `${address.toLowerCase()}/${Number(prefix)}`;
  }
  const bare = stripBrackets(entry);
  if (isIP(bare) !== 0) return bare.toLowerCase();
  const host = normaliseHost(entry);
  // An all-digit last label is a mistyped IP address (999.1.1.1, 10.0.0), not a name.
  return HOST_NAME.test(host) && !/(^|\.)\d+$/.test(host) ? host : null;
}

// Labels of letters, digits, hyphens (and underscores, which internal names use).
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

function entryMatches(entry: string, hostName: string, address: string): boolean {
  const trimmed = entry.trim().toLowerCase();
  if (trimmed.includes('/')) return inCidr(address, trimmed);
  const bare = stripBrackets(trimmed);
  if (isIP(bare) !== 0) return sameAddress(bare, address);
  return normaliseHost(trimmed) === hostName;
}

function inCidr(address: string, cidr: string): boolean {
  const slash = cidr.indexOf('/');
  const rangeText = `${stripBrackets(cidr.slice(0, slash))}${cidr.slice(slash)}`;
  const bare = stripBrackets(address);
  if (!ipaddr.isValidCIDR(rangeText) || !ipaddr.isValid(bare)) return false;
  const [network, bits] = ipaddr.parseCIDR(rangeText);
  const candidate = ipaddr.process(bare);
  // An IPv4 range also covers the IPv4-mapped form of its addresses, and the reverse.
  const comparable = network.kind() === 'ipv4' ? candidate : toIpv6(candidate);
  if (comparable.kind() !== network.kind()) return false;
  return comparable.match(network, bits);
}

function sameAddress(a: string, b: string): boolean {
  const left = stripBrackets(a);
  const right = stripBrackets(b);
  if (!ipaddr.isValid(left) || !ipaddr.isValid(right)) return false;
  return ipaddr.process(left).toNormalizedString() === ipaddr.process(right).toNormalizedString();
}

function toIpv6(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return address.kind() === 'ipv4' ? (address as ipaddr.IPv4).toIPv4MappedAddress() : address;
}

/**
 * ::a.b.c.d (the deprecated IPv4-compatible form, RFC 4291 2.5.5.1): ipaddr.js
 * calls these unicast, yet they name an IPv4 address that may be private.
 * None is a real receiver, so all are refused.
 */
function isIpv4Compatible(bytes: number[]): boolean {
  return bytes.slice(0, 12).every((byte) => byte === 0);
}

function normaliseHost(host: string): string {
  return stripBrackets(host.trim().toLowerCase()).replace(/\.$/, '');
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function notFound(hostname: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  error.code = 'ENOTFOUND';
  return error;
}
