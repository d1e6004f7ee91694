/**
 * A QR code as an image the page can show and print: the `qrcode` library's
 * SVG (sharp at any print size, no canvas needed), as a data: URL, which the
 * server's Content-Security-Policy allows for images (inline markup with its
 * own style would not be). Only the QR cards page imports this, so the library
 * stays in that page's chunk.
 */
import { toString as qrSvg } from 'qrcode';

export async function qrImage(text: string): Promise<string> {
  // "M" survives a smudge or a fold on a card on a table (about 15% of the code).
  const svg = await qrSvg(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
