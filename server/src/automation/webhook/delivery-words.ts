/**
 * What a failed delivery says in the run history, for a restaurant manager
 * rather than a developer, and whether the worker should try again.
 */
import { AddressRefusedError } from './address-guard';

export type FailureVerdict = { error: string; retry: boolean };

export const PRIVATE_ADDRESS_REFUSED =
  'This address is on a private network; the operator has not allowed webhooks to reach it.';

/**
 * The verdict on an answer that is not 2xx. Standard Webhooks senders retry
 * every non-2xx; we do not retry a 4xx other than 408, 425 and 429: the
 * receiver read the delivery and turned it down (wrong address, wrong
 * secret, a payload it does not take), and the same signed bytes will be
 * turned down again, so retries only delay the message the manager needs to
 * fix it. 408/425/429 and 5xx say "not now", so those are retried. A
 * redirect is never followed (it could lead to a private address the guard
 * never saw) and retrying would meet the same redirect.
 */
export function verdictForStatus(status: number): FailureVerdict {
  if (status >= 300 && status < 400) {
    return {
      error: `The receiver answered ${status} (a redirect); webhooks do not follow redirects.`,
      retry: false,
    };
  }
  if (status === 408)
    return {
      error: 'The receiver answered 408 (it gave up waiting for the delivery).',
      retry: true,
    };
  if (status === 425)
    return { error: 'The receiver answered 425 (it asked to be sent this later).', retry: true };
  if (status === 429)
    return {
      error: 'The receiver answered 429 (too many deliveries; it asked to slow down).',
      retry: true,
    };
  if (status === 401 || status === 403) {
    return {
      error: `The receiver answered ${status} (it refused the delivery; check that it has this rule's signing secret).`,
      retry: false,
    };
  }
  if (status === 404 || status === 410) {
    return {
      error: `The receiver answered ${status} (there is nothing at this address).`,
      retry: false,
    };
  }
  if (status >= 400 && status < 500) {
    return { error: `The receiver answered ${status} (it refused the delivery).`, retry: false };
  }
  if (status >= 500 && status < 600) {
    return { error: `The receiver answered ${status} (an error on its side).`, retry: true };
  }
  return { error: `The receiver answered ${status}, which is not a valid answer.`, retry: true };
}

export function timeoutVerdict(timeoutMs: number): FailureVerdict {
  return { error: `No answer within ${seconds(timeoutMs)}.`, retry: true };
}

/**
 * The verdict on an error before an answer came. Everything on the way
 * (name lookup, connection, certificate) may be a passing fault, so all are
 * retried, except the guard's refusal: the same address is refused again.
 */
export function verdictForError(error: unknown, host: string): FailureVerdict {
  if (error instanceof AddressRefusedError) return { error: PRIVATE_ADDRESS_REFUSED, retry: false };
  const code = errorCode(error);
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_NODATA':
    case 'EAI_NONAME':
      return { error: `Could not find the server ${host}.`, retry: true };
    case 'EAI_AGAIN':
      return { error: `Could not look up the server ${host} just now.`, retry: true };
    case 'ECONNREFUSED':
      return {
        error: `The server ${host} refused the connection (nothing is listening there).`,
        retry: true,
      };
    case 'ECONNRESET':
    case 'EPIPE':
      return { error: 'The connection was reset.', retry: true };
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'ENETDOWN':
    case 'EHOSTDOWN':
      return { error: `Could not reach the server ${host}.`, retry: true };
  }
  if (code !== undefined && isCertificateProblem(code)) {
    return {
      error: `The server ${host} showed a security certificate that could not be trusted.`,
      retry: true,
    };
  }
  if (code !== undefined && code.startsWith('ERR_SSL')) {
    return { error: `Could not open a secure connection to ${host}.`, retry: true };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { error: `The delivery failed: ${detail}.`, retry: true };
}

function isCertificateProblem(code: string): boolean {
  // Node's codes: CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID, …
  return code.includes('CERT') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE';
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** 10000 → "10 s", 2500 → "2.5 s", 200 → "0.2 s". */
function seconds(ms: number): string {
  const value = Math.max(0.1, Math.round(ms / 100) / 10);
  return `${value} s`;
}
