/**
 * A table's QR code opens `/l/<location>?table=<secret>`. The secret is what
 * proves the guest sits there; the server names the table so the guest sees
 * "Table 4" before ordering to it.
 */
import { trpc } from '../api/client';

/**
 * The shape of shared's tableSecretSchema, which the server parses with: a
 * regular expression here keeps zod out of the menu's first download (issue
 * 13). useTableLink.test.ts holds the two to the same answers.
 */
export const TABLE_SECRET_SHAPE = /^[A-Za-z0-9_-]{8,100}$/;

export type TableLink =
  | { state: 'none' }
  | { state: 'checking' }
  | { state: 'valid'; secret: string; label: string }
  | { state: 'invalid'; message: string };

export function useTableLink(locationSlug: string, secret: string | null): TableLink {
  const wellFormed = secret !== null && TABLE_SECRET_SHAPE.test(secret);
  const table = trpc.menu.table.useQuery(
    { locationSlug, tableSecret: secret ?? '' },
    { enabled: wellFormed, retry: false, staleTime: Infinity },
  );
  if (secret === null) return { state: 'none' };
  if (!wellFormed) {
    return {
      state: 'invalid',
      message: 'That table code is not valid. Please scan the code on your table again.',
    };
  }
  if (table.isPending) return { state: 'checking' };
  if (table.isError) return { state: 'invalid', message: table.error.message };
  return { state: 'valid', secret, label: table.data.label };
}
