import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_SETTINGS,
  SETTING_KEYS,
  settingsPatchSchema,
  settingsSchema,
  settingsUpdateInputSchema,
} from './settings';
import { dayHoursSchema } from './settings-hours';
import { quotedWaitWords } from './settings-words';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('the settings schema', () => {
  it('accepts the built-in defaults, which name every setting', () => {
    expect(settingsSchema.parse(BUILT_IN_SETTINGS)).toEqual(BUILT_IN_SETTINGS);
    expect(Object.keys(BUILT_IN_SETTINGS).sort()).toEqual([...SETTING_KEYS].sort());
  });

  it('keeps today’s behaviour by default: open always, accepting, all types, not busy', () => {
    expect(BUILT_IN_SETTINGS.acceptingOrders).toBe(true);
    expect(BUILT_IN_SETTINGS.orderTypes).toEqual(['dine_in', 'pickup', 'delivery']);
    expect(BUILT_IN_SETTINGS.busyExtraMinutes).toBe(0);
    expect(BUILT_IN_SETTINGS.hoursExceptions).toEqual([]);
    for (const day of Object.values(BUILT_IN_SETTINGS.openingHours)) {
      expect(day).toEqual([{ opens: '00:00', closes: '24:00' }]);
    }
    expect(BUILT_IN_SETTINGS).toMatchObject({
      warnAfterMinutes: 8,
      lateAfterMinutes: 15,
      recallWindowMinutes: 5,
      readyBoardCollectedSeconds: 60,
    });
  });

  it('checks the rule between thresholds on the whole set', () => {
    const result = settingsSchema.safeParse({ ...BUILT_IN_SETTINGS, warnAfterMinutes: 15 });
    expect(messages(result)).toEqual(['The amber threshold comes before the red one.']);
  });

  it('a patch names only some settings, and each with its limits', () => {
    expect(settingsPatchSchema.parse({ busyExtraMinutes: 15 })).toEqual({ busyExtraMinutes: 15 });
    expect(messages(settingsPatchSchema.safeParse({ busyExtraMinutes: -1 }))).toEqual([
      'Busy mode’s extra time is at least 0 minutes.',
    ]);
    expect(messages(settingsPatchSchema.safeParse({ prepMinutes: 2.5 }))).toEqual([
      'The usual wait is a whole number of minutes.',
    ]);
    expect(settingsPatchSchema.safeParse({ surprise: 1 }).success).toBe(false);
  });

  it('knows time zones and currencies by their real lists', () => {
    expect(settingsPatchSchema.safeParse({ timezone: 'Europe/Dublin' }).success).toBe(true);
    expect(
      settingsPatchSchema.safeParse({ timezone: 'America/Argentina/Buenos_Aires' }).success,
    ).toBe(true);
    expect(messages(settingsPatchSchema.safeParse({ timezone: 'Europe/Atlantis' }))).toEqual([
      'That is not a time zone this server knows (e.g. Europe/Dublin).',
    ]);
    expect(settingsPatchSchema.safeParse({ currency: 'GBP' }).success).toBe(true);
    expect(messages(settingsPatchSchema.safeParse({ currency: 'XYZ' }))).toEqual([
      'That is not an ISO 4217 currency code (e.g. EUR, GBP, USD).',
    ]);
    expect(messages(settingsPatchSchema.safeParse({ currency: 'euro' }))).toEqual([
      'A currency is a three-letter code in capitals, like EUR.',
    ]);
  });

  it('a day’s spells are in order, apart, and only the last runs past midnight', () => {
    expect(
      dayHoursSchema.safeParse([
        { opens: '12:00', closes: '15:00' },
        { opens: '17:00', closes: '02:00' },
      ]).success,
    ).toBe(true);
    expect(dayHoursSchema.safeParse([{ opens: '00:00', closes: '24:00' }]).success).toBe(true);
    expect(
      messages(
        dayHoursSchema.safeParse([
          { opens: '18:00', closes: '02:00' },
          { opens: '03:00', closes: '05:00' },
        ]),
      ),
    ).toEqual(['Only the last open time of a day may run past midnight.']);
    expect(
      messages(
        dayHoursSchema.safeParse([
          { opens: '12:00', closes: '15:00' },
          { opens: '15:00', closes: '18:00' },
        ]),
      ),
    ).toEqual([]);
    expect(messages(dayHoursSchema.safeParse([{ opens: '24:00', closes: '02:00' }]))).toEqual([
      'Opening at 24:00 is opening at 00:00 the next day.',
    ]);
    expect(messages(dayHoursSchema.safeParse([{ opens: '9:00', closes: '17:00' }]))).toEqual([
      'The opening time is a time like 09:30.',
    ]);
    expect(
      dayHoursSchema.safeParse(Array(5).fill({ opens: '01:00', closes: '02:00' })).success,
    ).toBe(false);
  });

  it('an update changes at least one setting', () => {
    const result = settingsUpdateInputSchema.safeParse({ locationId: 1, version: 1, values: {} });
    expect(messages(result)).toEqual(['Change at least one setting.']);
  });

  it('quotes the wait, busy or not', () => {
    expect(quotedWaitWords({ prepMinutes: 20, busyExtraMinutes: 0 })).toBe('Ready in about 20 min');
    expect(quotedWaitWords({ prepMinutes: 20, busyExtraMinutes: 15 })).toBe(
      'Ready in about 35 min — we’re busy',
    );
  });
});
