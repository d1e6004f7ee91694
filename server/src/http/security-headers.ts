/**
 * Headers every response carries, and the stricter set for the app's pages.
 *
 * The guest's tracking token travels in the page's URL fragment, which
 * browsers never send; `no-referrer` keeps any other part of an address from
 * leaking to a link's target, and the CSP allows nothing but our own files:
 * no inline script, no other origin, no framing (clickjacking a bump).
 */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** `'self'` covers ws:// and wss:// to the same host, where the live feeds connect. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' data: blob:",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  ...COMMON_HEADERS,
  'content-security-policy': CONTENT_SECURITY_POLICY,
};
