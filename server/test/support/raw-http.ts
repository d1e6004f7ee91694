/**
 * A request handler on a loopback port, asked with node:http rather than
 * fetch, which would decompress and hide what was sent: for the tests of
 * what the HTTP server sends (static files, the first page).
 */
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface RawServer {
  /** GET (or `method`) `path`, offering `acceptEncoding` when given. */
  get(path: string, acceptEncoding?: string, method?: string): Promise<RawReply>;
  close(): Promise<void>;
}

export async function serveOnLoopback(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<RawServer> {
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    get: (path, acceptEncoding, method = 'GET') =>
      new Promise((resolve, reject) => {
        const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
        const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end();
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
