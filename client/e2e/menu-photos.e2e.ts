/**
 * A dish's photo on a guest's phone: a manager uploads one (a multipart form
 * to tRPC, as the editor sends it), an open menu shows it at once (the
 * `menu.changed` event), small beside the dish and larger in its sheet, and
 * the rows keep their height while photos load (no jumping under a thumb).
 */
import { deflateSync, crc32 } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { signIn } from './support/api';
import { expectAccessible } from './support/axe';
import { screenshot, useChromium } from './support/chromium';
import { DEMO_TABLE, openDish, tableLink } from './support/guest';
import { MANAGER } from './support/manage';
import { DEMO_SLUG } from './support/orders';
import { useTicketrail } from './support/ticketrail-server';

const server = useTicketrail();
const chromium = useChromium();

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1200×900 PNG, warm brown to orange with a lighter disc: something like a dish from above. */
function dishPhoto(): Buffer {
  const [width, height] = [1200, 900];
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x += 1) {
      const onPlate = (x - 600) ** 2 + (y - 450) ** 2 < 330 ** 2;
      const at = row + 1 + x * 3;
      rows[at] = onPlate ? 240 : 120 + Math.round((x / width) * 100);
      rows[at + 1] = onPlate ? 200 : 60 + Math.round((y / height) * 60);
      rows[at + 2] = onPlate ? 150 : 40;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('dish photos on a guest’s phone', () => {
  test('a photo uploaded in the back office appears on an open menu, sized before it loads', async () => {
    const { page, errors, close } = await chromium.openPage({
      baseURL: server.url,
      device: 'phone',
    });
    try {
      await page.goto(tableLink(DEMO_SLUG, DEMO_TABLE.secret));
      await page.getByText(`Ordering to ${DEMO_TABLE.label}`).waitFor();
      const row = page.locator('.menu-item__open').filter({ hasText: 'Smash Burger' }).first();
      const before = await row.boundingBox();

      const manager = await signIn(server.url, MANAGER.email, MANAGER.password);
      const menu = await manager.api.menu.get.query({ locationSlug: DEMO_SLUG });
      const burger = menu.categories
        .flatMap((category) => [category, ...category.children])
        .flatMap((section) => section.items)
        .find((item) => item.name === 'Smash Burger');
      const form = new FormData();
      form.append('itemId', String(burger?.id));
      form.append(
        'photo',
        new Blob([new Uint8Array(dishPhoto())], { type: 'image/png' }),
        'burger.png',
      );
      const uploaded = await fetch(`${server.url}/trpc/menuAdmin.uploadPhoto`, {
        method: 'POST',
        headers: { authorization: `Bearer ${manager.token}` },
        body: form,
      });
      expect(uploaded.status).toBe(200);

      // The open menu shows it without a reload, at its fixed size.
      const thumbnail = row.locator('img.menu-item__photo');
      await thumbnail.waitFor();
      await page.waitForFunction(
        () => document.querySelector<HTMLImageElement>('img.menu-item__photo')?.complete === true,
      );
      const box = await thumbnail.boundingBox();
      expect([Math.round(box?.width ?? 0), Math.round(box?.height ?? 0)]).toEqual([72, 72]);
      const after = await row.boundingBox();
      expect(after?.height).toBeGreaterThanOrEqual((before?.height ?? 0) - 1);
      await row.scrollIntoViewIfNeeded();
      await screenshot(page, 'menu-photo-phone', { fullPage: false });
      await expectAccessible(page, 'the guest menu with a dish photo');

      await openDish(page, 'Smash Burger');
      const photo = page.getByRole('img', { name: 'Photo of Smash Burger' });
      await photo.waitFor();
      expect(await photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(640);
      await screenshot(page, 'menu-photo-sheet', { fullPage: false });
      await expectAccessible(page, 'a dish sheet with its photo');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
