/**
 * The checkout's details, checked with the same schemas the server parses
 * with, so a message appears next to its field before anything is sent.
 */
import { fulfilmentSchema, guestSchema, type Fulfilment } from '@ticketrail/shared';

export type FulfilmentType = Fulfilment['type'];

export interface CheckoutDetails {
  name: string;
  phone: string;
  fulfilment: FulfilmentType;
  address: string;
  notes: string;
}

export type DetailField = 'name' | 'phone' | 'address';

export type CheckedDetails =
  | {
      ok: true;
      guest: { name: string; phone?: string };
      fulfilment: Fulfilment;
      notes?: string;
    }
  | { ok: false; errors: Partial<Record<DetailField, string>> };

/** The details as `orders.place` takes them, or a message per field. */
export function checkDetails(details: CheckoutDetails, tableSecret: string | null): CheckedDetails {
  const errors: Partial<Record<DetailField, string>> = {};
  const phone = details.phone.trim();
  const guest = guestSchema.safeParse({ name: details.name, ...(phone ? { phone } : {}) });
  if (!guest.success) {
    for (const issue of guest.error.issues) {
      const field = issue.path[0] === 'phone' ? 'phone' : 'name';
      errors[field] ??= issue.message;
    }
  }
  const fulfilmentInput =
    details.fulfilment === 'dine_in'
      ? { type: 'dine_in', tableSecret: tableSecret ?? '' }
      : details.fulfilment === 'delivery'
        ? { type: 'delivery', address: details.address }
        : { type: 'pickup' };
  const fulfilment = fulfilmentSchema.safeParse(fulfilmentInput);
  if (!fulfilment.success) {
    // Only the address is typed; a bad table secret is said by the table banner.
    errors.address ??= fulfilment.error.issues[0]?.message ?? 'Please give a delivery address.';
  }
  if (!guest.success || !fulfilment.success) return { ok: false, errors };
  const notes = details.notes.trim();
  return {
    ok: true,
    guest: guest.data.phone
      ? { name: guest.data.name, phone: guest.data.phone }
      : { name: guest.data.name },
    fulfilment: fulfilment.data,
    ...(notes ? { notes } : {}),
  };
}

/**
 * The messages still true after an edit: a field that was flagged keeps its
 * message only while it is still wrong (with what is wrong now), so a message
 * goes as soon as the guest has fixed the field. Fields not flagged yet stay
 * quiet until the next "Place order": nobody is told off mid-word.
 */
export function recheckErrors(
  shown: Partial<Record<DetailField, string>>,
  details: CheckoutDetails,
  tableSecret: string | null,
): Partial<Record<DetailField, string>> {
  const flagged = Object.keys(shown) as DetailField[];
  if (flagged.length === 0) return shown;
  const checked = checkDetails(details, tableSecret);
  const now = checked.ok ? {} : checked.errors;
  const kept: Partial<Record<DetailField, string>> = {};
  for (const field of flagged) {
    const message = now[field];
    if (message !== undefined) kept[field] = message;
  }
  const same = flagged.every((field) => kept[field] === shown[field]);
  return same ? shown : kept;
}

/** What the guest last typed, so a returning guest does not type it again. */
const DETAILS_KEY = 'ticketrail.guest';

export function rememberedGuest(storage: Storage): Pick<CheckoutDetails, 'name' | 'phone'> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(DETAILS_KEY) ?? 'null');
    if (parsed && typeof parsed === 'object' && 'name' in parsed && 'phone' in parsed) {
      const { name, phone } = parsed;
      if (typeof name === 'string' && typeof phone === 'string') {
        return { name: name.slice(0, 60), phone: phone.slice(0, 20) };
      }
    }
  } catch {
    // Nothing usable remembered.
  }
  return { name: '', phone: '' };
}

export function rememberGuest(storage: Storage, guest: Pick<CheckoutDetails, 'name' | 'phone'>) {
  try {
    storage.setItem(
      DETAILS_KEY,
      JSON.stringify({ name: guest.name.trim(), phone: guest.phone.trim() }),
    );
  } catch {
    // Remembering is a convenience only.
  }
}
