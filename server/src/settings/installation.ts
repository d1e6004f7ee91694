/**
 * The installation-wide defaults: what every location inherits where it has
 * no value of its own. They are the operator's, like the locks, and changed
 * from the command line (cli/settings.ts), not from a location's settings
 * page: a manager runs their locations, and these reach every location,
 * including ones they do not run.
 */
import type { Kysely } from 'kysely';
import type { SettingKey, SettingsPatch } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { conflict } from '../errors';
import { transact } from '../live/event-log';
import type { SettingsLocks } from './read';
import {
  lockInstallationScope,
  readInstallationScope,
  readLocationScope,
  writeInstallationScope,
} from './stored';
import { announceSettings, checkEffective } from './update';

export interface InstallationChange {
  /** The version read; null: whatever is stored now (the command line's last word wins). */
  version: number | null;
  values: SettingsPatch;
  /** Settings to take out of the installation's defaults (back to built in). */
  reset?: SettingKey[];
}

export async function updateInstallationSettings(
  db: Kysely<Database>,
  change: InstallationChange,
  locks: SettingsLocks,
  now: Date,
): Promise<{ overrides: SettingsPatch; version: number }> {
  return transact(db, async (trx) => {
    const current = await lockInstallationScope(trx);
    if (change.version !== null && change.version !== current.version) {
      throw conflict('The installation’s defaults changed since they were read. Read them again.');
    }
    const overrides: SettingsPatch = { ...current.overrides, ...change.values };
    for (const key of change.reset ?? []) delete overrides[key];
    const version = current.version + 1;
    await writeInstallationScope(trx, overrides, version, now);
    const locations = await trx.selectFrom('locations').select('id').orderBy('id').execute();
    // The rules between settings hold at every location, whatever it inherits.
    for (const location of locations) {
      const own = await readLocationScope(trx, location.id);
      checkEffective(locks, own.overrides, { overrides, version });
    }
    // Every location's open screens follow, each in its own rooms.
    for (const location of locations) await announceSettings(trx, location.id, locks);
    return { overrides, version };
  });
}

export async function readInstallationSettings(db: Kysely<Database>) {
  return readInstallationScope(db);
}
