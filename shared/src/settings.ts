/**
 * Every setting a location has (issue 14), in one schema: its limits, its
 * built-in default and the words a manager reads when a value is refused. The
 * server validates stored values, operator locks and updates with it; the
 * settings form validates with it before sending.
 *
 * An effective value comes from, per setting: an operator's lock > the
 * location > the installation-wide default > the built-in default below.
 */
import { z } from 'zod';
import { ORDER_TYPES } from './domain';
import { idSchema } from './schemas';
import {
  hoursExceptionsSchema,
  weeklyHoursSchema,
  type OpenInterval,
  type WeeklyHours,
} from './settings-hours';
import { WEEKDAYS } from './settings-words';

// ---------------------------------------------------------------------------
// Region
// ---------------------------------------------------------------------------

/** Whether this runtime knows the IANA zone (Intl throws a RangeError otherwise). */
export function isTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const knownCurrencies: ReadonlySet<string> | null =
  typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null;

export const timezoneSchema = z
  .string({ error: 'A time zone is a name like Europe/Dublin.' })
  .min(1, { message: 'A time zone is a name like Europe/Dublin.', abort: true })
  .max(64, { message: 'A time zone is a name like Europe/Dublin.', abort: true })
  .refine(isTimezone, 'That is not a time zone this server knows (e.g. Europe/Dublin).');

export const currencySchema = z
  .string({ error: 'A currency is a three-letter code like EUR.' })
  .regex(/^[A-Z]{3}$/, {
    message: 'A currency is a three-letter code in capitals, like EUR.',
    abort: true,
  })
  .refine(
    (code) => knownCurrencies === null || knownCurrencies.has(code),
    'That is not an ISO 4217 currency code (e.g. EUR, GBP, USD).',
  );

// ---------------------------------------------------------------------------
// Every setting
// ---------------------------------------------------------------------------

const wholeNumber = (what: string, unit: string, min: number, max: number) =>
  z
    .number({ error: `${what} is a number of ${unit}.` })
    .int(`${what} is a whole number of ${unit}.`)
    .min(min, `${what} is at least ${count(min, unit)}.`)
    .max(max, `${what} is at most ${count(max, unit)}.`);

/** "1 minute", "5 minutes" */
const count = (n: number, unit: string) => `${n} ${n === 1 ? unit.replace(/s$/, '') : unit}`;

export const orderTypesSchema = z
  .array(z.enum(ORDER_TYPES, { error: `An order type is one of ${ORDER_TYPES.join(', ')}.` }), {
    error: 'Order types are a list.',
  })
  .min(1, 'Offer at least one order type; to stop all orders, turn off accepting orders.')
  .refine((types) => new Set(types).size === types.length, 'An order type is listed twice.');

/**
 * One field per setting, without defaults: a stored override or a lock names
 * only some of them (`settingsPatchSchema`), the rest are inherited.
 */
export const settingFieldSchemas = {
  acceptingOrders: z.boolean({ error: 'Accepting orders is on or off.' }),
  orderTypes: orderTypesSchema,
  /** The usual wait quoted to guests. */
  prepMinutes: wholeNumber('The usual wait', 'minutes', 1, 240),
  /** Busy mode: added to the usual wait. 0 = not busy. */
  busyExtraMinutes: wholeNumber('Busy mode’s extra time', 'minutes', 0, 240),
  openingHours: weeklyHoursSchema,
  hoursExceptions: hoursExceptionsSchema,
  /** A ticket older than this turns amber on the kitchen board. */
  warnAfterMinutes: wholeNumber('The amber threshold', 'minutes', 1, 240),
  /** A ticket older than this turns red. */
  lateAfterMinutes: wholeNumber('The red threshold', 'minutes', 1, 240),
  /** How long after a bump it can still be recalled. */
  recallWindowMinutes: wholeNumber('The recall window', 'minutes', 1, 60),
  /** How long a collected number stays on the ready board, ticked (0: off at once). */
  readyBoardCollectedSeconds: wholeNumber('The ready board time', 'seconds', 0, 600),
  currency: currencySchema,
  timezone: timezoneSchema,
};

export type SettingKey = keyof typeof settingFieldSchemas;
export const SETTING_KEYS = Object.keys(settingFieldSchemas) as SettingKey[];

export type Settings = { [K in SettingKey]: z.infer<(typeof settingFieldSchemas)[K]> };
export type SettingsPatch = Partial<Settings>;

const ALL_DAY: OpenInterval[] = [{ opens: '00:00', closes: '24:00' }];

/**
 * The built-in defaults: what a location without any setting does, which is
 * what Ticketrail did before settings existed: open every day all day,
 * accepting every order type, not busy, the kitchen's old column defaults.
 */
export const BUILT_IN_SETTINGS: Settings = {
  acceptingOrders: true,
  orderTypes: [...ORDER_TYPES],
  prepMinutes: 20,
  busyExtraMinutes: 0,
  openingHours: Object.fromEntries(WEEKDAYS.map((day) => [day, ALL_DAY])) as WeeklyHours,
  hoursExceptions: [],
  warnAfterMinutes: 8,
  lateAfterMinutes: 15,
  recallWindowMinutes: 5,
  readyBoardCollectedSeconds: 60,
  currency: 'EUR',
  timezone: 'UTC',
};

/** Rules between settings, checked on the effective values (whatever their sources). */
function checkTogether(settings: Settings, ctx: z.RefinementCtx): void {
  if (settings.warnAfterMinutes >= settings.lateAfterMinutes) {
    ctx.addIssue({
      code: 'custom',
      message: 'The amber threshold comes before the red one.',
      path: ['lateAfterMinutes'],
    });
  }
}

/** A complete set of effective settings. */
export const settingsSchema = z.strictObject(settingFieldSchemas).superRefine(checkTogether);

/** Some settings: a stored override, an operator's locks, an update. */
export const settingsPatchSchema = z.strictObject(settingFieldSchemas).partial();

export const SETTING_SOURCES = ['locked', 'location', 'installation', 'default'] as const;
export type SettingSource = (typeof SETTING_SOURCES)[number];

// ---------------------------------------------------------------------------
// Procedure inputs
// ---------------------------------------------------------------------------

const settingKeySchema = z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], {
  error: 'That is not a setting.',
});

/** Each scope's settings carry a version; saving names the one it read. */
export const settingsVersionSchema = z
  .number({ error: 'The settings version is a number.' })
  .int('The settings version is a whole number.')
  .min(1, 'The settings version starts at 1.')
  .max(2_147_483_647, 'That settings version is out of range.');

export const settingsGetInputSchema = z.strictObject({ locationId: idSchema });

export const settingsUpdateInputSchema = z.strictObject({
  locationId: idSchema,
  /** The location's settings version the manager saw: a newer one is a CONFLICT. */
  version: settingsVersionSchema,
  values: settingsPatchSchema.refine(
    (values) => Object.keys(values).length > 0,
    'Change at least one setting.',
  ),
});

export const settingsResetInputSchema = z.strictObject({
  locationId: idSchema,
  version: settingsVersionSchema,
  keys: z
    .array(settingKeySchema, { error: 'Say which settings to reset.' })
    .min(1, 'Say which settings to reset.')
    .max(SETTING_KEYS.length, 'A setting is listed twice.'),
});

export const installationSettingsUpdateInputSchema = z.strictObject({
  version: settingsVersionSchema,
  values: settingsPatchSchema,
});

/** What guests' pages get: enough to say open or closed, which order types, the wait. */
export type GuestSettings = Pick<
  Settings,
  | 'acceptingOrders'
  | 'orderTypes'
  | 'prepMinutes'
  | 'busyExtraMinutes'
  | 'openingHours'
  | 'hoursExceptions'
  | 'timezone'
  | 'currency'
>;

export function guestSettingsOf(settings: Settings): GuestSettings {
  return {
    acceptingOrders: settings.acceptingOrders,
    orderTypes: settings.orderTypes,
    prepMinutes: settings.prepMinutes,
    busyExtraMinutes: settings.busyExtraMinutes,
    openingHours: settings.openingHours,
    // The note ("Staff party") is the manager's; guests get the date and hours.
    hoursExceptions: settings.hoursExceptions.map(({ date, hours }) => ({ date, hours })),
    timezone: settings.timezone,
    currency: settings.currency,
  };
}

/** The kitchen board's part (the old `kitchen.updateSettings` shape). */
export function kitchenSettingsOf(settings: Settings) {
  return {
    warnAfterMinutes: settings.warnAfterMinutes,
    lateAfterMinutes: settings.lateAfterMinutes,
    recallWindowMinutes: settings.recallWindowMinutes,
    readyBoardCollectedSeconds: settings.readyBoardCollectedSeconds,
  };
}
