/**
 * The one way the server reads a location's settings: stored overrides and
 * the operator's locks, resolved. Placing an order, the menu, the kitchen and
 * ready boards and the settings page all come through here.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Settings, SettingsPatch } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { effectiveValues, resolveSettings, type ResolvedSettings } from './resolve';
import { readInstallationScope, readLocationScope } from './stored';

type Db = Kysely<Database> | Transaction<Database>;

/** Settings the operator fixed in the environment (config.ts), by key. */
export type SettingsLocks = SettingsPatch;

export interface LocationSettingsView {
  settings: ResolvedSettings;
  versions: { location: number; installation: number };
}

export async function readLocationSettingsView(
  db: Db,
  locationId: number,
  locks: SettingsLocks,
): Promise<LocationSettingsView> {
  const [location, installation] = await Promise.all([
    readLocationScope(db, locationId),
    readInstallationScope(db),
  ]);
  return {
    settings: resolveSettings({
      locks,
      location: location.overrides,
      installation: installation.overrides,
    }),
    versions: { location: location.version, installation: installation.version },
  };
}

/** The effective values, for code that acts on them. */
export async function settingsOf(
  db: Db,
  locationId: number,
  locks: SettingsLocks,
): Promise<Settings> {
  const view = await readLocationSettingsView(db, locationId, locks);
  return effectiveValues(view.settings);
}
