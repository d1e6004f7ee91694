/**
 * The addresses a table's QR code and the pickup card hold: the guest menu,
 * with the table's secret for a table (routes.tsx reads it; ordering checks it).
 */

/** `${origin}/l/<slug>?table=<secret>`, or the pickup menu without a secret. */
export function guestMenuUrl(origin: string, slug: string, secret?: string): string {
  const menu = `${origin}/l/${encodeURIComponent(slug)}`;
  return secret === undefined ? menu : `${menu}?table=${encodeURIComponent(secret)}`;
}
