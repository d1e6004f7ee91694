/**
 * A dish's photo: checked by its bytes (a JPEG, PNG or WebP, whatever its name
 * says), turned upright, resized to a phone's width, re-encoded as WebP without
 * its metadata (no camera GPS), and stored in the database under a new random
 * key (why the database: db/migrations/2026-11-30T1100-menu-editing.ts).
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import sharp from 'sharp';
import type { Database } from '../../db/schema';
import { DomainError, invalid, notFound } from '../../errors';
import { transact } from '../../live/event-log';
import { worksAt } from '../../staff/access';
import type { StaffActor } from '../../staff/sessions';
import { announceMenu, itemHere, NO_DISH } from './owned';
import { readAdminItem, type AdminItem } from './read';

export const NOT_A_PHOTO = 'That file is not a JPEG, PNG or WebP photo.';
export const TOO_MANY_PIXELS = 'That photo has too many pixels; at most 40 megapixels.';

/** Twice a phone's width in CSS pixels on a menu card: sharp on a 2× screen, tens of KB. */
const PHOTO_WIDTH = 640;
/**
 * A 5 MB file can unpack to gigabytes of pixels (a "decompression bomb"):
 * sharp refuses more than this before decoding. 40 MP is more than any phone camera.
 */
const MAX_INPUT_PIXELS = 40_000_000;

// Each upload is read once: sharp's cache would only hold memory.
sharp.cache(false);

/** The first bytes of the three formats accepted; anything else never reaches a decoder. */
function sniffFormat(bytes: Uint8Array): 'jpeg' | 'png' | 'webp' | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

export interface ProcessedPhoto {
  bytes: Buffer;
  width: number;
  height: number;
}

/** The phone-sized WebP of an uploaded photo, or a refusal in words. */
export async function processPhoto(upload: Uint8Array): Promise<ProcessedPhoto> {
  const format = sniffFormat(upload);
  if (format === null) throw invalid(NOT_A_PHOTO);
  try {
    const image = sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const metadata = await image.metadata();
    if (metadata.format !== format) throw invalid(NOT_A_PHOTO);
    const { data, info } = await image
      // Upright as the camera held it, before the EXIF that says so is dropped.
      .rotate()
      .resize({ width: PHOTO_WIDTH, withoutEnlargement: true })
      .webp({ quality: 78 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message))
      throw invalid(TOO_MANY_PIXELS);
    if (error instanceof DomainError) throw error;
    // A truncated or corrupt file: sharp cannot read it as the image it claims to be.
    throw invalid(NOT_A_PHOTO);
  }
}

/** 128 random bits, URL-safe: the photo's address, unguessable. */
const newKey = () => randomBytes(16).toString('base64url');

export async function uploadPhoto(
  db: Kysely<Database>,
  actor: StaffActor,
  itemId: number,
  upload: Uint8Array,
): Promise<AdminItem> {
  // Whether the dish is this manager's, before spending a core on resizing.
  const found = await db
    .selectFrom('menu_items')
    .select('location_id')
    .where('id', '=', itemId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!found || !worksAt(actor, found.location_id)) throw notFound(NO_DISH);
  const photo = await processPhoto(upload);
  return transact(db, async (trx) => {
    const item = await itemHere(trx, actor, itemId);
    const key = newKey();
    await trx
      .insertInto('menu_photos')
      .values({
        key,
        item_id: item.id,
        content_type: 'image/webp',
        bytes: photo.bytes,
        width: photo.width,
        height: photo.height,
      })
      .execute();
    await trx
      .deleteFrom('menu_photos')
      .where('item_id', '=', item.id)
      .where('key', '!=', key)
      .execute();
    // The version is left alone: the editor's form holds no photo to overwrite.
    await trx
      .updateTable('menu_items')
      .set({ photo_key: key, updated_at: sql<Date>`now()` })
      .where('id', '=', item.id)
      .execute();
    await announceMenu(trx, item.location_id);
    return readAdminItem(trx, item.id);
  });
}

export function removePhoto(
  db: Kysely<Database>,
  actor: StaffActor,
  itemId: number,
): Promise<AdminItem> {
  return transact(db, async (trx) => {
    const item = await itemHere(trx, actor, itemId);
    if (item.photo_key !== null) {
      await trx.deleteFrom('menu_photos').where('item_id', '=', item.id).execute();
      await trx
        .updateTable('menu_items')
        .set({ photo_key: null, updated_at: sql<Date>`now()` })
        .where('id', '=', item.id)
        .execute();
      await announceMenu(trx, item.location_id);
    }
    return readAdminItem(trx, item.id);
  });
}

/** A stored photo by its key, for the HTTP route. */
export async function readPhoto(db: Kysely<Database>, key: string) {
  return db
    .selectFrom('menu_photos')
    .select(['bytes', 'content_type'])
    .where('key', '=', key)
    .executeTakeFirst();
}
