/**
 * The menu page's first response against a real HTTP server and a temp build
 * (index.html and Vite's manifest as the client's build writes them).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFirstPageHandler,
  FIRST_PAGE_ELEMENT_ID,
  jsonForScript,
  menuPreloads,
} from './first-page';

const INDEX = `<!doctype html><html><head><title>app</title>
<script type="module" crossorigin src="/assets/index-A1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/client-B2.js">
</head><body><div id="root"></div></body></html>`;

const MANIFEST = {
  'index.html': {
    file: 'assets/index-A1.js',
    isEntry: true,
    imports: ['_client-B2.js'],
    dynamicImports: ['src/ordering/MenuRoute.tsx', 'src/kitchen/KitchenRoute.tsx'],
  },
  '_client-B2.js': { file: 'assets/client-B2.js' },
  '_reducer-C3.js': { file: 'assets/reducer-C3.js', imports: ['_client-B2.js'] },
  'src/ordering/MenuRoute.tsx': {
    file: 'assets/MenuRoute-D4.js',
    imports: ['index.html', '_client-B2.js', '_reducer-C3.js'],
    dynamicImports: ['src/ordering/CartSheet.tsx'],
  },
  'src/ordering/CartSheet.tsx': { file: 'assets/CartSheet-E5.js', imports: ['_schemas-F6.js'] },
  '_schemas-F6.js': { file: 'assets/schemas-F6.js' },
  'src/kitchen/KitchenRoute.tsx': { file: 'assets/KitchenRoute-G7.js', imports: ['index.html'] },
};

/** A name that would end the script element, were it not escaped. */
const SNEAKY = "Fish </script><script>alert(1)</script> & <!-- chips \u2028 $& $' $$";
const MENU = { location: { slug: 'harbour', name: SNEAKY }, categories: [], lastEventId: 7 };

let dist: string;
let server: Server;
let port: number;
const asked: string[] = [];

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'ticketrail-first-page-'));
  await mkdir(join(dist, '.vite'), { recursive: true });
  await writeFile(join(dist, 'index.html'), INDEX);
  await writeFile(join(dist, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
  const handler = createFirstPageHandler({
    root: dist,
    menu: (slug) => {
      asked.push(slug);
      if (slug === 'broken') return Promise.reject(new Error('database down'));
      return Promise.resolve(slug === 'harbour' ? MENU : null);
    },
  });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dist, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(path: string, acceptEncoding?: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The embedded JSON as the page's script would read it. */
function embedded(html: string): unknown {
  const match = new RegExp(
    `<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">(.*?)</script>`,
    's',
  ).exec(html);
  return match ? JSON.parse(match[1] ?? '') : undefined;
}

describe('the menu page’s first response', () => {
  it('carries the location’s menu, as menu.get answers it', async () => {
    const reply = await get('/l/harbour?table=abc12345');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = reply.body.toString();
    expect(embedded(html)).toEqual({ menu: { slug: 'harbour', data: MENU } });
    expect(html).toContain('<div id="root"></div>');
  });

  it('cannot be broken out of by what the menu says', async () => {
    const html = (await get('/l/harbour')).body.toString();
    // One script end for the data, one for the app's script: none from the name.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('\u2028');
    expect(jsonForScript({ a: '</script>' })).toBe('{"a":"\\u003c/script\\u003e"}');
  });

  it('preloads the menu page’s chunks, not what index.html loads nor what waits for a tap', async () => {
    expect(menuPreloads(MANIFEST)).toEqual(['assets/MenuRoute-D4.js', 'assets/reducer-C3.js']);
    const html = (await get('/l/harbour')).body.toString();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/MenuRoute-D4.js">');
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/reducer-C3.js">');
    expect(html).not.toContain('CartSheet');
    expect(html).not.toContain('KitchenRoute');
    expect(html.match(/client-B2\.js/g)).toHaveLength(1);
  });

  it('is revalidated on every visit, with the page’s security headers', async () => {
    const reply = await get('/l/harbour');
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers.vary).toBe('Accept-Encoding');
  });

  it('is compressed as the browser accepts', async () => {
    const br = await get('/l/harbour', 'gzip, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(embedded(brotliDecompressSync(br.body).toString())).toBeDefined();
    const gzip = await get('/l/harbour', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(embedded(gunzipSync(gzip.body).toString())).toBeDefined();
    const head = await get('/l/harbour', 'br', 'HEAD');
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(br.body.length);
  });

  it('has no menu for a location that does not exist, or one that cannot be read now', async () => {
    for (const path of ['/l/nowhere', '/l/broken']) {
      const html = (await get(path)).body.toString();
      expect(embedded(html), path).toBeUndefined();
      expect(html, path).toContain('/assets/MenuRoute-D4.js');
    }
  });

  it('leaves every other page as the static files serve it', async () => {
    asked.length = 0;
    for (const path of ['/', '/kitchen/harbour', '/l/Harbour', '/l/harbour/extra', '/track/x']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(200);
      expect(reply.body.toString(), path).toBe(INDEX);
    }
    expect(asked).toEqual([]);
  });
});
