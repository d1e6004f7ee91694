/**
 * Placing the order, once. A tap while a placement is in flight is ignored,
 * and every retry of the same request carries the same idempotency key
 * (checkout-key.ts), so the server makes one order whatever the network does.
 * After "too many orders from here" the button waits as long as the server
 * asked; the cart and the key stay for the next try.
 */
import { useRef, useState } from 'react';
import type { RouterInputs, RouterOutputs } from '@ticketrail/server';
import { trpc } from '../api/client';
import { useCoolDown } from '../api/useCoolDown';
import { forgetCheckoutKey, keyForRequest } from './checkout-key';
import { describeRefusal, type Refusal } from './refusals';

export type PlaceRequest = Omit<RouterInputs['orders']['place'], 'idempotencyKey'>;
export type PlacedOrder = RouterOutputs['orders']['place'];

export function usePlaceOrder(locationSlug: string, onPlaced: (placed: PlacedOrder) => void) {
  const mutation = trpc.orders.place.useMutation();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const coolDown = useCoolDown();
  // State alone lags a render behind: two taps in one frame would both see "idle".
  const inFlight = useRef(false);

  const place = async (request: PlaceRequest): Promise<void> => {
    if (inFlight.current || coolDown.waiting) return;
    inFlight.current = true;
    setRefusal(null);
    try {
      const idempotencyKey = keyForRequest(window.sessionStorage, locationSlug, request);
      const placed = await mutation.mutateAsync({ ...request, idempotencyKey });
      forgetCheckoutKey(window.sessionStorage, locationSlug);
      onPlaced(placed);
    } catch (error) {
      coolDown.after(error);
      setRefusal(describeRefusal(error));
    } finally {
      inFlight.current = false;
    }
  };

  return {
    place,
    placing: mutation.isPending,
    /** Waiting out a "too many": the refusal says so and the button is held. */
    holding: coolDown.waiting,
    refusal,
    // A cart change clears what was wrong with the cart, not the server's request to wait.
    clearRefusal: () => {
      if (!coolDown.waiting) setRefusal(null);
    },
  };
}
