/**
 * A table's QR code opens `/l/<location>?table=<secret>`. The secret is what
 * proves the guest sits there; the server names the table so the guest sees
 * "Table 4" before ordering to it.
 */
import { tableSecretSchema } from '@ticketrail/shared';
import { trpc } from '../api/client';

export type TableLink =
  | { state: 'none' }
  | { state: 'checking' }
  | { state: 'valid'; secret: string; label: string }
  | { state: 'invalid'; message: string };

export function useTableLink(locationSlug: string, secret: string | null): TableLink {
  const wellFormed = secret !== null && tableSecretSchema.safeParse(secret).success;
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
