/**
 * What the tracking page says about an order, as pure functions of the order
 * the server sent: the stages with their times, the words for each status in
 * the order type's terms, how many items are ready, and the page title.
 *
 * Everything is derived from the current order alone, never from what the
 * page showed before: a kitchen recall moves an order back (ready →
 * preparing), and a page that catches up after a reconnect may skip stages,
 * so the only right picture is the one the latest order implies.
 */
import { statusLabel, type OrderStatus, type OrderType } from '@ticketrail/shared';
import type { TrackedOrder } from './order-feed';

export type GuestOrder = TrackedOrder['order'];
export type GuestItem = GuestOrder['items'][number];
type StageTimes = GuestOrder['times'];

/** The stages of an order that runs its course, in order. */
export const STAGES = ['placed', 'accepted', 'preparing', 'ready', 'completed'] as const;
export type StageKey = (typeof STAGES)[number];

/** Statuses that end an order before it is completed. */
export type StoppedStatus = Extract<OrderStatus, 'rejected' | 'cancelled'>;

export type StageState = 'done' | 'current' | 'upcoming';

export interface Stage {
  key: StageKey | StoppedStatus;
  label: string;
  /** When the order reached the stage (ISO 8601); null if upcoming, or skipped on the way. */
  at: string | null;
  state: StageState;
}

const STAGE_TIME: Record<StageKey | StoppedStatus, keyof StageTimes> = {
  placed: 'placedAt',
  accepted: 'acceptedAt',
  preparing: 'preparingAt',
  ready: 'readyAt',
  completed: 'completedAt',
  rejected: 'rejectedAt',
  cancelled: 'cancelledAt',
};

export const isStopped = (status: OrderStatus): status is StoppedStatus =>
  status === 'rejected' || status === 'cancelled';

type StageInput = Pick<GuestOrder, 'status' | 'type' | 'times'>;

/**
 * The progress line. An order on its way has every stage: those behind the
 * current one done, the ones ahead upcoming (without times, even if an old
 * stamp lingers). A rejected or cancelled order shows the stages it did reach,
 * then where it stopped, and nothing ahead: it is not going to continue.
 */
export function trackingStages(order: StageInput): Stage[] {
  const { status, type, times } = order;
  if (isStopped(status)) {
    const reached = STAGES.filter(
      (key) => key !== 'completed' && (key === 'placed' || times[STAGE_TIME[key]] !== null),
    );
    return [
      ...reached.map((key): Stage => stage(key, type, times, 'done')),
      stage(status, type, times, 'current'),
    ];
  }
  const current = STAGES.indexOf(status);
  return STAGES.map((key, index) =>
    stage(key, type, times, index < current ? 'done' : index === current ? 'current' : 'upcoming'),
  );
}

function stage(key: Stage['key'], type: OrderType, times: StageTimes, state: StageState): Stage {
  return {
    key,
    label: statusLabel(key, type),
    at: state === 'upcoming' ? null : times[STAGE_TIME[key]],
    state,
  };
}

export interface ItemProgress {
  ready: number;
  cooking: number;
  total: number;
}

/**
 * How much of the order is ready, counted in portions, not lines: a guest who
 * ordered two burgers and fries has three things coming and reads "2 of 3
 * ready" against the "2×" on the list. The kitchen marks a whole line at once,
 * so the count moves in steps of that line's quantity, which is the truth.
 */
export function itemProgress(
  items: readonly Pick<GuestItem, 'quantity' | 'status'>[],
): ItemProgress {
  let ready = 0;
  let cooking = 0;
  let total = 0;
  for (const item of items) {
    total += item.quantity;
    if (item.status === 'done') ready += item.quantity;
    else if (item.status === 'cooking') cooking += item.quantity;
  }
  return { ready, cooking, total };
}

export function progressText({ ready, total }: ItemProgress): string {
  return ready === total ? `All ${total} ready` : `${ready} of ${total} ready`;
}

/** Statuses in which the kitchen works item by item, so the count means something. */
export const showsItemProgress = (status: OrderStatus): boolean =>
  status === 'accepted' || status === 'preparing';

type HeadlineInput = Pick<GuestOrder, 'status' | 'type' | 'tableLabel' | 'displayNumber'>;

/** Where the food goes once it is up, in the words the guest acts on. */
export function readyInstruction(order: Omit<HeadlineInput, 'status'>): string {
  switch (order.type) {
    case 'pickup':
      return `Collect it at the counter and show number ${order.displayNumber}.`;
    case 'dine_in':
      return order.tableLabel ? `On its way to ${order.tableLabel}.` : 'On its way to your table.';
    case 'delivery':
      return 'It is out for delivery and on its way to you.';
  }
}

export interface Headline {
  title: string;
  detail: string;
}

/** The big words at the top of the page for the order's status. */
export function headline(order: HeadlineInput): Headline {
  switch (order.status) {
    case 'placed':
      return { title: 'Order received', detail: 'Waiting for the kitchen to accept it.' };
    case 'accepted':
      return { title: 'Accepted', detail: 'The kitchen has your order and starts on it shortly.' };
    case 'preparing':
      return { title: 'Being prepared', detail: 'The kitchen is cooking your order.' };
    case 'ready':
      return {
        title: order.type === 'delivery' ? 'Your order is on its way' : 'Your order is ready',
        detail: readyInstruction(order),
      };
    case 'completed':
      return { title: statusLabel('completed', order.type), detail: 'Enjoy your meal!' };
    case 'rejected':
      return {
        title: 'Order not accepted',
        detail: 'Sorry, the restaurant could not take this order.',
      };
    case 'cancelled':
      return { title: 'Order cancelled', detail: 'This order was cancelled.' };
  }
}

/**
 * The browser tab's title. "Ready!" leads while the order is ready, so a guest
 * who left the tab in the background sees it in the tab strip; a reload of a
 * ready order keeps it, because it says what is true, not what just happened.
 */
export function pageTitle(
  order: Pick<GuestOrder, 'status' | 'type' | 'displayNumber'>,
  locationName: string | null,
): string {
  const lead =
    order.status === 'ready'
      ? `${order.type === 'delivery' ? 'On its way!' : 'Ready!'} ${order.displayNumber}`
      : `${order.displayNumber} · ${statusLabel(order.status, order.type)}`;
  return locationName ? `${lead} · ${locationName}` : lead;
}

/** The system notification of the ready moment. */
export function readyNotification(
  order: Omit<HeadlineInput, 'status'>,
  locationName: string | null,
): { title: string; body: string } {
  const what = order.type === 'delivery' ? 'is on its way' : 'is ready';
  return {
    title: `Order ${order.displayNumber} ${what}`,
    body: locationName ? `${readyInstruction(order)} · ${locationName}` : readyInstruction(order),
  };
}

/** "12:04" (or "12:04 pm", as the guest's phone tells time): stage times are today's. */
export function stageTime(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(
    new Date(iso),
  );
}
