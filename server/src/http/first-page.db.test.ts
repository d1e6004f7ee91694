/**
 * The real server's menu page: the menu it embeds is the one `menu.get`
 * answers, read from the database, and a location that does not exist gets
 * none. (first-page.test.ts checks the page itself against a stand-in menu.)
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_PAGE_ELEMENT_ID, MENU_PAGE_MODULE } from './first-page';
import { startServer, type RunningServer } from './server';
import { backend } from '../../test/support/database';
import { testDeps } from '../../test/support/fixture';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();
let server: RunningServer;
let clientDist: string;

beforeAll(async () => {
  clientDist = await mkdtemp(join(tmpdir(), 'ticketrail-dist-'));
  await mkdir(join(clientDist, '.vite'), { recursive: true });
  await writeFile(
    join(clientDist, 'index.html'),
    '<!doctype html><html><head><title>app</title></head><body><div id="root"></div></body></html>',
  );
  const manifest = {
    'index.html': { file: 'assets/index-1.js', isEntry: true },
    [MENU_PAGE_MODULE]: { file: 'assets/MenuRoute-2.js', imports: ['index.html'] },
  };
  await writeFile(join(clientDist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  server = await startServer({ deps: testDeps(t.db), port: 0, clientDist, log: () => {} });
});

afterAll(async () => {
  await server?.close();
  await rm(clientDist, { recursive: true, force: true });
});

function embeddedIn(html: string): unknown {
  const pattern = new RegExp(
    `<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">(.*?)</script>`,
    's',
  );
  const json = pattern.exec(html)?.[1];
  return json === undefined ? undefined : JSON.parse(json);
}

describe(`the menu page from the real server (${backend})`, () => {
  it('embeds what menu.get answers, and preloads the menu’s chunk', async () => {
    const slug = t.fixture.main.slug;
    const page = await fetch(`${server.url}/l/${slug}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const answer = await fetch(
      `${server.url}/trpc/menu.get?input=${encodeURIComponent(JSON.stringify({ locationSlug: slug }))}`,
    );
    const { result } = (await answer.json()) as { result: { data: unknown } };
    expect(embeddedIn(html)).toEqual({ menu: { slug, data: result.data } });
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/MenuRoute-2.js">');
  });

  it('embeds nothing for a location that does not exist', async () => {
    const html = await (await fetch(`${server.url}/l/no-such-place`)).text();
    expect(embeddedIn(html)).toBeUndefined();
    expect(html).toContain('<div id="root"></div>');
  });
});
