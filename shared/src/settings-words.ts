/**
 * The settings' plain parts, without zod: weekdays, times of day, and the
 * words guests read (order type off, the quoted wait). The guest's menu page
 * reads these and `openingState` without loading the schemas (settings.ts),
 * which keeps zod out of the menu's first download.
 */
import type { OrderType } from './domain';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** "HH:MM" as minutes after midnight; "24:00" is 1440. */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const ORDER_TYPE_WORDS: Record<OrderType, string> = {
  dine_in: 'dine-in',
  pickup: 'pickup',
  delivery: 'delivery',
};

/** "Harbour Kitchen is not taking delivery orders right now." */
export function orderTypeOffWords(locationName: string, type: OrderType): string {
  return `${locationName} is not taking ${ORDER_TYPE_WORDS[type]} orders right now.`;
}

interface Wait {
  prepMinutes: number;
  busyExtraMinutes: number;
}

/** The wait quoted to guests: the usual one plus busy mode's extra. */
export function quotedWaitMinutes(settings: Wait): number {
  return settings.prepMinutes + settings.busyExtraMinutes;
}

/** "Ready in about 35 min — we’re busy" */
export function quotedWaitWords(settings: Wait): string {
  const minutes = quotedWaitMinutes(settings);
  return settings.busyExtraMinutes > 0
    ? `Ready in about ${minutes} min — we’re busy`
    : `Ready in about ${minutes} min`;
}
