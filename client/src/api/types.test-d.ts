/**
 * What the client gets from the router by inference alone: nothing here (or
 * anywhere in client/src) restates a server type by hand.
 */
import type { TRPCClientError } from '@trpc/client';
import type { inferRouterInputs } from '@trpc/server';
import type { AppRouter, RouterInputs, RouterOutputs } from '@ticketrail/server';
import type { Allergen, OrderStatus } from '@ticketrail/shared';
import { describe, expectTypeOf, it } from 'vitest';
import type { ServerLiveStatus } from '../live/server-status';
import { trpc } from './client';

/** What `useSubscription` hands to `onData`, read off the hook itself. */
type OnDataOf<Hook> = Hook extends (input: infer _I, opts?: infer Opts) => unknown
  ? NonNullable<Opts> extends { onData?: (item: infer Item) => void }
    ? Item
    : never
  : never;

type KitchenItem = OnDataOf<typeof trpc.kitchen.live.useSubscription>;
type OrderItem = OnDataOf<typeof trpc.orders.live.useSubscription>;
type BoardItem = OnDataOf<typeof trpc.board.live.useSubscription>;
type MenuItem = OnDataOf<typeof trpc.menu.live.useSubscription>;
type StatusItem = OnDataOf<typeof trpc.live.status.useSubscription>;

type KitchenOrderEvent = Extract<KitchenItem['data'], { type: 'order.changed' }>;
type KitchenTicket = KitchenOrderEvent['ticket'];

describe('live feed types', () => {
  it('kitchen.live delivers { id, data } with the ticket in domain types', () => {
    expectTypeOf<KitchenItem>().toHaveProperty('id').toEqualTypeOf<string>();
    expectTypeOf<KitchenItem['data']['type']>().toEqualTypeOf<
      | 'order.changed'
      | 'menu.availability'
      | 'menu.changed'
      | 'settings.changed'
      | 'automation.notice'
    >();
    expectTypeOf<KitchenTicket['items'][number]['allergens']>().toEqualTypeOf<Allergen[]>();
    expectTypeOf<KitchenTicket['status']>().toEqualTypeOf<OrderStatus>();
    expectTypeOf<Extract<KitchenItem['data'], { type: 'menu.availability' }>>().toEqualTypeOf<{
      type: 'menu.availability';
      itemId: number;
      name: string;
      available: boolean;
      soldOut: boolean;
    }>();
  });

  it('the onData of a real useSubscription call is typed without annotations', () => {
    // Compiled, never run: a hook outside a component would throw.
    const _typeOnly = () =>
      trpc.kitchen.live.useSubscription(
        { locationId: 1, lastEventId: '0' },
        {
          onData: (item) => {
            expectTypeOf(item.id).toEqualTypeOf<string>();
            if (item.data.type === 'order.changed') {
              expectTypeOf(item.data.ticket.items[0]!.allergens).toEqualTypeOf<Allergen[]>();
            } else if (item.data.type === 'menu.availability') {
              expectTypeOf(item.data.available).toEqualTypeOf<boolean>();
            } else if (item.data.type === 'settings.changed') {
              expectTypeOf(item.data.settings.lateAfterMinutes).toEqualTypeOf<number>();
            }
          },
        },
      );
    expectTypeOf(_typeOnly).toBeFunction();
  });

  it('kitchen.board tickets are the kitchen.live ticket type', () => {
    expectTypeOf<
      RouterOutputs['kitchen']['board']['tickets'][number]
    >().toEqualTypeOf<KitchenTicket>();
    expectTypeOf<RouterOutputs['kitchen']['board']['lastEventId']>().toEqualTypeOf<number>();
  });

  it('orders.live carries the guest view: no phone, no address, no station', () => {
    expectTypeOf<OrderItem['id']>().toEqualTypeOf<string>();
    expectTypeOf<OrderItem['data']['type']>().toEqualTypeOf<'order.changed'>();
    expectTypeOf<OrderItem['data']['order']>().not.toHaveProperty('guestPhone');
    expectTypeOf<OrderItem['data']['order']>().not.toHaveProperty('deliveryAddress');
    expectTypeOf<OrderItem['data']['order']['items'][number]>().not.toHaveProperty('station');
    expectTypeOf<KitchenTicket>().toHaveProperty('guestPhone');
    expectTypeOf<OrderItem['data']['order']>().toEqualTypeOf<
      RouterOutputs['orders']['track']['order']
    >();
  });

  it('board.live entries hold an order number, never an order id', () => {
    type Entry = Extract<BoardItem['data'], { type: 'board.changed' }>['entry'];
    expectTypeOf<Entry>().not.toHaveProperty('id');
    expectTypeOf<Entry>().not.toHaveProperty('orderId');
    expectTypeOf<Entry>().not.toHaveProperty('guestName');
    expectTypeOf<Entry['number']>().toEqualTypeOf<number>();
    expectTypeOf<Entry['status']>().toEqualTypeOf<OrderStatus>();
    expectTypeOf<Entry>().toEqualTypeOf<RouterOutputs['board']['get']['entries'][number]>();
  });

  it('board.live tells the board its collected time, and none of the kitchen’s settings', () => {
    type Settings = Extract<BoardItem['data'], { type: 'board.settings' }>;
    expectTypeOf<Settings>().toEqualTypeOf<{ type: 'board.settings'; collectedSeconds: number }>();
    expectTypeOf<BoardItem['data']['type']>().toEqualTypeOf<'board.changed' | 'board.settings'>();
    expectTypeOf<RouterOutputs['board']['get']['collectedSeconds']>().toEqualTypeOf<number>();
  });

  it('menu.live sets availability on menu items', () => {
    type Availability = Extract<MenuItem['data'], { type: 'menu.availability' }>;
    expectTypeOf<Availability['itemId']>().toEqualTypeOf<
      RouterOutputs['menu']['get']['categories'][number]['items'][number]['id']
    >();
    expectTypeOf<Availability['soldOut']>().toEqualTypeOf<boolean>();
  });

  it('menu.live tells guests about opening, order types and the wait, not the kitchen’s timers', () => {
    type Guest = Extract<MenuItem['data'], { type: 'location.settings' }>['settings'];
    expectTypeOf<Guest['orderTypes']>().toEqualTypeOf<('dine_in' | 'pickup' | 'delivery')[]>();
    expectTypeOf<Guest>().not.toHaveProperty('warnAfterMinutes');
  });

  it('live.status says whether the server’s bus is up, and nothing to resume from', () => {
    expectTypeOf<StatusItem>().toEqualTypeOf<{ bus: 'up' | 'down' }>();
    expectTypeOf<ServerLiveStatus>().toEqualTypeOf<StatusItem>();
  });

  it('every live input takes an optional resume point', () => {
    expectTypeOf<RouterInputs['kitchen']['live']>().toHaveProperty('lastEventId');
    expectTypeOf<RouterInputs['kitchen']['live']['lastEventId']>().toEqualTypeOf<
      string | null | undefined
    >();
    expectTypeOf<{ locationId: number }>().toExtend<RouterInputs['kitchen']['live']>();
    expectTypeOf<{ locationId: number; lastEventId: null }>().toExtend<
      RouterInputs['kitchen']['live']
    >();
    expectTypeOf<RouterInputs['orders']['live']['lastEventId']>().toEqualTypeOf<
      string | null | undefined
    >();
    expectTypeOf<inferRouterInputs<AppRouter>>().toEqualTypeOf<RouterInputs>();
  });

  it('a refusal tells the client when to try again', () => {
    type ErrorData = NonNullable<TRPCClientError<AppRouter>['data']>;
    expectTypeOf<ErrorData['retryAfterSeconds']>().toEqualTypeOf<number | null>();
  });
});
