/**
 * GET /metrics, not for strangers: the numbers tell how busy a restaurant is
 * and when its bus is down. With METRICS_TOKEN set, a scraper sends it as a
 * bearer token. Without one, only a scraper on this machine connecting
 * directly is answered; a request that passed through a reverse proxy (which
 * on the same box also connects from loopback) says so in its forwarding
 * headers and is refused as if there were no such page.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { COMMON_HEADERS } from '../http/security-headers';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Headers a proxy adds; X-Real-IP too, since nginx setups often send it alone. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const;

export type MetricsAccess = 'allowed' | 'unauthorized' | 'hidden';

export function metricsAccess(
  req: Pick<IncomingMessage, 'headers'> & { socket: { remoteAddress?: string | undefined } },
  token: string | null,
): MetricsAccess {
  if (token !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    return match?.[1] !== undefined && sameSecret(match[1], token) ? 'allowed' : 'unauthorized';
  }
  const direct = FORWARDING_HEADERS.every((name) => req.headers[name] === undefined);
  return direct && LOOPBACK.has(req.socket.remoteAddress ?? '') ? 'allowed' : 'hidden';
}

/** Compared as digests: equal lengths for timingSafeEqual, and no hint of the token's length. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export async function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  registry: Registry | null,
  token: string | null,
): Promise<void> {
  // A server given no metrics has no such page, whoever asks.
  const access = registry ? metricsAccess(req, token) : 'hidden';
  if (access === 'hidden' || !registry) {
    res.writeHead(404, { ...COMMON_HEADERS, 'content-type': 'text/plain' }).end('Not found\n');
    return;
  }
  if (access === 'unauthorized') {
    res
      .writeHead(401, {
        ...COMMON_HEADERS,
        'content-type': 'text/plain',
        'www-authenticate': 'Bearer realm="metrics"',
      })
      .end('Unauthorized\n');
    return;
  }
  const body = await registry.metrics();
  res
    .writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': registry.contentType,
      'cache-control': 'no-store',
    })
    .end(body);
}
