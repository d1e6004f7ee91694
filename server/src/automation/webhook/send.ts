/**
 * One webhook delivery: a signed POST (Standard Webhooks), its outcome in
 * words for the run history, and whether the worker should try again. The
 * worker owns retries and their schedule; this sends once.
 */
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';
import { guardedLookup, isAddressAllowed, type WebhookNetworkPolicy } from './address-guard';
import {
  PRIVATE_ADDRESS_REFUSED,
  timeoutVerdict,
  verdictForError,
  verdictForStatus,
} from './delivery-words';

export type WebhookOutcome =
  | { ok: true; status: number; durationMs: number }
  | { ok: false; status: number | null; durationMs: number; error: string; retry: boolean };

export type WebhookDelivery = {
  url: string;
  /** whsec_… (see generateWebhookSecret). */
  secret: string;
  /** The idempotency key: the same for every try of one delivery. */
  id: string;
  timestamp: Date;
  payload: unknown;
  /** The whole exchange: connecting, sending and the answer. */
  timeoutMs: number;
  policy: WebhookNetworkPolicy;
  /** Stops the delivery (the worker shutting down). */
  signal?: AbortSignal;
};

/** The most of an answer's body read: only its status matters, and a receiver may answer without end. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

export const USER_AGENT = 'Ticketrail-Webhooks/1';

/** A new signing secret in Standard Webhooks' form: whsec_ and 24 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export async function sendWebhook(input: WebhookDelivery): Promise<WebhookOutcome> {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  const fail = (error: string, retry: boolean, status: number | null = null): WebhookOutcome => ({
    ok: false,
    status,
    durationMs: durationMs(),
    error,
    retry,
  });

  const url = parseUrl(input.url);
  if (url === null) return fail('The webhook address is not a valid web address.', false);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail('The webhook address must start with http:// or https://.', false);
  }
  // Node does not call `lookup` for an IP literal, so the guard sees those here.
  const host = bareHost(url);
  if (isIP(host) !== 0 && !isAddressAllowed(host, host, input.policy))
    return fail(PRIVATE_ADDRESS_REFUSED, false);

  const body = toJson(input.payload);
  if (body === null) return fail('The event could not be written as JSON.', false);
  const signature = sign(input.secret, input.id, input.timestamp, body);
  if (signature === null) return fail("The rule's signing secret is not valid.", false);
  if (input.signal?.aborted) return fail(STOPPED, true);

  const bytes = Buffer.from(body, 'utf8');
  const result = await exchange(url, input, bytes, {
    'content-type': 'application/json',
    'content-length': String(bytes.length),
    'user-agent': USER_AGENT,
    'webhook-id': input.id,
    'webhook-timestamp': String(Math.floor(input.timestamp.getTime() / 1000)),
    'webhook-signature': signature,
  });

  switch (result.kind) {
    case 'answered': {
      if (result.status >= 200 && result.status < 300) {
        return { ok: true, status: result.status, durationMs: durationMs() };
      }
      const verdict = verdictForStatus(result.status);
      return fail(verdict.error, verdict.retry, result.status);
    }
    case 'timeout': {
      const verdict = timeoutVerdict(input.timeoutMs);
      return fail(verdict.error, verdict.retry);
    }
    case 'stopped':
      return fail(STOPPED, true);
    case 'failed': {
      const verdict = verdictForError(result.error, host);
      return fail(verdict.error, verdict.retry);
    }
  }
}

const STOPPED = 'The delivery was stopped before the receiver answered.';

type Exchange =
  | { kind: 'answered'; status: number }
  | { kind: 'timeout' }
  | { kind: 'stopped' }
  | { kind: 'failed'; error: unknown };

/**
 * POSTs the body and waits for the status line, then reads at most
 * MAX_RESPONSE_BYTES of the body and drops it. Never rejects. Once the
 * status has come the outcome is that status: a body cut short, endless or
 * slow changes nothing, and the timer only stops the waiting for it.
 */
function exchange(
  url: URL,
  input: WebhookDelivery,
  body: Buffer,
  headers: Record<string, string>,
): Promise<Exchange> {
  return new Promise((resolve) => {
    let status: number | null = null;
    let settled = false;
    const settle = (result: Exchange) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', onAbort);
      // Nothing more is read: the socket goes (no agent keeps it).
      request.destroy();
      resolve(status !== null ? { kind: 'answered', status } : result);
    };

    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, {
      method: 'POST',
      headers,
      lookup: guardedLookup(input.policy),
      // A fresh connection for every delivery: a pooled socket was checked
      // against the policy of an earlier delivery, not this one's.
      agent: false,
    });
    // settle is reached only from these events, all after this point.
    const onAbort = () => settle({ kind: 'stopped' });
    const timer = setTimeout(() => settle({ kind: 'timeout' }), input.timeoutMs);
    input.signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) => settle({ kind: 'failed', error }));
    request.on('response', (response: IncomingMessage) => {
      status = response.statusCode ?? 0;
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read >= MAX_RESPONSE_BYTES) settle({ kind: 'answered', status: status ?? 0 });
      });
      response.on('end', () => settle({ kind: 'answered', status: status ?? 0 }));
      response.on('error', (error) => settle({ kind: 'failed', error }));
    });
    request.end(body);
  });
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text.trim());
  } catch {
    return null;
  }
}

/** The URL's host without IPv6 brackets: the form net.isIP and the guard read. */
function bareHost(url: URL): string {
  const host = url.hostname;
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** The exact text sent and signed, or null when the payload has no JSON form (undefined, a BigInt, a cycle). */
function toJson(payload: unknown): string | null {
  try {
    const text: unknown = JSON.stringify(payload);
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

function sign(secret: string, id: string, timestamp: Date, body: string): string | null {
  try {
    return new Webhook(secret).sign(id, timestamp, body);
  } catch {
    return null;
  }
}
