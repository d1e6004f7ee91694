/**
 * Whether a location is open at an instant, and when that changes, from its
 * weekly hours, its exceptions and its time zone. Pure: the server refuses an
 * order with it and the guest page shows the banner with it, each with its
 * own clock.
 *
 * Everything is reckoned in the location's wall-clock time (dates and
 * "HH:MM"), so a daylight-saving change moves nothing: 17:00 stays 17:00.
 */
import type { OrderType } from './domain';
import type { HoursException, OpenInterval, WeeklyHours } from './settings-hours';
import { minutesOfDay, orderTypeOffWords, WEEKDAYS } from './settings-words';

export interface OpeningHoursInput {
  openingHours: WeeklyHours;
  hoursExceptions: readonly HoursException[];
  timezone: string;
}

/** A moment in the location's own time. */
export interface LocalMoment {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** 0 = the same local day as `now`, 1 = tomorrow, … */
  daysAhead: number;
}

export interface OpeningState {
  open: boolean;
  /** When `open` flips next, within the next fortnight; null = not in that time. */
  nextChange: LocalMoment | null;
}

const DAY = 1440;
/** How far ahead a next opening is looked for: past that, "closed" is all we say. */
const HORIZON_DAYS = 14;

export function openingState(input: OpeningHoursInput, now: Date): OpeningState {
  const today = localParts(now, input.timezone);
  const at = today.minutes;
  // Every open spell from yesterday (one may run past midnight into today) to the horizon,
  // in minutes from today's local midnight, merged where they touch.
  const spells: [number, number][] = [];
  for (let offset = -1; offset <= HORIZON_DAYS; offset += 1) {
    const date = addDays(today.date, offset);
    for (const spell of hoursOn(input, date)) {
      const [from, to] = span(spell);
      spells.push([from + offset * DAY, to + offset * DAY]);
    }
  }
  const merged = merge(spells);
  const current = merged.find(([from, to]) => from <= at && at < to);
  if (current) {
    return { open: true, nextChange: withinHorizon(today.date, current[1]) };
  }
  const next = merged.find(([from]) => from > at);
  return { open: false, nextChange: next ? withinHorizon(today.date, next[0]) : null };
}

/** "It opens at 17:00." / "It opens tomorrow at 12:00." / "It opens on Friday at 12:00." */
export function opensWords(state: OpeningState): string {
  if (state.open) return '';
  const when = state.nextChange;
  if (!when) return 'It has no opening hours in the next two weeks.';
  return `It opens ${dayWords(when)}at ${when.time}.`;
}

/** "Harbour Kitchen is closed now. It opens at 17:00." */
export function closedWords(locationName: string, state: OpeningState): string {
  return `${locationName} is closed now. ${opensWords(state)}`;
}

/** "Open until 22:00" for an open location (empty when it never closes in the horizon). */
export function closesWords(state: OpeningState): string {
  if (!state.open || !state.nextChange) return '';
  const when = state.nextChange;
  return `Open until ${when.daysAhead === 0 ? '' : `${dayWords(when)}at `}${when.time}`;
}

function dayWords(when: LocalMoment): string {
  if (when.daysAhead === 0) return '';
  if (when.daysAhead === 1) return 'tomorrow ';
  if (when.daysAhead < 7) {
    return `on ${weekdayName(when.date)} `;
  }
  return `on ${Number(when.date.slice(8, 10))} ${MONTHS[Number(when.date.slice(5, 7)) - 1] ?? ''} `;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

function weekdayName(date: string): string {
  return WEEKDAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
}

/** The exception's hours on that date, else the weekday's. */
function hoursOn(input: OpeningHoursInput, date: string): readonly OpenInterval[] {
  const exception = input.hoursExceptions.find((entry) => entry.date === date);
  if (exception) return exception.hours;
  // getUTCDay: 0 = Sunday; WEEKDAYS starts on Monday.
  const weekday = WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];
  return weekday ? input.openingHours[weekday] : [];
}

/** A spell in minutes from its own day's midnight; one past midnight ends after 1440. */
function span(spell: OpenInterval): [number, number] {
  const from = minutesOfDay(spell.opens);
  const to = minutesOfDay(spell.closes);
  return [from, to > from ? to : to + DAY];
}

function merge(spells: [number, number][]): [number, number][] {
  const sorted = [...spells].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const spell of sorted) {
    const last = merged[merged.length - 1];
    if (last && spell[0] <= last[1]) last[1] = Math.max(last[1], spell[1]);
    else merged.push([spell[0], spell[1]]);
  }
  return merged;
}

function withinHorizon(today: string, minutes: number): LocalMoment | null {
  // A spell still running at the end of the horizon has no change we know of.
  if (minutes >= HORIZON_DAYS * DAY) return null;
  const daysAhead = Math.floor(minutes / DAY);
  const rest = minutes - daysAhead * DAY;
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(rest % 60).padStart(2, '0');
  return { date: addDays(today, daysAhead), time: `${hh}:${mm}`, daysAhead };
}

function addDays(date: string, days: number): string {
  const moment = new Date(`${date}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The local date and minutes after midnight at `now` in `timezone` (automation reads it too). */
export function localParts(now: Date, timezone: string): { date: string; minutes: number } {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timezone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(now).map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    minutes: Number(parts['hour']) * 60 + Number(parts['minute']),
  };
}

/**
 * Why a guest cannot order now, in plain words, or null when they can. The
 * server refuses with these words; the guest page shows the same ones.
 * `type` is left out when it is not known yet (a quote, the menu's banner).
 */
export function orderingRefusal(
  locationName: string,
  settings: OpeningHoursInput & {
    acceptingOrders: boolean;
    orderTypes: readonly OrderType[];
  },
  now: Date,
  type?: OrderType,
): string | null {
  if (!settings.acceptingOrders) return `${locationName} is not taking orders right now.`;
  const state = openingState(settings, now);
  if (!state.open) return closedWords(locationName, state);
  if (type && !settings.orderTypes.includes(type)) return orderTypeOffWords(locationName, type);
  return null;
}
