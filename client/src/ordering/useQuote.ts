/**
 * The server's quote for the cart as it stands: the only totals the guest
 * sees. When the server says "too many quotes from here", the sheet keeps the
 * last good totals and asks again once, when the server's wait is over, not
 * on every tap of a quantity button.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { RouterOutputs } from '@ticketrail/server';
import { trpc } from '../api/client';
import { throttled } from '../api/throttle';
import { useCoolDown } from '../api/useCoolDown';
import { toCartInput, type CartLine } from './cart';
import { describeRefusal, type Refusal } from './refusals';

export type Quote = RouterOutputs['orders']['quote'];

export interface CartQuote {
  /** The totals to show: this cart's, or the latest there are while a new one is awaited. */
  quote: Quote | undefined;
  /** `quote` prices exactly these lines: the order can be placed at it. */
  current: boolean;
  /** A newer figure is on its way. */
  updating: boolean;
  /** The server asked us to wait before quoting again. */
  busy: boolean;
  /** The server will not price these lines (one is at fault, the restaurant closed). */
  refusal: Refusal | null;
}

export function useQuote(locationSlug: string, lines: readonly CartLine[]): CartQuote {
  const input = { locationSlug, items: toCartInput(lines) };
  const key = JSON.stringify(input);
  const { waiting, after } = useCoolDown();
  const query = trpc.orders.quote.useQuery(input, {
    enabled: lines.length > 0 && !waiting,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 0,
  });
  const { error } = query;
  useEffect(() => {
    after(error);
  }, [error, after]);

  // A refused quote has no data, not even the previous cart's: keep the last good one.
  const [lastGood, setLastGood] = useState<{ key: string; quote: Quote } | null>(null);
  const fresh = query.data !== undefined && !query.isPlaceholderData ? query.data : undefined;
  if (fresh && (lastGood?.quote !== fresh || lastGood.key !== key)) {
    setLastGood({ key, quote: fresh });
  }

  const busy = waiting || throttled(error) !== null;
  if (busy) {
    const current = lastGood?.key === key;
    return { quote: lastGood?.quote, current, updating: !current, busy, refusal: null };
  }
  return {
    quote: query.data,
    current: fresh !== undefined,
    updating: query.isPlaceholderData || query.isFetching,
    busy,
    refusal: error ? describeRefusal(error) : null,
  };
}
