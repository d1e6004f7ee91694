/** Where a dish's photo is served (http/photo-route.ts): its random key is its address. */
export const PHOTO_PATH_PREFIX = '/media/photos/';

export const photoUrl = (key: string) => `${PHOTO_PATH_PREFIX}${key}.webp`;
