/**
 * The photo upload's input: a multipart form (tRPC's non-JSON input), read
 * here rather than in shared/ because a form is how the bytes travel, not a
 * shape both sides build: the editor appends `itemId` and `photo` (the file).
 * Its size is checked before a byte is decoded; its type is checked from its
 * bytes (photos.ts), never from its name or declared type.
 */
import { z } from 'zod';
import { idSchema, PHOTO_MAX_BYTES } from '@ticketrail/shared';

export const PHOTO_TOO_LARGE = 'A photo is at most 5 MB.';

export interface PhotoUpload {
  itemId: number;
  photo: Blob;
}

/** Typed by hand: inferred, the type would name undici's FormData, which the client cannot see. */
export const photoUploadInputSchema: z.ZodType<PhotoUpload, FormData> = z
  .instanceof(FormData, { error: 'Send the photo as a form (multipart/form-data).' })
  .transform((form, context) => {
    const itemId = idSchema.safeParse(Number(form.get('itemId') ?? Number.NaN));
    const photo = form.get('photo');
    if (!itemId.success) {
      context.addIssue({
        code: 'custom',
        path: ['itemId'],
        message: 'Say which dish the photo is of.',
      });
    }
    if (!(photo instanceof Blob) || photo.size === 0) {
      context.addIssue({ code: 'custom', path: ['photo'], message: 'Choose a photo to upload.' });
      return z.NEVER;
    }
    if (photo.size > PHOTO_MAX_BYTES) {
      context.addIssue({ code: 'custom', path: ['photo'], message: PHOTO_TOO_LARGE });
      return z.NEVER;
    }
    if (!itemId.success) return z.NEVER;
    return { itemId: itemId.data, photo };
  });
