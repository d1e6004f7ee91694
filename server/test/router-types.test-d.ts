/**
 * What a developer builds on: procedure inputs and outputs inferred from the
 * router, with the domain's own types, never `any` and never a loose string.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { Allergen, ItemStatus, OrderStatus, OrderType, StaffRole } from '@ticketrail/shared';
import type { AppRouter, RouterInputs, RouterOutputs } from '../src/router';
import type { inferRouterError, inferRouterOutputs } from '@trpc/server';

type Ticket = RouterOutputs['kitchen']['board']['tickets'][number];

describe('router types', () => {
  it('outputs carry domain types', () => {
    expectTypeOf<RouterOutputs['orders']['place']['trackingToken']>().toEqualTypeOf<string>();
    expectTypeOf<
      RouterOutputs['orders']['place']['order']['status']
    >().toEqualTypeOf<OrderStatus>();
    expectTypeOf<Ticket['type']>().toEqualTypeOf<OrderType>();
    expectTypeOf<Ticket['items'][number]['status']>().toEqualTypeOf<ItemStatus>();
    expectTypeOf<Ticket['items'][number]['allergens']>().toEqualTypeOf<Allergen[]>();
    expectTypeOf<Ticket['times']['readyAt']>().toEqualTypeOf<string | null>();
    expectTypeOf<RouterOutputs['auth']['me']['role']>().toEqualTypeOf<StaffRole>();
    expectTypeOf<RouterOutputs['kitchen']['board']['lastEventId']>().toEqualTypeOf<number>();
    expectTypeOf<inferRouterOutputs<AppRouter>>().toEqualTypeOf<RouterOutputs>();
  });

  it('the guest view leaves out what only staff may see', () => {
    expectTypeOf<RouterOutputs['orders']['track']['order']>().not.toHaveProperty('guestPhone');
    expectTypeOf<RouterOutputs['orders']['track']['order']>().not.toHaveProperty('deliveryAddress');
    expectTypeOf<RouterOutputs['orders']['track']['order']['items'][number]>().not.toHaveProperty(
      'station',
    );
    expectTypeOf<Ticket>().toHaveProperty('guestPhone');
  });

  it('inputs never take a price', () => {
    type Line = RouterInputs['orders']['place']['items'][number];
    expectTypeOf<Line>().not.toHaveProperty('priceCents');
    expectTypeOf<Line>().not.toHaveProperty('unitPriceCents');
    expectTypeOf<Line['quantity']>().toEqualTypeOf<number>();
    expectTypeOf<RouterInputs['orders']['place']>().not.toHaveProperty('totalCents');
    expectTypeOf<RouterInputs['kitchen']['transition']['to']>().toEqualTypeOf<OrderStatus>();
  });

  it('a refusal says when to try again, typed for every client', () => {
    type ErrorData = inferRouterError<AppRouter>['data'];
    expectTypeOf<ErrorData['retryAfterSeconds']>().toEqualTypeOf<number | null>();
    expectTypeOf<RouterOutputs['staff']['deactivate']>().toEqualTypeOf<{
      id: number;
      active: false;
    }>();
  });
});
