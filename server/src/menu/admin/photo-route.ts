/**
 * Serves dish photos at `/media/photos/<key>.webp`. A key is new for every
 * upload, so a photo at an address never changes: browsers and proxies may
 * keep it for a year without asking again. Anything else under the prefix is
 * a 404; only GET and HEAD are served.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { COMMON_HEADERS } from '../../http/security-headers';
import { PHOTO_PATH_PREFIX } from './photo-url';
import { readPhoto } from './photos';

/** 16 random bytes in base64url (photos.ts `newKey`), then `.webp`. */
const PHOTO_FILE = /^([A-Za-z0-9_-]{22})\.webp$/;

export const isPhotoPath = (path: string) => path.startsWith(PHOTO_PATH_PREFIX);

export async function servePhoto(
  db: Kysely<Database>,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...COMMON_HEADERS, allow: 'GET, HEAD' }).end();
    return;
  }
  const key = PHOTO_FILE.exec(path.slice(PHOTO_PATH_PREFIX.length))?.[1];
  const photo = key === undefined ? undefined : await readPhoto(db, key);
  if (!photo) {
    res
      .writeHead(404, {
        ...COMMON_HEADERS,
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      })
      .end(req.method === 'HEAD' ? undefined : 'There is no such photo.\n');
    return;
  }
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'content-type': photo.content_type,
    'content-length': String(photo.bytes.byteLength),
    'cache-control': 'public, max-age=31536000, immutable',
  });
  res.end(req.method === 'HEAD' ? undefined : photo.bytes);
}
