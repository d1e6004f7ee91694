/**
 * Resolution, per setting: an operator's lock > the location > the
 * installation-wide default > the built-in default. Pure, so the order is
 * tested without a database.
 */
import {
  BUILT_IN_SETTINGS,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
  type SettingsPatch,
  type SettingSource,
} from '@ticketrail/shared';

export interface SettingLayers {
  /** From the environment (config.ts): the screen cannot change these. */
  locks: SettingsPatch;
  location: SettingsPatch;
  installation: SettingsPatch;
}

export interface ResolvedSetting<K extends SettingKey = SettingKey> {
  value: Settings[K];
  source: SettingSource;
  locked: boolean;
}

export type ResolvedSettings = { [K in SettingKey]: ResolvedSetting<K> };

export function resolveSettings(layers: SettingLayers): ResolvedSettings {
  const resolved: Partial<Record<SettingKey, ResolvedSetting>> = {};
  for (const key of SETTING_KEYS) resolved[key] = resolveOne(layers, key);
  return resolved as ResolvedSettings;
}

function resolveOne<K extends SettingKey>(layers: SettingLayers, key: K): ResolvedSetting<K> {
  const locked = layers.locks[key];
  if (locked !== undefined) return { value: locked, source: 'locked', locked: true };
  const atLocation = layers.location[key];
  if (atLocation !== undefined) {
    return { value: atLocation, source: 'location', locked: false };
  }
  const installed = layers.installation[key];
  if (installed !== undefined) {
    return { value: installed, source: 'installation', locked: false };
  }
  return { value: BUILT_IN_SETTINGS[key], source: 'default', locked: false };
}

/** Only the values, as the rest of the server reads them. */
export function effectiveValues(resolved: ResolvedSettings): Settings {
  const values: Partial<Record<SettingKey, unknown>> = {};
  for (const key of SETTING_KEYS) values[key] = resolved[key].value;
  return values as Settings;
}
