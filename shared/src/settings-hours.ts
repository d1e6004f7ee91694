/**
 * Opening hours as settings hold them (settings.ts): open times per weekday
 * ("HH:MM"–"HH:MM", one running past midnight allowed) and exceptions by date.
 * `openingState` (opening-hours.ts) reads them.
 */
import { z } from 'zod';
import { minutesOfDay, WEEKDAYS, type Weekday } from './settings-words';

/** More than this many open spells in one day is a typing mistake, not a restaurant. */
export const MAX_INTERVALS_PER_DAY = 4;
/** Holidays and one-off days kept at once; past ones can be removed. */
export const MAX_EXCEPTIONS = 60;

const clockTime = (what: string) =>
  z
    .string({ error: `${what} is a time like 09:30.` })
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, `${what} is a time like 09:30.`);

/**
 * One open spell. `closes` before `opens` means it runs past midnight into
 * the next day (a bar open 18:00–02:00); "24:00" closes at midnight.
 */
export const openIntervalSchema = z
  .strictObject({
    opens: clockTime('The opening time'),
    closes: clockTime('The closing time'),
  })
  .refine((spell) => spell.opens !== '24:00', {
    message: 'Opening at 24:00 is opening at 00:00 the next day.',
    path: ['opens'],
  })
  .refine((spell) => spell.opens !== spell.closes, {
    message: 'It closes at the time it opens. For a whole day use 00:00 to 24:00.',
    path: ['closes'],
  });
export type OpenInterval = z.infer<typeof openIntervalSchema>;

/** A day's spells, earliest first, not overlapping; only the last may pass midnight. */
export const dayHoursSchema = z
  .array(openIntervalSchema, { error: 'A day’s hours are a list of open times.' })
  .max(MAX_INTERVALS_PER_DAY, `A day has at most ${MAX_INTERVALS_PER_DAY} open times.`)
  .superRefine((spells, ctx) => {
    for (let i = 1; i < spells.length; i += 1) {
      const before = spells[i - 1];
      const spell = spells[i];
      if (!before || !spell) continue;
      const beforeEnds = endOf(before);
      if (beforeEnds > minutesOfDay(before.opens) && minutesOfDay(spell.opens) >= beforeEnds) {
        continue;
      }
      ctx.addIssue({
        code: 'custom',
        message:
          beforeEnds <= minutesOfDay(before.opens)
            ? 'Only the last open time of a day may run past midnight.'
            : `${spell.opens} is before ${before.closes}: list a day’s open times in order, not overlapping.`,
        path: [i, 'opens'],
      });
    }
  });

function endOf(spell: OpenInterval): number {
  return minutesOfDay(spell.closes);
}

export const weeklyHoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, dayHoursSchema])) as Record<
    Weekday,
    typeof dayHoursSchema
  >,
  { error: 'Opening hours name every weekday.' },
);
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

/** A calendar date, YYYY-MM-DD, that exists. */
export const calendarDateSchema = z
  .string({ error: 'A date is written like 2026-12-25.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written like 2026-12-25.')
  .refine((date) => {
    const parsed = new Date(`${date}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
  }, 'That date does not exist.');

/** A holiday or special day: its own hours, or none (closed all day). */
export const hoursExceptionSchema = z.strictObject({
  date: calendarDateSchema,
  hours: dayHoursSchema,
  /** Shown to the manager only, e.g. "Christmas Day". */
  note: z
    .string({ error: 'A note is text.' })
    .max(80, 'A note is at most 80 characters.')
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'Remove the control characters.')
    .optional(),
});
export type HoursException = z.infer<typeof hoursExceptionSchema>;

export const hoursExceptionsSchema = z
  .array(hoursExceptionSchema, { error: 'Exceptions are a list of dates.' })
  .max(MAX_EXCEPTIONS, `Keep at most ${MAX_EXCEPTIONS} exceptions; remove past ones.`)
  .superRefine((exceptions, ctx) => {
    const seen = new Set<string>();
    exceptions.forEach((exception, index) => {
      if (seen.has(exception.date)) {
        ctx.addIssue({
          code: 'custom',
          message: `${exception.date} is listed twice.`,
          path: [index, 'date'],
        });
      }
      seen.add(exception.date);
    });
  });
