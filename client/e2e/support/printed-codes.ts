/**
 * A printed page as a phone's camera would meet it: the PDF Chromium printed,
 * rasterised by poppler's `pdftoppm` (Debian's poppler-utils, which .ci/run
 * installs), then every QR code on it read back with jsQR. The test then knows
 * the cards scan, not only that a PDF came out.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const run = promisify(execFile);

/** Renders page `pageNumber` of the PDF at `pdfPath` to `<pngBase>.png` and returns its path. */
export async function pdfPageToPng(
  pdfPath: string,
  pngBase: string,
  pageNumber = 1,
): Promise<string> {
  const page = String(pageNumber);
  // 150 dpi: a 3 cm code is ~180 px, plenty for a reader, small enough to look at.
  try {
    await run('pdftoppm', [
      '-png',
      '-r',
      '150',
      '-f',
      page,
      '-l',
      page,
      '-singlefile',
      pdfPath,
      pngBase,
    ]);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new Error('pdftoppm is missing: apt-get install poppler-utils (.ci/run does).');
    }
    throw error;
  }
  return `${pngBase}.png`;
}

/**
 * Every QR code in the image, in reading order. jsQR reads one code per
 * image and is thrown by several finder patterns at once, so the page is
 * first cut where it is blank (rows, then columns within a band: an XY cut),
 * and each inked block big enough to be a code is read on its own.
 */
export async function readQrCodes(pngPath: string): Promise<string[]> {
  const image = PNG.sync.read(await readFile(pngPath));
  const ink = (x: number, y: number) => {
    const at = (y * image.width + x) * 4;
    // Dark enough to be a module; a card's grey dashed border is lighter.
    return (image.data[at]! + image.data[at + 1]! + image.data[at + 2]!) / 3 < 100;
  };
  const codes: string[] = [];
  for (const [top, bottom] of runs(image.height, (y) => anyInk(image.width, (x) => ink(x, y)))) {
    const inBand = (x: number) => anyInk(bottom - top + 1, (dy) => ink(x, top + dy));
    for (const [left, right] of runs(image.width, inBand)) {
      if (right - left < 60 || bottom - top < 60) continue; // a line of text, not a code
      const code = readBlock(image, { left, top, right, bottom });
      if (code !== null) codes.push(code);
    }
  }
  return codes;
}

function anyInk(length: number, inkAt: (offset: number) => boolean): boolean {
  for (let offset = 0; offset < length; offset += 1) if (inkAt(offset)) return true;
  return false;
}

/** Maximal [start, end] runs of indexes where `inked` holds. */
function runs(length: number, inked: (index: number) => boolean): [number, number][] {
  const found: [number, number][] = [];
  let start = -1;
  for (let index = 0; index <= length; index += 1) {
    const on = index < length && inked(index);
    if (on && start < 0) start = index;
    if (!on && start >= 0) {
      found.push([start, index - 1]);
      start = -1;
    }
  }
  return found;
}

/** The block copied onto white with a quiet zone around it, as a reader wants it. */
function readBlock(
  image: PNG,
  box: { left: number; top: number; right: number; bottom: number },
): string | null {
  const pad = 24;
  const width = box.right - box.left + 1 + pad * 2;
  const height = box.bottom - box.top + 1 + pad * 2;
  const pixels = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = box.top; y <= box.bottom; y += 1) {
    const from = (y * image.width + box.left) * 4;
    const to = ((y - box.top + pad) * width + pad) * 4;
    pixels.set(image.data.subarray(from, from + (box.right - box.left + 1) * 4), to);
  }
  return jsQR(pixels, width, height)?.data ?? null;
}
