/**
 * A real webhook receiver on 127.0.0.1 for the sender's tests: it verifies
 * every delivery with standardwebhooks, counts deliveries by webhook-id, and
 * misbehaves on purpose by path.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type Received = {
  path: string;
  id: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** What Webhook.verify returned, or the reason it threw. */
  verified: { ok: true; payload: unknown } | { ok: false; reason: string };
};

/** The most the endless answer writes before giving up on a reader that never stops it. */
const HUGE_LIMIT = 256 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

export type TestReceiver = Awaited<ReturnType<typeof startReceiver>>;

/** How /scripted answers its next delivery (automation's retry tests). */
export type Behaviour = 'ok' | 'fail' | 'reset' | 'slow';

/**
 * Paths: /ok (204), /fail (500), /not-found (404), /busy (429), /slow (no
 * answer until the client goes), /reset (the socket destroyed), /redirect
 * (302 to /redirected), /huge (200 and a body that does not end), and
 * /scripted, which answers each delivery as the next of `script()` says (204
 * once the script is used up).
 */
export async function startReceiver(secret: string) {
  const received: Received[] = [];
  let verifier = new Webhook(secret);
  const scripted: Behaviour[] = [];
  let hugeWritten = 0;
  let resolveHugeClosed: (written: number) => void = () => {};
  const hugeClosed = new Promise<number>((resolve) => (resolveHugeClosed = resolve));
  const slowWaiters: (() => void)[] = [];

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = request.url ?? '';
      received.push({
        path,
        id: String(request.headers['webhook-id'] ?? ''),
        headers: request.headers,
        body: body.toString('utf8'),
        verified: verify(verifier, body, request.headers),
      });
      answer(path, response);
    });
  });

  const answer = (path: string, response: ServerResponse) => {
    switch (path) {
      case '/ok':
        return response.writeHead(204).end();
      case '/fail':
        return response.writeHead(500).end('boom');
      case '/not-found':
        return response.writeHead(404).end();
      case '/busy':
        return response.writeHead(429).end();
      case '/slow':
        return slowWaiters.splice(0).forEach((wake) => wake());
      case '/reset':
        return response.socket?.destroy();
      case '/redirect':
        return response.writeHead(302, { location: '/redirected' }).end();
      case '/redirected':
        return response.writeHead(204).end();
      case '/scripted': {
        const next = scripted.shift() ?? 'ok';
        return answer(next === 'ok' ? '/ok' : `/${next}`, response);
      }
      case '/huge':
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.on('close', () => resolveHugeClosed(hugeWritten));
        return writeForever(response);
      default:
        return response.writeHead(400).end();
    }
  };

  // Writes as fast as the reader takes it, until the reader goes (or the limit).
  const writeForever = (response: ServerResponse) => {
    while (!response.destroyed && hugeWritten < HUGE_LIMIT) {
      hugeWritten += CHUNK.length;
      if (!response.write(CHUNK)) {
        response.once('drain', () => writeForever(response));
        return;
      }
    }
    if (!response.destroyed) response.end();
  };

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: (path: string, host = '127.0.0.1') => `http://${host}:${port}${path}`,
    received,
    deliveriesOf: (id: string) => received.filter((entry) => entry.id === id).length,
    /** Resolves with the bytes written once the /huge answer's connection closed. */
    hugeClosed,
    /** Resolves when the next /slow delivery arrives (call before sending it). */
    nextSlow: () => new Promise<void>((resolve) => slowWaiters.push(resolve)),
    hugeLimit: HUGE_LIMIT,
    /** Verify with another secret from now on (a rule's is known once it is made). */
    useSecret: (next: string) => (verifier = new Webhook(next)),
    /** How /scripted answers its next deliveries, in order. */
    script: (...behaviours: Behaviour[]) => scripted.push(...behaviours),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function verify(
  verifier: Webhook,
  body: Buffer,
  headers: IncomingMessage['headers'],
): Received['verified'] {
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (typeof value === 'string') plain[name] = value;
  try {
    return { ok: true, payload: verifier.verify(body, plain) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
