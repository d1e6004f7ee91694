/**
 * Serves the built client. Paths that are not files get index.html, so the
 * client's own routes (/l/…, /track/…) survive a reload.
 *
 * The build writes a brotli (.br) and a gzip (.gz) copy beside each text file
 * (client/vite.config.ts), so a phone on a weak signal gets a fraction of the
 * bytes and the server never compresses per request: it only picks the copy
 * the browser accepts, and sends the plain file when there is none.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
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

/** The types the build precompresses; others (images, sound, fonts) are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest']);

/** Our preference among equals: brotli is the smaller (about 13% on our JS). */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number];

/**
 * The encodings the request accepts, best first (RFC 9110 §12.5.3): the
 * client's q-values decide, q=0 refuses, `*` stands for any encoding not
 * named, and our order breaks ties. Hand-written because the whole job is
 * these few lines; the usual parser (negotiator) would be a new dependency
 * of the server for them.
 */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.split(';').map((piece) => piece.trim());
    if (token === '') continue;
    let q = 1;
    for (const param of params) {
      // A q-value that is no number counts as a refusal.
      const value = /^q\s*=(.*)$/i.exec(param)?.[1]?.trim();
      if (value !== undefined) q = value === '' ? 0 : Number(value);
    }
    weights.set(token.toLowerCase(), Number.isNaN(q) ? 0 : q);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  return ENCODINGS.filter(({ name }) => weightOf(name) > 0)
    .map((encoding, order) => ({ encoding, order, q: weightOf(encoding.name) }))
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map(({ encoding }) => encoding);
}

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
    // Nothing outside the build, and none of its hidden files (.vite/manifest.json is the server's).
    const hidden = requested
      .slice(rootWithSep.length)
      .split(sep)
      .some((part) => part.startsWith('.'));
    if ((!requested.startsWith(rootWithSep) && requested !== root) || hidden) {
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

    // Vite fingerprints everything under assets/, so those never change; the
    // rest (index.html, also as the fallback) is revalidated, so a deploy shows.
    const immutable = path.startsWith(join(root, 'assets') + sep);
    const type = extname(path);
    const headers: Record<string, string | number> = {
      ...(type === '.html' ? PAGE_HEADERS : COMMON_HEADERS),
      'content-type': CONTENT_TYPES[type] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    let body = path;
    if (COMPRESSIBLE.has(type)) {
      // Caches must keep one copy per encoding, whichever this one is.
      headers.vary = 'Accept-Encoding';
      for (const encoding of acceptedEncodings(req.headers['accept-encoding'])) {
        const variantSize = await fileAt(path + encoding.suffix);
        if (variantSize === null) continue;
        body = path + encoding.suffix;
        size = variantSize;
        headers['content-encoding'] = encoding.name;
        break;
      }
    }
    headers['content-length'] = size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // pipeline() ends the response if the file fails mid-read (a deploy replaced
    // it), where pipe() would leave an unhandled stream error.
    pipeline(createReadStream(body), res, () => {});
  };
}
