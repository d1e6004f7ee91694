/**
 * The page a guest's phone asks for first, made ready to read at once.
 *
 * On a weak signal every round trip costs seconds (issue 13). Served as the
 * plain index.html, the menu would wait for the app's script, then for the
 * menu page's chunk it imports, then for `menu.get`: three round trips after
 * the page. So for `/l/<location>` this adds to index.html what the page will
 * need anyway:
 *
 * - a `<link rel="modulepreload">` for the menu page's chunk and the chunks it
 *   imports (from the build's manifest), fetched beside the app's script;
 * - the location's menu, as `menu.get` answers it, in a
 *   `<script type="application/json">` the page reads instead of asking
 *   (client/src/ordering/first-page-menu.ts). Its live feed follows on from
 *   the menu's `lastEventId`, so it is as fresh as a fetched one;
 * - the same menu as HTML in the app's root (menu-preview.ts), with the
 *   stylesheet in the page rather than linked (allowed by its hash in the
 *   page's CSP): the guest reads the menu as soon as the page is in, one
 *   round trip, while the scripts are still on their way.
 *
 * A location that does not exist gets no menu: the page says so as before.
 * Everything else, and any page this cannot improve (no build, no manifest,
 * the database failing), is served by the static handler as it always was.
 * The page carries data that changes, so it is revalidated on every visit.
 */
import { createHash } from 'node:crypto';
import { stat, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { Menu } from '../menu/public-menu';
import { menuPreviewHtml } from './menu-preview';
import { CONTENT_SECURITY_POLICY, PAGE_HEADERS } from './security-headers';
import { acceptedEncodings, createStaticHandler } from './static-files';

/** Where the page reads the embedded menu (client/src/ordering/first-page-menu.ts). */
export const FIRST_PAGE_ELEMENT_ID = 'ticketrail-first-page';

/** The menu page's module in the client's source, as the build's manifest names it. */
export const MENU_PAGE_MODULE = 'src/ordering/MenuRoute.tsx';

/** `/l/<location>` with or without a trailing slash; the client's routes use the same shape. */
const MENU_PATH = /^\/l\/([a-z0-9-]{1,64})\/?$/;

export interface FirstPageOptions {
  /** The client's build (index.html, assets/, .vite/manifest.json). */
  root: string;
  /** A location's menu as `menu.get` returns it, or null when there is no such location. */
  menu: (slug: string) => Promise<Menu | null>;
  log?: (message: string) => void;
}

/** The part of Vite's build manifest read here. */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface Shell {
  html: string;
  /** The menu page's chunks that index.html does not load already. */
  menuPreloads: string[];
  /** The app's stylesheet, to put in the page instead of its link. */
  style: { link: string; css: string; hash: string } | null;
}

/** index.html's one stylesheet link (Vite's), and the file's path under the build. */
const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*href="\/(assets\/[\w.-]+\.css)"[^>]*>/;

async function readStyle(root: string, html: string): Promise<Shell['style']> {
  const match = STYLESHEET_LINK.exec(html);
  if (!match?.[1]) return null;
  const css = await readFile(join(root, match[1]), 'utf8');
  // A stylesheet that could end its own element stays linked.
  if (/<\/style/i.test(css)) return null;
  return { link: match[0], css, hash: createHash('sha256').update(css).digest('base64') };
}

/** JSON that cannot end the script element or open a comment, whatever strings it holds. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Every chunk `key` loads statically, itself included, in the manifest's own file names. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

/** The files to preload for the menu page: its chunks, less what the entry loads. */
export function menuPreloads(manifest: Manifest): string[] {
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  const loaded = new Set<string>();
  for (const entry of entries) staticClosure(manifest, entry, loaded);
  return [...staticClosure(manifest, MENU_PAGE_MODULE)]
    .filter((key) => !loaded.has(key))
    .map((key) => manifest[key]?.file)
    .filter((file): file is string => typeof file === 'string' && file.endsWith('.js'));
}

/** index.html with the menu page's preloads and, when there is one, its menu. */
export function menuPageHtml(shell: Shell, slug: string, menu: Menu | null): string {
  const preloads = shell.menuPreloads
    .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`)
    .join('');
  const data =
    menu === null
      ? ''
      : `<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">` +
        jsonForScript({ menu: { slug, data: menu } }) +
        '</script>';
  // Functions, not strings: a `$&` or `$'` in a dish's name is no replacement pattern.
  let html = shell.html
    .replace('</head>', () => `${preloads}</head>`)
    .replace('</body>', () => `${data}</body>`);
  if (menu !== null) {
    html = html.replace(
      '<div id="root"></div>',
      () => `<div id="root">${menuPreviewHtml(menu)}</div>`,
    );
    if (shell.style) {
      const { link, css } = shell.style;
      html = html.replace(link, () => `<style>${css}</style>`);
    }
  }
  return html;
}

/** The page's CSP, allowing its own stylesheet in the page by hash when it is there. */
export function menuPagePolicy(shell: Shell, menu: Menu | null): string {
  if (menu === null || !shell.style) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace(
    "style-src 'self'",
    () => `style-src 'self' 'sha256-${shell.style!.hash}'`,
  );
}

const compressors = {
  // A page is made per visit: a quick setting, most of the saving of the best.
  br: (body: Buffer) =>
    promisify(brotliCompress)(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: (body: Buffer) => promisify(gzip)(body, { level: 6 }),
};

export function createFirstPageHandler(options: FirstPageOptions) {
  const serveFile = createStaticHandler(options.root);
  const indexPath = join(options.root, 'index.html');
  const manifestPath = join(options.root, '.vite', 'manifest.json');
  // Read again when a deploy replaces the build, as the static files are.
  let cached: { stamp: string; shell: Shell } | null = null;

  async function readShell(): Promise<Shell | null> {
    try {
      const [index, manifest] = await Promise.all([stat(indexPath), stat(manifestPath)]);
      const stamp = `${index.mtimeMs}:${manifest.mtimeMs}`;
      if (cached?.stamp !== stamp) {
        const [html, json] = await Promise.all([
          readFile(indexPath, 'utf8'),
          readFile(manifestPath, 'utf8'),
        ]);
        cached = {
          stamp,
          shell: {
            html,
            menuPreloads: menuPreloads(JSON.parse(json) as Manifest),
            style: await readStyle(options.root, html),
          },
        };
      }
      return cached.shell;
    } catch {
      return null;
    }
  }

  async function menuOrNull(slug: string): Promise<Menu | null> {
    try {
      return await options.menu(slug);
    } catch (error) {
      // The page still loads and asks for the menu itself, which says what is wrong.
      options.log?.(`[http] menu for the first page of ${slug}: ${String(error)}`);
      return null;
    }
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const slug = MENU_PATH.exec(pathname)?.[1];
    const shell =
      slug && (req.method === 'GET' || req.method === 'HEAD') ? await readShell() : null;
    if (!slug || !shell) {
      await serveFile(req, res);
      return;
    }
    const menu = await menuOrNull(slug);
    let body = Buffer.from(menuPageHtml(shell, slug, menu));
    const headers: Record<string, string | number> = {
      ...PAGE_HEADERS,
      'content-security-policy': menuPagePolicy(shell, menu),
      'content-type': 'text/html; charset=utf-8',
      // The menu in it changes: never kept without asking again.
      'cache-control': 'no-cache',
      vary: 'Accept-Encoding',
    };
    const encoding = acceptedEncodings(req.headers['accept-encoding'])[0];
    if (encoding) {
      body = await compressors[encoding.name](body);
      headers['content-encoding'] = encoding.name;
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
