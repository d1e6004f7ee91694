import { describe, expect, it } from 'vitest';
import { BUILT_IN_SETTINGS } from '@ticketrail/shared';
import { effectiveValues, resolveSettings } from './resolve';
import { parseStoredOverrides } from './stored';
import { lockVariable, readSettingsLocks } from './locks';

describe('resolution order, per setting', () => {
  it('takes each setting from the first source that has it: lock, location, installation, built in', () => {
    const resolved = resolveSettings({
      locks: { busyExtraMinutes: 10 },
      location: { busyExtraMinutes: 5, prepMinutes: 25 },
      installation: { busyExtraMinutes: 1, prepMinutes: 30, currency: 'GBP' },
    });
    expect(resolved.busyExtraMinutes).toEqual({ value: 10, source: 'locked', locked: true });
    expect(resolved.prepMinutes).toEqual({ value: 25, source: 'location', locked: false });
    expect(resolved.currency).toEqual({ value: 'GBP', source: 'installation', locked: false });
    expect(resolved.timezone).toEqual({ value: 'UTC', source: 'default', locked: false });
  });

  it('with nothing stored and no locks, is the built-in defaults', () => {
    const resolved = resolveSettings({ locks: {}, location: {}, installation: {} });
    expect(effectiveValues(resolved)).toEqual(BUILT_IN_SETTINGS);
    expect(Object.values(resolved).every((setting) => setting.source === 'default')).toBe(true);
  });

  it('a false or 0 is a value, not a gap', () => {
    const resolved = resolveSettings({
      locks: {},
      location: { acceptingOrders: false, readyBoardCollectedSeconds: 0 },
      installation: { acceptingOrders: true, readyBoardCollectedSeconds: 30 },
    });
    expect(resolved.acceptingOrders.value).toBe(false);
    expect(resolved.readyBoardCollectedSeconds).toEqual({
      value: 0,
      source: 'location',
      locked: false,
    });
  });
});

describe('stored overrides', () => {
  it('keeps valid settings and leaves out unknown or invalid ones, saying so', () => {
    const said: string[] = [];
    const patch = parseStoredOverrides(
      { prepMinutes: 25, autoAccept: true, currency: 'euro', timezone: 'Europe/Dublin' },
      'location 7',
      (line) => said.push(line),
    );
    expect(patch).toEqual({ prepMinutes: 25, timezone: 'Europe/Dublin' });
    expect(said).toEqual([
      'Setting “autoAccept” of location 7 is unknown to this version; it is ignored.',
      'Setting “currency” of location 7 is not valid (A currency is a three-letter code in capitals, like EUR.); it is ignored.',
    ]);
  });

  it('ignores a stored value that is not an object at all', () => {
    const said: string[] = [];
    expect(parseStoredOverrides([1, 2], 'the installation', (line) => said.push(line))).toEqual({});
    expect(said).toHaveLength(1);
  });
});

describe('the operator’s locks', () => {
  it('names one variable per setting', () => {
    expect(lockVariable('acceptingOrders')).toBe('TICKETRAIL_LOCK_ACCEPTING_ORDERS');
    expect(lockVariable('busyExtraMinutes')).toBe('TICKETRAIL_LOCK_BUSY_EXTRA_MINUTES');
    expect(lockVariable('readyBoardCollectedSeconds')).toBe(
      'TICKETRAIL_LOCK_READY_BOARD_COLLECTED_SECONDS',
    );
  });

  it('reads each kind of value from text, through the settings’ schema', () => {
    const { locks, problems } = readSettingsLocks({
      TICKETRAIL_LOCK_ACCEPTING_ORDERS: 'false',
      TICKETRAIL_LOCK_BUSY_EXTRA_MINUTES: '10',
      TICKETRAIL_LOCK_ORDER_TYPES: 'pickup, delivery',
      TICKETRAIL_LOCK_CURRENCY: 'GBP',
      TICKETRAIL_LOCK_HOURS_EXCEPTIONS: '[{"date":"2026-12-25","hours":[]}]',
      PATH: '/usr/bin',
    });
    expect(problems).toEqual([]);
    expect(locks).toEqual({
      acceptingOrders: false,
      busyExtraMinutes: 10,
      orderTypes: ['pickup', 'delivery'],
      currency: 'GBP',
      hoursExceptions: [{ date: '2026-12-25', hours: [] }],
    });
  });

  it('says what is wrong with each bad lock', () => {
    const { problems } = readSettingsLocks({
      TICKETRAIL_LOCK_ACCEPTING_ORDERS: 'no',
      TICKETRAIL_LOCK_BUSY_EXTRA_MINUTES: 'ten',
      TICKETRAIL_LOCK_OPENING_HOURS: '{mon',
      TICKETRAIL_LOCK_COLOUR: 'red',
      TICKETRAIL_LOCK_TIMEZONE: 'Mars/Base',
    });
    expect(problems).toEqual([
      '  TICKETRAIL_LOCK_ACCEPTING_ORDERS: Accepting orders is on or off. (true or false)',
      '  TICKETRAIL_LOCK_BUSY_EXTRA_MINUTES: Busy mode’s extra time is a number of minutes.',
      expect.stringContaining('TICKETRAIL_LOCK_OPENING_HOURS: not valid JSON'),
      expect.stringContaining(
        'TICKETRAIL_LOCK_COLOUR: not a setting. Lockable: TICKETRAIL_LOCK_ACCEPTING_ORDERS,',
      ),
      '  TICKETRAIL_LOCK_TIMEZONE: That is not a time zone this server knows (e.g. Europe/Dublin).',
    ]);
  });
});

describe('start-up configuration', () => {
  it('carries the locks, and refuses to start with a bad one', async () => {
    const { loadConfig } = await import('../config');
    expect(loadConfig({ TICKETRAIL_LOCK_BUSY_EXTRA_MINUTES: '10' }).settingsLocks).toEqual({
      busyExtraMinutes: 10,
    });
    expect(() => loadConfig({ TICKETRAIL_LOCK_BUSY_EXTRA_MINUTES: '-5' })).toThrow(
      "Ticketrail's configuration is not valid:\n  TICKETRAIL_LOCK_BUSY_EXTRA_MINUTES: Busy mode’s extra time is at least 0 minutes.",
    );
  });
});
