import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import {
  checkDetails,
  recheckErrors,
  rememberedGuest,
  rememberGuest,
  type CheckoutDetails,
} from './checkout-form';
import { forgetCheckoutKey, keyForRequest, newIdempotencyKey } from './checkout-key';
import { describeRefusal } from './refusals';
import { readStoredCart, writeStoredCart } from './stored-cart';
import { addToCart } from './cart';
import { memoryStorage } from './test-storage';
import { idempotencyKeySchema } from '@ticketrail/shared';

const details = (change: Partial<CheckoutDetails> = {}): CheckoutDetails => ({
  name: 'Gráinne',
  phone: '',
  fulfilment: 'pickup',
  address: '',
  notes: '',
  ...change,
});

describe('checkout key', () => {
  it('is a valid idempotency key', () => {
    expect(idempotencyKeySchema.safeParse(newIdempotencyKey()).success).toBe(true);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });

  it('stays the same for the same request, and changes with the request', () => {
    const storage = memoryStorage();
    const request = { items: [{ itemId: 1, quantity: 1 }], guest: { name: 'A' } };
    const first = keyForRequest(storage, 'harbour', request);
    expect(keyForRequest(storage, 'harbour', structuredClone(request))).toBe(first);
    const changed = keyForRequest(storage, 'harbour', { ...request, guest: { name: 'B' } });
    expect(changed).not.toBe(first);
    // Another location's checkout keeps its own key.
    expect(keyForRequest(storage, 'docklands', request)).not.toBe(changed);
  });

  it('is new after the order was placed, even for an identical cart', () => {
    const storage = memoryStorage();
    const request = { items: [{ itemId: 1, quantity: 1 }] };
    const first = keyForRequest(storage, 'harbour', request);
    forgetCheckoutKey(storage, 'harbour');
    expect(keyForRequest(storage, 'harbour', request)).not.toBe(first);
  });

  it('shrugs off garbage in storage', () => {
    const storage = memoryStorage();
    storage.setItem('ticketrail.checkout.harbour', '{not json');
    expect(keyForRequest(storage, 'harbour', {})).toMatch(/^co_[0-9a-f]{32}$/);
  });
});

describe('checkDetails', () => {
  it('gives what orders.place takes', () => {
    expect(checkDetails(details({ phone: ' 087 123 4567 ', notes: ' birthday ' }), null)).toEqual({
      ok: true,
      guest: { name: 'Gráinne', phone: '087 123 4567' },
      fulfilment: { type: 'pickup' },
      notes: 'birthday',
    });
    expect(checkDetails(details({ fulfilment: 'dine_in' }), 'table-secret-1')).toMatchObject({
      ok: true,
      fulfilment: { type: 'dine_in', tableSecret: 'table-secret-1' },
    });
  });

  it('says what is missing next to each field', () => {
    expect(
      checkDetails(details({ name: '  ', phone: 'call me', fulfilment: 'delivery' }), null),
    ).toEqual({
      ok: false,
      errors: {
        name: 'Please give a name for the order.',
        phone: 'That does not look like a phone number.',
        address: 'Please give a delivery address.',
      },
    });
  });

  it('keeps a shown message only while its field is still wrong, and flags nothing new', () => {
    const shown = {
      name: 'Please give a name for the order.',
      phone: 'That does not look like a phone number.',
    };
    expect(recheckErrors(shown, details({ name: 'Aoife', phone: 'call me' }), null)).toEqual({
      phone: 'That does not look like a phone number.',
    });
    expect(recheckErrors(shown, details({ name: 'Aoife', phone: '' }), null)).toEqual({});
    // Delivery with no address is wrong, but it was not flagged: it waits for "Place order".
    expect(recheckErrors({}, details({ name: '', fulfilment: 'delivery' }), null)).toEqual({});
    // Nothing changed: the same object, so nothing re-renders.
    const still = details({ name: ' ', phone: 'call me' });
    expect(recheckErrors(shown, still, null)).toBe(shown);
  });

  it('remembers the name and phone for next time, and survives garbage', () => {
    const storage = memoryStorage();
    expect(rememberedGuest(storage)).toEqual({ name: '', phone: '' });
    rememberGuest(storage, { name: ' Gráinne ', phone: '087 1234567' });
    expect(rememberedGuest(storage)).toEqual({ name: 'Gráinne', phone: '087 1234567' });
    storage.setItem('ticketrail.guest', '[1,2]');
    expect(rememberedGuest(storage)).toEqual({ name: '', phone: '' });
  });
});

describe('stored cart', () => {
  it('comes back as it was saved, and drops what does not fit', () => {
    const storage = memoryStorage();
    const cart = addToCart([], {
      itemId: 7,
      name: 'Chowder',
      quantity: 2,
      optionIds: [3],
      notes: 'hot',
    }).cart;
    writeStoredCart(storage, 'harbour', cart);
    expect(readStoredCart(storage, 'harbour')).toEqual(cart);
    expect(readStoredCart(storage, 'docklands')).toEqual([]);

    storage.setItem(
      'ticketrail.cart.harbour',
      JSON.stringify([
        cart[0],
        { itemId: -1, name: 'x', quantity: 1, optionIds: [], notes: '' },
        'junk',
      ]),
    );
    expect(readStoredCart(storage, 'harbour')).toEqual(cart);
    storage.setItem('ticketrail.cart.harbour', 'nonsense');
    expect(readStoredCart(storage, 'harbour')).toEqual([]);
    writeStoredCart(storage, 'harbour', []);
    expect(storage.getItem('ticketrail.cart.harbour')).toBeNull();
  });
});

/** An error as tRPC's client builds it from a server's answer. */
function apiError(code: string, message: string, problems: unknown[] | null = null) {
  return TRPCClientError.from({
    error: { code: -32000, message, data: { code, httpStatus: 400, issues: null, problems } },
  });
}

describe('describeRefusal', () => {
  it('points each problem at its line, or at every line of the item, and says what to do', () => {
    const refusal = describeRefusal(
      apiError('UNPROCESSABLE_CONTENT', 'Only 3 Catch of the day left; the cart has 4.', [
        {
          kind: 'sold_out',
          line: null,
          itemId: 9,
          message: 'Only 3 Catch of the day left; the cart has 4.',
        },
        { kind: 'invalid_options', line: 2, itemId: 4, message: 'Choose a size for Smash Burger.' },
      ]),
    );
    expect(refusal).toEqual({
      message:
        'Only 3 Catch of the day left; the cart has 4. Choose a size for Smash Burger. Lower the quantity or remove it, then place the order again.',
      lineProblems: new Map([[2, 'Choose a size for Smash Burger.']]),
      itemProblems: new Map([[9, 'Only 3 Catch of the day left; the cart has 4.']]),
      retrySafe: false,
    });
  });

  it('keeps the cart when the restaurant closed', () => {
    const refusal = describeRefusal(
      apiError('PRECONDITION_FAILED', 'Harbour Kitchen is not taking orders right now.'),
    );
    expect(refusal.message).toBe(
      'Harbour Kitchen is not taking orders right now. Your order is saved here; try again when they open.',
    );
    expect(refusal.retrySafe).toBe(false);
  });

  it('keeps the cart and the key when there were too many orders from here', () => {
    const refusal = describeRefusal(
      apiError('TOO_MANY_REQUESTS', 'Too many orders from here just now. Try again in 30 seconds.'),
    );
    expect(refusal.message).toBe(
      'Too many orders from here just now. Try again in 30 seconds. Your order is kept here, and trying again will not make a second order.',
    );
    expect(refusal.retrySafe).toBe(true);
  });

  it('calls a lost answer safe to retry', () => {
    expect(describeRefusal(new TypeError('Failed to fetch')).retrySafe).toBe(true);
    expect(describeRefusal(TRPCClientError.from(new TypeError('Failed to fetch'))).retrySafe).toBe(
      true,
    );
  });
});
