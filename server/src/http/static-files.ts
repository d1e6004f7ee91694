/**
 * Serves the built client. Paths that are not files get index.html, so the
 * client's own routes (/l/…, /track/…) survive a reload.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { COMMON_HEADERS, PAGE_HEADERS } from './security-headers';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Ticketrail</title>
<body style="font:16px system-ui;max-width:40rem;margin:4rem auto">
<h1>Ticketrail is running</h1>
<p>The API answers at <code>/trpc</code>, but the web app has not been built yet.
Run <code>npm start</code> (or <code>pnpm --filter @ticketrail/client build</code>) and reload.</p>`;

async function fileAt(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

export function createStaticHandler(root: string) {
  const rootWithSep = root.endsWith(sep) ? root : root + sep;

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...COMMON_HEADERS, allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      // Throws for what is no path at all ("//"), as decoding does for a bad escape.
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400, { ...COMMON_HEADERS, 'content-type': 'text/plain' }).end('Bad path');
      return;
    }
    const requested = normalize(join(root, pathname));
    if (!requested.startsWith(rootWithSep) && requested !== root) {
      res.writeHead(404, { ...COMMON_HEADERS, 'content-type': 'text/plain' }).end('Not found');
      return;
    }

    let path = requested;
    let size = await fileAt(path);
    if (size === null && extname(pathname) === '') {
      path = join(root, 'index.html');
      size = await fileAt(path);
      if (size === null) {
        res
          .writeHead(200, {
            ...COMMON_HEADERS,
            // A page of text with one inline style and no script at all.
            'content-security-policy':
              "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
            'content-type': CONTENT_TYPES['.html'],
          })
          .end(NOT_BUILT);
        return;
      }
    }
    if (size === null) {
      res.writeHead(404, { ...COMMON_HEADERS, 'content-type': 'text/plain' }).end('Not found');
      return;
    }

    // Vite fingerprints everything under assets/, so those never change.
    const immutable = path.startsWith(join(root, 'assets') + sep);
    const type = extname(path);
    res.writeHead(200, {
      ...(type === '.html' ? PAGE_HEADERS : COMMON_HEADERS),
      'content-type': CONTENT_TYPES[type] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(path).pipe(res);
  };
}
