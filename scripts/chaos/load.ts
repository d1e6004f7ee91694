/**
 * The service the faults hit: guests placing orders at every instance (each
 * with its idempotency key, retried with that key until acknowledged), and
 * the kitchen bumping them through their stages with the version it last saw
 * (a CONFLICT means its view was stale: re-read and go on).
 */
import { randomUUID } from 'node:crypto';
import { bumpTarget, type OrderStatus } from '@ticketrail/shared';
import { errorCode, untilAcknowledged, type Api } from './api';
import { sleep } from './wait';

export interface CartLine {
  itemId: number;
  quantity: number;
  optionIds: number[];
}

export interface Order {
  key: string;
  id: string;
  number: number;
  businessDate: string;
  token: string;
  status: OrderStatus;
  version: number;
  /** The first line's order item, and its status (the tracked orders toggle it). */
  itemId: number;
  itemStatus: string;
}

export interface LoadOptions {
  /** Guests' clients, one per instance. */
  guests: Api[];
  /** The kitchen's signed-in clients, one per instance. */
  kitchens: Api[];
  locationSlug: string;
  /** What the background guests order. */
  cart: CartLine[];
}

const OPEN = new Set(['placed', 'accepted', 'preparing', 'ready']);

export class Load {
  readonly acknowledged: Order[] = [];
  readonly stats = { retries: 0, conflicts: 0, replayed: 0, bumps: 0 };
  /** Calls that failed in a way no retry can fix: each one is a defect. */
  readonly failures: string[] = [];
  readonly #queue: Order[] = [];
  readonly #inFlight = new Set<Promise<unknown>>();
  #running = false;
  #loops: Promise<void>[] = [];
  #placements = 0;

  constructor(private readonly options: LoadOptions) {}

  /**
   * Places one order at `instance`, retrying (on the other instances too) until
   * acknowledged. Keys start `chaos-` (the audit finds them by that).
   */
  async place(instance: number, cart = this.options.cart, keyPrefix = 'chaos-'): Promise<Order> {
    const { guests, locationSlug } = this.options;
    const key = `${keyPrefix}${randomUUID()}`;
    const input = {
      locationSlug,
      idempotencyKey: key,
      guest: { name: 'Chaos' },
      fulfilment: { type: 'pickup' as const },
      items: cart,
    };
    const placed = await untilAcknowledged(
      `placing order ${key}`,
      // A phone retrying through a load balancer may land on another instance.
      (attempt) => guests[(instance + attempt) % guests.length]!.orders.place.mutate(input),
      { stats: this.stats },
    );
    if (placed.replayed) this.stats.replayed += 1;
    const item = placed.order.items[0];
    const order: Order = {
      key,
      id: placed.order.id,
      number: placed.order.number,
      businessDate: placed.order.businessDate,
      token: placed.trackingToken,
      status: placed.order.status,
      version: placed.order.version,
      itemId: item?.id ?? 0,
      itemStatus: item?.status ?? 'queued',
    };
    this.acknowledged.push(order);
    return order;
  }

  /** Re-reads an order as its guest sees it (status, version, first item). */
  async reread(order: Order, instance = 0): Promise<void> {
    const { guests } = this.options;
    const { order: fresh } = await untilAcknowledged(
      `reading order ${order.id}`,
      (attempt) =>
        guests[(instance + attempt) % guests.length]!.orders.track.query({
          orderId: order.id,
          token: order.token,
        }),
      { stats: this.stats },
    );
    order.status = fresh.status;
    order.version = fresh.version;
    order.itemStatus = fresh.items.find((item) => item.id === order.itemId)?.status ?? 'queued';
  }

  /**
   * One change to an order, for the screens to see: accept a new order, else
   * toggle its first item between queued and cooking (which never finishes
   * it, so a tracked order can be nudged as often as needed). Answers with the
   * order's version after the change.
   */
  async nudge(order: Order, instance: number): Promise<number> {
    const { kitchens } = this.options;
    // Conflicts come only from our own lost answers: a few rounds settle it.
    for (let round = 0; ; round += 1) {
      const expectedVersion = order.version;
      try {
        const ticket = await untilAcknowledged(
          `changing order ${order.number}`,
          (attempt) => {
            const kitchen = kitchens[(instance + attempt) % kitchens.length]!;
            return order.status === 'placed'
              ? kitchen.kitchen.transition.mutate({
                  orderId: order.id,
                  expectedVersion,
                  to: 'accepted',
                })
              : kitchen.kitchen.setItemStatus.mutate({
                  orderId: order.id,
                  orderItemId: order.itemId,
                  expectedVersion,
                  status: order.itemStatus === 'queued' ? 'cooking' : 'queued',
                });
          },
          { stats: this.stats },
        );
        order.status = ticket.status;
        order.version = ticket.version;
        order.itemStatus =
          ticket.items.find((item) => item.id === order.itemId)?.status ?? order.itemStatus;
        return order.version;
      } catch (error) {
        if (errorCode(error) !== 'CONFLICT' || round >= 5) throw error;
        // An earlier try went through but its answer was lost: nobody else touches it.
        this.stats.conflicts += 1;
        await this.reread(order, instance);
        if (order.version > expectedVersion) return order.version;
      }
    }
  }

  /** Orders at `perSecond` across the instances, and the kitchen bumping them, until `stop()`. */
  start(perSecond: number): void {
    this.#running = true;
    this.#loops = [this.#placeLoop(perSecond), this.#bumpLoop(0), this.#bumpLoop(1)];
  }

  async stop(): Promise<void> {
    this.#running = false;
    await Promise.all(this.#loops);
    await Promise.all(this.#inFlight);
  }

  get placedCount(): number {
    return this.acknowledged.length;
  }

  async #placeLoop(perSecond: number): Promise<void> {
    const { guests } = this.options;
    const interval = 1000 / perSecond;
    let next = performance.now();
    while (this.#running) {
      // Many phones: a slow answer does not hold up the next guest (up to a point).
      if (this.#inFlight.size < 32) {
        const instance = this.#placements++ % guests.length;
        const task = this.place(instance).then(
          (order) => void this.#queue.push(order),
          (error: unknown) => void this.failures.push(`orders.place: ${String(error)}`),
        );
        this.#inFlight.add(task);
        void task.finally(() => this.#inFlight.delete(task));
      }
      next += interval;
      await sleep(Math.max(0, next - performance.now()));
    }
  }

  /** A kitchen hand bumping the oldest open ticket to its next stage, again and again. */
  async #bumpLoop(instance: number): Promise<void> {
    const { kitchens } = this.options;
    while (this.#running) {
      const order = this.#queue.shift();
      if (!order) {
        await sleep(50);
        continue;
      }
      const to = bumpTarget(order.status);
      if (!to) continue;
      try {
        const expectedVersion = order.version;
        // The board's bump: kitchen.transition to the next column's status.
        const ticket = await untilAcknowledged(
          `bumping order ${order.number}`,
          (attempt) =>
            kitchens[(instance + attempt) % kitchens.length]!.kitchen.transition.mutate({
              orderId: order.id,
              expectedVersion,
              to,
            }),
          { stats: this.stats },
        );
        this.stats.bumps += 1;
        order.status = ticket.status;
        order.version = ticket.version;
      } catch (error) {
        if (errorCode(error) === 'CONFLICT') {
          this.stats.conflicts += 1;
          await this.reread(order, instance).catch((failure: unknown) =>
            this.failures.push(`orders.track: ${String(failure)}`),
          );
        } else {
          this.failures.push(`kitchen.transition: ${String(error)}`);
          continue;
        }
      }
      if (OPEN.has(order.status)) this.#queue.push(order);
      // A kitchen is busy, but not a machine gun.
      await sleep(30);
    }
  }
}
