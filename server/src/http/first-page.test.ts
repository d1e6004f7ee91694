/**
 * The menu page's first response against a real HTTP server and a temp build
 * (index.html and Vite's manifest as the client's build writes them).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOnLoopback, type RawServer } from '../../test/support/raw-http';
import { BUILT_IN_SETTINGS, guestSettingsOf } from '@ticketrail/shared';
import type { Menu } from '../menu/public-menu';
import {
  createFirstPageHandler,
  FIRST_PAGE_ELEMENT_ID,
  jsonForScript,
  menuPreloads,
} from './first-page';

const INDEX = `<!doctype html><html><head><title>app</title>
<script type="module" crossorigin src="/assets/index-A1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/client-B2.js">
<link rel="stylesheet" crossorigin href="/assets/index-H8.css">
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
const CSS = '.menu-item{color:#111}';
const MENU: Menu = {
  location: {
    id: 1,
    slug: 'harbour',
    name: SNEAKY,
    ...guestSettingsOf(BUILT_IN_SETTINGS),
    timezone: 'Europe/Dublin',
    currency: 'EUR',
    acceptingOrders: false,
    quotedWaitMinutes: 20,
  },
  categories: [
    {
      id: 3,
      name: 'Mains',
      items: [
        {
          id: 11,
          categoryId: 3,
          name: 'Fish <b>&</b> chips',
          description: 'Beer-battered "hake"',
          priceCents: 1450,
          allergens: ['fish', 'gluten'],
          dietary: ['dairy_free'],
          available: true,
          soldOut: true,
          optionGroups: [],
          photoUrl: null,
        },
      ],
      children: [{ id: 4, name: 'Sides', items: [] }],
    },
  ],
  lastEventId: 7,
};

let dist: string;
let served: RawServer;
const asked: string[] = [];

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'ticketrail-first-page-'));
  await mkdir(join(dist, '.vite'), { recursive: true });
  await writeFile(join(dist, 'index.html'), INDEX);
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'assets', 'index-H8.css'), CSS);
  await writeFile(join(dist, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
  const handler = createFirstPageHandler({
    root: dist,
    menu: (slug) => {
      asked.push(slug);
      if (slug === 'broken') return Promise.reject(new Error('database down'));
      return Promise.resolve(slug === 'harbour' ? MENU : null);
    },
  });
  served = await serveOnLoopback(handler);
});

afterAll(async () => {
  await served.close();
  await rm(dist, { recursive: true, force: true });
});

function get(path: string, acceptEncoding?: string, method?: string) {
  return served.get(path, acceptEncoding, method);
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
  });

  it('shows the menu before the app runs: its dishes as HTML, its stylesheet in the page', async () => {
    const reply = await get('/l/harbour');
    const html = reply.body.toString();
    const root = html.slice(html.indexOf('<div id="root">'), html.indexOf('</body>'));
    expect(root).toContain('<h2 id="category-3-name">Mains</h2>');
    expect(root).toContain(
      '<span class="menu-item__name">Fish &lt;b&gt;&amp;&lt;/b&gt; chips</span>' +
        '<span class="price">€14.50</span>',
    );
    expect(root).toContain('Beer-battered &quot;hake&quot;');
    expect(root).toContain('<span class="tag tag--warn">Sold out</span>');
    expect(root).toContain('<span class="tag">dairy free</span>');
    expect(root).toContain('Contains: fish, gluten');
    expect(root).toContain('is not taking orders right now. You can still look at the menu.');
    expect(root).toContain('<h3>Sides</h3>');
    // The stylesheet comes in the page, allowed by its hash and nothing wider.
    expect(html).toContain(`<style>${CSS}</style>`);
    expect(html).not.toContain('index-H8.css');
    const hash = createHash('sha256').update(CSS).digest('base64');
    expect(reply.headers['content-security-policy']).toContain(
      `style-src 'self' 'sha256-${hash}';`,
    );
    expect(reply.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('cannot be broken out of by what the menu says', async () => {
    const html = (await get('/l/harbour')).body.toString();
    // One script end for the data, one for the app's script: none from the name.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain('<h1>Fish &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; ');
    expect(html).not.toContain('<!--');
    // Inside the data's script: harmless as text in the page, a line break in a script.
    const data = html.slice(html.indexOf(`id="${FIRST_PAGE_ELEMENT_ID}"`));
    expect(data.slice(0, data.indexOf('</script>'))).not.toContain('\u2028');
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
      // No menu to show: the app's empty root and its linked stylesheet, as ever.
      expect(html, path).toContain('<div id="root"></div>');
      expect(html, path).toContain('index-H8.css');
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
