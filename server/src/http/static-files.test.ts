/**
 * The static handler against real files in a temp dist (with .br and .gz
 * beside them, as the client's build writes them) and a real HTTP server.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOnLoopback, type RawServer } from '../../test/support/raw-http';
import { acceptedEncodings, createStaticHandler } from './static-files';

const APP_JS = `export const greeting = ${JSON.stringify('hello '.repeat(500))};\n`;
const APP_CSS = `body { margin: 0; }\n`.repeat(100);
const INDEX = `<!doctype html><title>app</title>${'<!-- padding -->'.repeat(50)}`;

let parent: string;
let dist: string;
let served: RawServer;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'ticketrail-static-'));
  dist = join(parent, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  // Beside the dist, not in it: never to be served, in any encoding.
  await writeFile(join(parent, 'secret.js'), 'secret');
  await writeFile(join(parent, 'secret.js.br'), brotliCompressSync('secret'));
  const files: Record<string, string> = {
    'index.html': INDEX,
    'assets/app-Ab12Cd.js': APP_JS,
    // The build leaves out a variant that would be no smaller: only gzip here.
    'assets/style-Ef34Gh.css': APP_CSS,
  };
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(dist, name), text);
    await writeFile(join(dist, `${name}.gz`), gzipSync(text, { level: 9 }));
  }
  await writeFile(join(dist, 'index.html.br'), brotliCompressSync(INDEX));
  // The build's manifest, which the server reads and a browser has no business with.
  await mkdir(join(dist, '.vite'), { recursive: true });
  await writeFile(join(dist, '.vite', 'manifest.json'), '{}');
  await writeFile(join(dist, 'assets/app-Ab12Cd.js.br'), brotliCompressSync(APP_JS));
  await writeFile(join(dist, 'favicon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

  const handler = createStaticHandler(dist);
  served = await serveOnLoopback(handler);
});

afterAll(async () => {
  await served.close();
  await rm(parent, { recursive: true, force: true });
});

function get(path: string, acceptEncoding?: string, method?: string) {
  return served.get(path, acceptEncoding, method);
}

describe('precompressed assets', () => {
  it('sends brotli when the browser accepts it', async () => {
    const reply = await get('/assets/app-Ab12Cd.js', 'gzip, deflate, br, zstd');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers.vary).toBe('Accept-Encoding');
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    expect(reply.body.length).toBeLessThan(APP_JS.length / 10);
    expect(brotliDecompressSync(reply.body).toString()).toBe(APP_JS);
  });

  it('sends gzip when only gzip is accepted, or brotli is refused', async () => {
    for (const header of ['gzip', 'br;q=0, gzip', 'gzip;q=1, br;q=0.5', '*, br;q=0']) {
      const reply = await get('/assets/app-Ab12Cd.js', header);
      expect(reply.headers['content-encoding'], header).toBe('gzip');
      expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
      expect(gunzipSync(reply.body).toString()).toBe(APP_JS);
    }
  });

  it('sends the plain file when nothing it has is accepted', async () => {
    for (const header of [undefined, '', 'identity', 'deflate', 'br;q=0, gzip;q=0']) {
      const reply = await get('/assets/app-Ab12Cd.js', header);
      expect(reply.headers['content-encoding'], String(header)).toBeUndefined();
      expect(reply.headers.vary).toBe('Accept-Encoding');
      expect(Number(reply.headers['content-length'])).toBe(APP_JS.length);
      expect(reply.body.toString()).toBe(APP_JS);
    }
  });

  it('falls back to gzip, then the plain file, when the .br is missing', async () => {
    const gzip = await get('/assets/style-Ef34Gh.css', 'br, gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(gunzipSync(gzip.body).toString()).toBe(APP_CSS);
    const plain = await get('/assets/style-Ef34Gh.css', 'br');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(APP_CSS);
  });

  it('leaves types the build does not compress alone', async () => {
    const reply = await get('/favicon.png', 'br, gzip');
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.headers.vary).toBeUndefined();
    expect(reply.headers['content-type']).toBe('image/png');
    expect(reply.body).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });

  it('answers HEAD with the chosen copy’s headers and no body', async () => {
    const reply = await get('/assets/app-Ab12Cd.js', 'br', 'HEAD');
    expect(reply.headers['content-encoding']).toBe('br');
    expect(Number(reply.headers['content-length'])).toBe(brotliCompressSync(APP_JS).length);
    expect(reply.body.length).toBe(0);
  });
});

describe('caching', () => {
  it('marks hashed assets immutable, in every encoding', async () => {
    for (const header of ['br', 'gzip', undefined]) {
      const reply = await get('/assets/app-Ab12Cd.js', header);
      expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidates index.html, also as the fallback for the app’s routes', async () => {
    for (const path of ['/', '/index.html', '/l/testa', '/track/abc']) {
      const reply = await get(path, 'br, gzip');
      expect(reply.status, path).toBe(200);
      expect(reply.headers['cache-control'], path).toBe('no-cache');
      expect(reply.headers['content-encoding'], path).toBe('br');
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      // The page keeps its security headers whichever copy it is.
      expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
      expect(brotliDecompressSync(reply.body).toString()).toBe(INDEX);
    }
  });

  it('still refuses what is not in the dist, compressed or not', async () => {
    expect((await get('/assets/missing.js', 'br')).status).toBe(404);
    for (const path of ['/..%2fsecret.js', '/assets/..%2f..%2fsecret.js', '/%2e%2e/secret.js']) {
      const reply = await get(path, 'br, gzip');
      expect(reply.status, path).toBe(404);
      expect(reply.body.toString(), path).toBe('Not found');
    }
  });

  it('keeps the build’s hidden files to itself', async () => {
    for (const path of ['/.vite/manifest.json', '/%2evite/manifest.json', '/.vite/']) {
      expect((await get(path, 'br, gzip')).status, path).toBe(404);
    }
  });
});

describe('acceptedEncodings', () => {
  it('orders by q-value, then prefers brotli', () => {
    const names = (header?: string) => acceptedEncodings(header).map(({ name }) => name);
    expect(names(undefined)).toEqual([]);
    expect(names('gzip, br')).toEqual(['br', 'gzip']);
    expect(names('GZIP;Q=0.8, br;q=0.9')).toEqual(['br', 'gzip']);
    expect(names('gzip;q=1, br;q=0.5')).toEqual(['gzip', 'br']);
    expect(names('*')).toEqual(['br', 'gzip']);
    expect(names('*;q=0, gzip')).toEqual(['gzip']);
    expect(names('br;q=0')).toEqual([]);
    expect(names('br;q=nonsense, gzip')).toEqual(['gzip']);
  });
});
