/**
 * Dish photos over real HTTP, as the editor sends them (a multipart form to
 * tRPC) and as phones fetch them: resized, re-encoded, stripped of metadata,
 * cached by their never-reused address; files that are not photos, too large,
 * or too many pixels are refused in words.
 */
import { crc32, deflateSync } from 'node:zlib';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES } from '@ticketrail/shared';
import { startServer, type RunningServer } from '../../http/server';
import { backend } from '../../../test/support/database';
import { guest, PASSWORD, testDeps } from '../../../test/support/fixture';
import { useTestDatabase } from '../../../test/support/setup';
import { NOT_A_PHOTO, TOO_MANY_PIXELS } from './photos';
import { photoForm } from './test-inputs';

const t = useTestDatabase();
let server: RunningServer;
let clientDist: string;

beforeAll(async () => {
  clientDist = await mkdtemp(join(tmpdir(), 'ticketrail-dist-'));
  await writeFile(join(clientDist, 'index.html'), '<!doctype html><title>app</title>');
  server = await startServer({ deps: testDeps(t.db), port: 0, clientDist, log: () => {} });
});

afterAll(async () => {
  await server?.close();
  await rm(clientDist, { recursive: true, force: true });
});

interface Answer {
  result?: { data: { id: number; photoUrl: string | null } };
  error?: { message: string; data: { code: string; httpStatus: number } };
}

async function token(email: string) {
  return (await guest(t.db).auth.login({ email, password: PASSWORD })).token;
}

async function upload(bearer: string, itemId: number, bytes: Uint8Array, name = 'dish.jpg') {
  const form = photoForm(itemId, null);
  form.append('photo', new Blob([bytes], { type: 'image/jpeg' }), name);
  const response = await fetch(`${server.url}/trpc/menuAdmin.uploadPhoto`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

/** A 1600×1200 camera-like JPEG carrying EXIF (a copyright, as GPS would be). */
const cameraPhoto = () =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#c0603a' } })
    .withExif({ IFD0: { Copyright: 'Secret kitchen, 53.34N 6.26W' } })
    .jpeg()
    .toBuffer();

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid grey PNG of 8000×6000 (48 MP) that compresses to a few dozen KB: a decompression bomb. */
function pixelBomb(): Buffer {
  const [width, height] = [8000, 6000];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

describe(`dish photos over HTTP (${backend})`, () => {
  it('stores a phone-sized WebP without metadata, served with cache headers and on the guest menu', async () => {
    const f = t.fixture;
    const bearer = await token(f.staff.manager);
    const { status, body } = await upload(bearer, f.items.burger, await cameraPhoto());
    expect(body.error).toBeUndefined();
    expect(status).toBe(200);
    const url = body.result?.data.photoUrl ?? '';
    expect(url).toMatch(/^\/media\/photos\/[A-Za-z0-9_-]{22}\.webp$/);

    const photo = await fetch(`${server.url}${url}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/webp');
    expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(photo.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = Buffer.from(await photo.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 640, height: 480 });
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes('Secret kitchen')).toBe(false);
    expect(bytes.length).toBeLessThan(60_000);

    const menu = await guest(t.db).menu.get({ locationSlug: f.main.slug });
    const burger = menu.categories[0]?.items.find((item) => item.id === f.items.burger);
    expect(burger?.photoUrl).toBe(url);

    // A new photo gets a new address; the old one is gone. Removing it empties both.
    const second = await upload(bearer, f.items.burger, await cameraPhoto());
    const secondUrl = second.body.result?.data.photoUrl ?? '';
    expect(secondUrl).not.toBe(url);
    expect((await fetch(`${server.url}${url}`)).status).toBe(404);
    const removed = await fetch(`${server.url}/trpc/menuAdmin.removePhoto`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ itemId: f.items.burger }),
    });
    expect(((await removed.json()) as Answer).result?.data.photoUrl).toBeNull();
    expect((await fetch(`${server.url}${secondUrl}`)).status).toBe(404);
  });

  it('refuses what is not a JPEG, PNG or WebP, whatever its name says', async () => {
    const f = t.fixture;
    const bearer = await token(f.staff.manager);
    const gif = Buffer.from(
      'GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,',
      'latin1',
    );
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const truncated = (await cameraPhoto()).subarray(0, 2000);
    for (const bytes of [gif, svg, truncated, Buffer.from('just some text')]) {
      const { status, body } = await upload(bearer, f.items.burger, bytes, 'photo.jpg');
      expect({ status, message: body.error?.message }).toEqual({
        status: 400,
        message: NOT_A_PHOTO,
      });
    }
    const bomb = await upload(bearer, f.items.burger, pixelBomb(), 'bomb.png');
    expect({ status: bomb.status, message: bomb.body.error?.message }).toEqual({
      status: 400,
      message: TOO_MANY_PIXELS,
    });
    const rows = await t.db.selectFrom('menu_photos').select('key').execute();
    expect(rows).toEqual([]);
  });

  it('refuses a photo over 5 MB, in words, before decoding it', async () => {
    const f = t.fixture;
    const bearer = await token(f.staff.manager);
    // Just over the limit: read, and refused by the procedure.
    const over = await upload(bearer, f.items.burger, new Uint8Array(PHOTO_MAX_BYTES + 1));
    expect({ status: over.status, message: over.body.error?.message }).toEqual({
      status: 400,
      message: 'photo: A photo is at most 5 MB.',
    });
    // Far over: refused from its declared length, unread.
    const far = await upload(bearer, f.items.burger, new Uint8Array(PHOTO_MAX_BYTES * 2));
    expect({ status: far.status, message: far.body.error?.message }).toEqual({
      status: 413,
      message: 'A photo is at most 5 MB.',
    });
    // Far over without saying so (chunked): cut off at the cap, a 4xx, not a 500.
    const form = new Response(photoForm(f.items.burger, new Uint8Array(PHOTO_MAX_BYTES * 2)));
    const chunked = await fetch(`${server.url}/trpc/menuAdmin.uploadPhoto`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': form.headers.get('content-type') ?? '',
      },
      body: form.body,
      duplex: 'half',
    });
    expect(chunked.status).toBe(413);
    // Other procedures keep the small limit.
    const json = await fetch(`${server.url}/trpc/menuAdmin.removePhoto`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ itemId: f.items.burger, pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(json.status).toBe(413);
  });

  it('only a manager of the dish’s location uploads; unknown photos are 404', async () => {
    const f = t.fixture;
    const photo = await cameraPhoto();
    const kitchen = await upload(await token(f.staff.kitchen), f.items.burger, photo);
    expect(kitchen.status).toBe(403);
    const nobody = await fetch(`${server.url}/trpc/menuAdmin.uploadPhoto`, {
      method: 'POST',
      body: (() => {
        const form = new FormData();
        form.append('itemId', String(f.items.burger));
        form.append('photo', new Blob([photo]), 'dish.jpg');
        return form;
      })(),
    });
    expect(nobody.status).toBe(401);
    await t.db.deleteFrom('staff_locations').where('location_id', '=', f.main.id).execute();
    const elsewhere = await upload(await token(f.staff.manager), f.items.burger, photo);
    expect(elsewhere.status).toBe(404);

    for (const path of [
      '/media/photos/AAAAAAAAAAAAAAAAAAAAAA.webp',
      '/media/photos/dish.png',
      '/media/photos/',
    ]) {
      const missing = await fetch(`${server.url}${path}`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const post = await fetch(`${server.url}/media/photos/AAAAAAAAAAAAAAAAAAAAAA.webp`, {
      method: 'POST',
    });
    expect(post.status).toBe(405);
  });
});
