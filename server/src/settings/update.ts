/**
 * A manager changes a location's settings, or puts some back to what they
 * inherit. Each save names the version it read: a newer one is a CONFLICT
 * (another manager saved first), never a silent overwrite. A locked setting
 * is refused in words. Every open screen of the location follows live: one
 * event, in the same transaction, to the menu (guests), kitchen and ready
 * board rooms, each of which sees its own cut (live/feeds.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import { rooms, settingsSchema, type SettingKey, type SettingsPatch } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { conflict, invalid, notFound } from '../errors';
import { appendEvent, transact } from '../live/event-log';
import { assertWorksAt } from '../staff/access';
import type { StaffActor } from '../staff/sessions';
import { readLocationSettingsView, type LocationSettingsView, type SettingsLocks } from './read';
import { effectiveValues, resolveSettings } from './resolve';
import {
  lockLocationScope,
  readInstallationScope,
  writeLocationScope,
  type StoredScope,
} from './stored';

export const LOCKED_WORDS = 'Set by the operator; it cannot be changed here.';

export interface SettingsChange {
  locationId: number;
  /** The location's settings version the manager read. */
  version: number;
}

export async function updateLocationSettings(
  db: Kysely<Database>,
  actor: StaffActor,
  change: SettingsChange & { values: SettingsPatch },
  locks: SettingsLocks,
  now: Date,
): Promise<LocationSettingsView> {
  refuseLocked(Object.keys(change.values) as SettingKey[], locks);
  return changeLocation(db, actor, change, locks, now, (overrides) => ({
    ...overrides,
    ...change.values,
  }));
}

/** Back to the inherited value (installation-wide, else built in) for each key. */
export async function resetLocationSettings(
  db: Kysely<Database>,
  actor: StaffActor,
  change: SettingsChange & { keys: SettingKey[] },
  locks: SettingsLocks,
  now: Date,
): Promise<LocationSettingsView> {
  refuseLocked(change.keys, locks);
  return changeLocation(db, actor, change, locks, now, (overrides) => {
    const kept: SettingsPatch = { ...overrides };
    for (const key of change.keys) delete kept[key];
    return kept;
  });
}

/**
 * Writes a location override from the kitchen board's old settings procedure
 * (`kitchen.updateSettings`), which names no version: the last save wins
 * there, as it always did.
 */
export async function overrideLocationSettings(
  db: Kysely<Database>,
  actor: StaffActor,
  locationId: number,
  values: SettingsPatch,
  locks: SettingsLocks,
  now: Date,
): Promise<LocationSettingsView> {
  refuseLocked(Object.keys(values) as SettingKey[], locks);
  return changeLocation(db, actor, { locationId, version: null }, locks, now, (overrides) => ({
    ...overrides,
    ...values,
  }));
}

function refuseLocked(keys: readonly SettingKey[], locks: SettingsLocks): void {
  const locked = keys.filter((key) => locks[key] !== undefined);
  if (locked.length > 0) throw invalid(`${locked.join(', ')}: ${LOCKED_WORDS}`);
}

async function changeLocation(
  db: Kysely<Database>,
  actor: StaffActor,
  change: { locationId: number; version: number | null },
  locks: SettingsLocks,
  now: Date,
  apply: (overrides: SettingsPatch) => SettingsPatch,
): Promise<LocationSettingsView> {
  assertWorksAt(actor, change.locationId);
  await assertLocationExists(db, change.locationId);
  return transact(db, async (trx) => {
    const current = await lockLocationScope(trx, change.locationId);
    if (change.version !== null && current.version !== change.version) {
      throw conflict(
        'Another manager saved these settings since you opened them. Reload to see their changes, then save again.',
      );
    }
    const overrides = apply(current.overrides);
    const installation = await readInstallationScope(trx);
    checkEffective(locks, overrides, installation);
    const version = current.version + 1;
    await writeLocationScope(trx, change.locationId, overrides, version, now);
    await announceSettings(trx, change.locationId, locks);
    return readLocationSettingsView(trx, change.locationId, locks);
  });
}

/** The rules between settings hold for what the location would get, whatever the sources. */
export function checkEffective(
  locks: SettingsLocks,
  overrides: SettingsPatch,
  installation: StoredScope,
): void {
  const values = effectiveValues(
    resolveSettings({ locks, location: overrides, installation: installation.overrides }),
  );
  const checked = settingsSchema.safeParse(values);
  if (!checked.success) throw invalid(checked.error.issues.map((i) => i.message).join(' '));
}

async function assertLocationExists(db: Kysely<Database>, locationId: number): Promise<void> {
  const found = await db
    .selectFrom('locations')
    .select('id')
    .where('id', '=', locationId)
    .executeTakeFirst();
  if (!found) throw notFound(`There is no location ${locationId}.`);
}

/**
 * The location's effective settings, to every room that shows them. Called
 * last in the transaction (appendEvent takes the location's event lock).
 */
export async function announceSettings(
  trx: Transaction<Database>,
  locationId: number,
  locks: SettingsLocks,
): Promise<void> {
  const view = await readLocationSettingsView(trx, locationId, locks);
  await appendEvent(
    trx,
    locationId,
    [rooms.menu(locationId), rooms.kitchen(locationId), rooms.board(locationId)],
    { type: 'settings.changed', settings: effectiveValues(view.settings) },
  );
}
