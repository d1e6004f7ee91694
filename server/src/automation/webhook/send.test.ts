import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookNetworkPolicy } from './address-guard';
import { verdictForError, verdictForStatus } from './delivery-words';
import { generateWebhookSecret, sendWebhook, type WebhookDelivery } from './send';
import { startReceiver, type TestReceiver } from './test-receiver';

const secret = generateWebhookSecret();
const strict: WebhookNetworkPolicy = { allowPrivate: false, allowHosts: [] };
const open: WebhookNetworkPolicy = { allowPrivate: true, allowHosts: [] };
const PRIVATE_REFUSAL =
  'This address is on a private network; the operator has not allowed webhooks to reach it.';

let receiver: TestReceiver;
let deliveries = 0;

beforeAll(async () => {
  receiver = await startReceiver(secret);
});
afterAll(async () => {
  await receiver.close();
});

/** A delivery to the receiver, with a fresh id. The timestamp is now: Webhook.verify checks it against the clock. */
function delivery(path: string, overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  deliveries += 1;
  return {
    url: receiver.url(path),
    secret,
    id: `msg_test_${deliveries}`,
    timestamp: new Date(),
    payload: { rule: 'r1', event: 'order.placed', note: 'Crème brûlée 🍮' },
    timeoutMs: 5_000,
    policy: open,
    ...overrides,
  };
}

describe('sendWebhook against a real receiver', () => {
  it('delivers a signed body the receiver verifies, with the same id on a second send', async () => {
    const input = delivery('/ok');
    const first = await sendWebhook(input);
    const second = await sendWebhook({ ...input, timestamp: new Date() });

    expect(first).toMatchObject({ ok: true, status: 204 });
    expect(second).toMatchObject({ ok: true, status: 204 });
    expect(receiver.deliveriesOf(input.id)).toBe(2);
    const [seen] = receiver.received.filter((entry) => entry.id === input.id);
    expect(seen?.verified).toEqual({ ok: true, payload: input.payload });
    expect(seen?.body).toBe(JSON.stringify(input.payload));
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers['user-agent']).toBe('Ticketrail-Webhooks/1');
    expect(seen?.headers['webhook-timestamp']).toBe(
      String(Math.floor(input.timestamp.getTime() / 1000)),
    );
  });

  it('is not verified under another secret', async () => {
    const input = delivery('/ok', { secret: generateWebhookSecret() });
    await sendWebhook(input);
    const seen = receiver.received.find((entry) => entry.id === input.id);
    expect(seen?.verified).toEqual({ ok: false, reason: 'No matching signature found' });
  });

  it('retries a 500', async () => {
    const outcome = await sendWebhook(delivery('/fail'));
    expect(outcome).toMatchObject({ ok: false, status: 500, retry: true });
    expect(outcome.ok || outcome.error).toBe('The receiver answered 500 (an error on its side).');
  });

  it('does not retry a 404 but retries a 429', async () => {
    expect(await sendWebhook(delivery('/not-found'))).toMatchObject({
      ok: false,
      status: 404,
      retry: false,
    });
    expect(await sendWebhook(delivery('/busy'))).toMatchObject({
      ok: false,
      status: 429,
      retry: true,
    });
  });

  it('gives up on a receiver slower than the timeout, and retries', async () => {
    const arrived = receiver.nextSlow();
    const outcome = await sendWebhook(delivery('/slow', { timeoutMs: 300 }));
    await arrived;
    expect(outcome).toMatchObject({
      ok: false,
      status: null,
      retry: true,
      error: 'No answer within 0.3 s.',
    });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(250);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    const arrived = receiver.nextSlow();
    const sending = sendWebhook(delivery('/slow', { signal: controller.signal }));
    await arrived;
    controller.abort();
    expect(await sending).toMatchObject({
      ok: false,
      retry: true,
      error: 'The delivery was stopped before the receiver answered.',
    });
  });

  it('retries a reset connection', async () => {
    const outcome = await sendWebhook(delivery('/reset'));
    expect(outcome).toMatchObject({
      ok: false,
      status: null,
      retry: true,
      error: 'The connection was reset.',
    });
  });

  it('does not follow a redirect', async () => {
    const outcome = await sendWebhook(delivery('/redirect'));
    expect(outcome).toMatchObject({
      ok: false,
      status: 302,
      retry: false,
      error: 'The receiver answered 302 (a redirect); webhooks do not follow redirects.',
    });
    expect(receiver.received.map((entry) => entry.path)).not.toContain('/redirected');
  });

  it('reads a bounded part of an endless answer and hangs up', async () => {
    const outcome = await sendWebhook(delivery('/huge'));
    expect(outcome).toMatchObject({ ok: true, status: 200 });
    const written = await receiver.hugeClosed;
    expect(written).toBeLessThan(receiver.hugeLimit);
  });

  it('refuses a payload with no JSON form, without sending', async () => {
    const input = delivery('/ok', { payload: { total: 10n } });
    expect(await sendWebhook(input)).toMatchObject({ ok: false, retry: false, status: null });
    expect(receiver.deliveriesOf(input.id)).toBe(0);
  });

  it('refuses an address that is not http(s) or not an address', async () => {
    expect(await sendWebhook(delivery('/ok', { url: 'ftp://example.com/' }))).toMatchObject({
      retry: false,
    });
    expect(await sendWebhook(delivery('/ok', { url: 'not a url' }))).toMatchObject({
      retry: false,
      error: 'The webhook address is not a valid web address.',
    });
  });
});

describe('sendWebhook under the network policy', () => {
  const refusedWithoutSending = async (input: WebhookDelivery) => {
    const outcome = await sendWebhook(input);
    expect(outcome).toMatchObject({
      ok: false,
      status: null,
      retry: false,
      error: PRIVATE_REFUSAL,
    });
    expect(receiver.deliveriesOf(input.id)).toBe(0);
  };

  it('refuses 127.0.0.1 when private addresses are not allowed, and the receiver sees nothing', async () => {
    await refusedWithoutSending(delivery('/ok', { policy: strict }));
  });

  it('refuses a name that resolves to loopback, at connect time', async () => {
    await refusedWithoutSending(
      delivery('/ok', { policy: strict, url: receiver.url('/ok', 'localhost') }),
    );
  });

  it('refuses the IPv4-mapped IPv6 form of 127.0.0.1', async () => {
    await refusedWithoutSending(
      delivery('/ok', { policy: strict, url: receiver.url('/ok', '[::ffff:127.0.0.1]') }),
    );
  });

  it('refuses other spellings of 127.0.0.1', async () => {
    await refusedWithoutSending(
      delivery('/ok', { policy: strict, url: receiver.url('/ok', '2130706433') }),
    );
    await refusedWithoutSending(
      delivery('/ok', { policy: strict, url: receiver.url('/ok', '0x7f.1') }),
    );
  });

  it.each([
    ['allowPrivate', open],
    ['an allowed IP', { allowPrivate: false, allowHosts: ['127.0.0.1'] }],
    ['an allowed CIDR', { allowPrivate: false, allowHosts: ['127.0.0.0/8'] }],
  ])('reaches 127.0.0.1 with %s', async (_, policy) => {
    const input = delivery('/ok', { policy });
    expect(await sendWebhook(input)).toMatchObject({ ok: true, status: 204 });
    expect(receiver.deliveriesOf(input.id)).toBe(1);
  });

  it('reaches a name the operator allowed', async () => {
    const input = delivery('/ok', { policy: { allowPrivate: false, allowHosts: ['localhost'] } });
    input.url = receiver.url('/ok', 'localhost');
    expect(await sendWebhook(input)).toMatchObject({ ok: true, status: 204 });
  });

  it('reaches the IPv4-mapped form when its IPv4 range is allowed', async () => {
    const input = delivery('/ok', { policy: { allowPrivate: false, allowHosts: ['127.0.0.0/8'] } });
    input.url = receiver.url('/ok', '[::ffff:127.0.0.1]');
    expect(await sendWebhook(input)).toMatchObject({ ok: true, status: 204 });
  });
});

describe('generateWebhookSecret', () => {
  it('makes whsec_ secrets of 24 random bytes', () => {
    const secrets = [generateWebhookSecret(), generateWebhookSecret()];
    for (const made of secrets) {
      expect(made).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(Buffer.from(made.slice('whsec_'.length), 'base64')).toHaveLength(24);
    }
    expect(secrets[0]).not.toBe(secrets[1]);
  });
});

describe('the words for a failure', () => {
  it.each([
    [301, false],
    [400, false],
    [401, false],
    [410, false],
    [408, true],
    [425, true],
    [429, true],
    [502, true],
    [503, true],
  ])('answer %i: retry %s', (status, retry) => {
    expect(verdictForStatus(status).retry).toBe(retry);
    expect(verdictForStatus(status).error).toContain(String(status));
  });

  const withCode = (code: string) => Object.assign(new Error(code), { code });

  it.each([
    ['ENOTFOUND', 'Could not find the server hooks.example.com.'],
    [
      'ECONNREFUSED',
      'The server hooks.example.com refused the connection (nothing is listening there).',
    ],
    ['ECONNRESET', 'The connection was reset.'],
    ['EHOSTUNREACH', 'Could not reach the server hooks.example.com.'],
    [
      'CERT_HAS_EXPIRED',
      'The server hooks.example.com showed a security certificate that could not be trusted.',
    ],
  ])('%s', (code, words) => {
    expect(verdictForError(withCode(code), 'hooks.example.com')).toEqual({
      error: words,
      retry: true,
    });
  });
});
