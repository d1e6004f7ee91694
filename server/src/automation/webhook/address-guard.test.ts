import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import {
  AddressRefusedError,
  addressRange,
  guardedLookup,
  isAddressAllowed,
  isPublicAddress,
  webhookPolicyFromEnv,
  type WebhookNetworkPolicy,
} from './address-guard';

const strict: WebhookNetworkPolicy = { allowPrivate: false, allowHosts: [] };

describe('the address classifier', () => {
  it.each([
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['192.0.2.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['::7f00:1', 'ipv4Compatible'],
    ['2002:7f00:1::1', '6to4'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
    ['64:ff9b::7f00:1', 'rfc6052'],
  ])('refuses %s (%s)', (address, range) => {
    expect(addressRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
    expect(isAddressAllowed(address, address, strict)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(addressRange(address)).toBe('unicast');
      expect(isAddressAllowed(address, address, strict)).toBe(true);
    },
  );

  it('treats what is not an address as not public', () => {
    expect(addressRange('example.com')).toBe('invalid');
    expect(isPublicAddress('')).toBe(false);
  });
});

describe('the policy', () => {
  it('allows everything when private addresses are allowed', () => {
    expect(isAddressAllowed('10.0.0.1', '10.0.0.1', { allowPrivate: true, allowHosts: [] })).toBe(
      true,
    );
  });

  it('allows listed IPs, CIDRs and names, and nothing beside them', () => {
    const policy = {
      allowPrivate: false,
      allowHosts: ['10.1.2.3', '192.168.0.0/16', 'Printer.Local', 'fd00::/8', '[fe80::1]'],
    };
    expect(isAddressAllowed('10.1.2.3', '10.1.2.3', policy)).toBe(true);
    expect(isAddressAllowed('10.1.2.4', '10.1.2.4', policy)).toBe(false);
    expect(isAddressAllowed('192.168.7.7', 'anything', policy)).toBe(true);
    expect(isAddressAllowed('::ffff:192.168.7.7', 'anything', policy)).toBe(true);
    expect(isAddressAllowed('10.9.9.9', 'printer.local.', policy)).toBe(true);
    expect(isAddressAllowed('10.9.9.9', 'other.local', policy)).toBe(false);
    expect(isAddressAllowed('fd12::1', 'fd12::1', policy)).toBe(true);
    expect(isAddressAllowed('fe80::1', 'fe80::1', policy)).toBe(true);
    expect(isAddressAllowed('fe80::2', 'fe80::2', policy)).toBe(false);
  });
});

describe('the guarded lookup', () => {
  const look = (policy: WebhookNetworkPolicy, host: string, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[] }>(
      (resolve) =>
        guardedLookup(policy)(host, { all }, (error, address) => resolve({ error, address })),
    );

  it('refuses a name when any of its addresses is private', async () => {
    const { error } = await look(strict, 'localhost', true);
    expect(error).toBeInstanceOf(AddressRefusedError);
  });

  it('answers in the form asked for when allowed', async () => {
    const policy = { allowPrivate: false, allowHosts: ['localhost'] };
    const many = await look(policy, 'localhost', true);
    expect(many.error).toBeNull();
    expect(Array.isArray(many.address) && many.address.length).toBeGreaterThan(0);
    const one = await look(policy, 'localhost', false);
    expect(typeof one.address).toBe('string');
  });
});

describe('webhookPolicyFromEnv', () => {
  it('refuses private networks by default', () => {
    expect(webhookPolicyFromEnv({})).toEqual({ allowPrivate: false, allowHosts: [] });
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    [' false ', false],
    ['', false],
  ])('reads ALLOW_PRIVATE=%j', (value, allowed) => {
    expect(webhookPolicyFromEnv({ TICKETRAIL_WEBHOOK_ALLOW_PRIVATE: value }).allowPrivate).toBe(
      allowed,
    );
  });

  it('refuses another ALLOW_PRIVATE in plain words', () => {
    expect(() => webhookPolicyFromEnv({ TICKETRAIL_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(
      'TICKETRAIL_WEBHOOK_ALLOW_PRIVATE must be true or false, not "yes".',
    );
  });

  it('reads the allowed hosts', () => {
    const policy = webhookPolicyFromEnv({
      TICKETRAIL_WEBHOOK_ALLOW_HOSTS:
        ' 10.0.0.5, 192.168.0.0/16 ,Printer.Local.,[fd00::1],fd00::/8,, my_host.lan',
    });
    expect(policy.allowHosts).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      'printer.local',
      'fd00::1',
      'fd00::/8',
      'my_host.lan',
    ]);
  });

  it.each([
    'http://printer.local',
    '10.0.0.0/33',
    'fd00::/129',
    '999.1.1.1',
    '10.0.0',
    'bad host',
    '10.0.0.0/x',
  ])('refuses the entry %j in plain words', (entry) => {
    expect(() => webhookPolicyFromEnv({ TICKETRAIL_WEBHOOK_ALLOW_HOSTS: entry })).toThrow(
      `TICKETRAIL_WEBHOOK_ALLOW_HOSTS: "${entry}" is not a host name, an IP address or a CIDR range`,
    );
  });
});
