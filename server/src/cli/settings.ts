/**
 * `pnpm --filter @ticketrail/server settings`: the installation-wide defaults
 * every location inherits where it has no value of its own (issue 14).
 *
 *   settings                                   shows them, and the operator's locks
 *   settings set prepMinutes=25 orderTypes=pickup,delivery
 *   settings reset prepMinutes                 back to the built-in default
 *
 * Values are written as for TICKETRAIL_LOCK_<SETTING> (settings/locks.ts) and
 * checked with the same schema. The change reaches open screens at once when
 * the server shares a Postgres with this command (through the event log, on
 * the screens' next sweep); the embedded database is one process's, so stop
 * the server first there.
 */
import { SETTING_KEYS, settingFieldSchemas, type SettingKey } from '@ticketrail/shared';
import { openAppDatabase } from '../app';
import { loadConfig } from '../config';
import { readInstallationSettings, updateInstallationSettings } from '../settings/installation';
import { fromText } from '../settings/locks';

const config = loadConfig();
const [command = 'show', ...args] = process.argv.slice(2);

function keyOf(name: string): SettingKey {
  const key = SETTING_KEYS.find((each) => each === name);
  if (!key) throw new Error(`“${name}” is not a setting. Settings: ${SETTING_KEYS.join(', ')}`);
  return key;
}

const database = await openAppDatabase(config, { seedDemo: false });
try {
  if (command === 'set') {
    const values: Record<string, unknown> = {};
    for (const arg of args) {
      const at = arg.indexOf('=');
      const key = keyOf(at === -1 ? arg : arg.slice(0, at));
      const parsed = settingFieldSchemas[key].safeParse(fromText(key, arg.slice(at + 1)));
      if (!parsed.success) throw new Error(`${key}: ${parsed.error.issues[0]?.message}`);
      values[key] = parsed.data;
    }
    await updateInstallationSettings(
      database.db,
      { version: null, values },
      config.settingsLocks,
      new Date(),
    );
  } else if (command === 'reset') {
    await updateInstallationSettings(
      database.db,
      { version: null, values: {}, reset: args.map(keyOf) },
      config.settingsLocks,
      new Date(),
    );
  } else if (command !== 'show') {
    throw new Error(`Unknown command “${command}”: use show, set or reset.`);
  }
  const { overrides, version } = await readInstallationSettings(database.db);
  console.log(`Installation-wide defaults (version ${version}):`, overrides);
  console.log('Locked by the environment:', config.settingsLocks);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
