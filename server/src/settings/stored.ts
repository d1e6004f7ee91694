/**
 * Reading and writing the stored overrides. A stored value is checked with
 * the shared schema on every read: a key this version does not know (written
 * by a newer one, or by hand) or a value outside today's limits is left out,
 * with a log line, so the setting falls back to the next source instead of
 * breaking the location.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  SETTING_KEYS,
  settingFieldSchemas,
  type SettingKey,
  type SettingsPatch,
} from '@ticketrail/shared';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredScope {
  overrides: SettingsPatch;
  /** 1 for a scope never saved (no row yet). */
  version: number;
}

export type IgnoredSettingLog = (message: string) => void;

const said = new Set<string>();

/** Once per distinct problem: every read repeats it, the log need not. */
function warnOnce(message: string): void {
  if (said.has(message)) return;
  said.add(message);
  process.emitWarning(message, { code: 'TICKETRAIL_SETTING_IGNORED' });
}

export function parseStoredOverrides(
  stored: unknown,
  where: string,
  log: IgnoredSettingLog = warnOnce,
): SettingsPatch {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) {
    log(`Settings of ${where} are not an object; all of them are ignored.`);
    return {};
  }
  const patch: Partial<Record<SettingKey, unknown>> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (!isSettingKey(key)) {
      log(`Setting “${key}” of ${where} is unknown to this version; it is ignored.`);
      continue;
    }
    const parsed = settingFieldSchemas[key].safeParse(value);
    if (!parsed.success) {
      log(
        `Setting “${key}” of ${where} is not valid (${parsed.error.issues[0]?.message ?? 'invalid'}); it is ignored.`,
      );
      continue;
    }
    patch[key] = parsed.data;
  }
  return patch as SettingsPatch;
}

function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as string[]).includes(key);
}

/** Stored JSON may come back parsed (jsonb) or as text, depending on the driver. */
function asJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

export async function readInstallationScope(db: Db): Promise<StoredScope> {
  const row = await db
    .selectFrom('installation_settings')
    .select(['overrides', 'version'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!row) return { overrides: {}, version: 1 };
  return {
    overrides: parseStoredOverrides(asJson(row.overrides), 'the installation'),
    version: row.version,
  };
}

export async function readLocationScope(db: Db, locationId: number): Promise<StoredScope> {
  const row = await db
    .selectFrom('location_settings')
    .select(['overrides', 'version'])
    .where('location_id', '=', locationId)
    .executeTakeFirst();
  if (!row) return { overrides: {}, version: 1 };
  return {
    overrides: parseStoredOverrides(asJson(row.overrides), `location ${locationId}`),
    version: row.version,
  };
}

/**
 * Locks the scope's row for the rest of the transaction (creating it when the
 * scope was never saved) and returns what it holds. A second save waits here
 * and then sees the first one's version.
 */
export async function lockLocationScope(
  trx: Transaction<Database>,
  locationId: number,
): Promise<StoredScope> {
  await trx
    .insertInto('location_settings')
    .values({ location_id: locationId, overrides: '{}' })
    .onConflict((oc) => oc.column('location_id').doNothing())
    .execute();
  const row = await trx
    .selectFrom('location_settings')
    .select(['overrides', 'version'])
    .where('location_id', '=', locationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return {
    overrides: parseStoredOverrides(asJson(row.overrides), `location ${locationId}`),
    version: row.version,
  };
}

export async function lockInstallationScope(trx: Transaction<Database>): Promise<StoredScope> {
  await trx
    .insertInto('installation_settings')
    .values({ id: 1, overrides: '{}' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await trx
    .selectFrom('installation_settings')
    .select(['overrides', 'version'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return {
    overrides: parseStoredOverrides(asJson(row.overrides), 'the installation'),
    version: row.version,
  };
}

export async function writeLocationScope(
  trx: Transaction<Database>,
  locationId: number,
  overrides: SettingsPatch,
  version: number,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('location_settings')
    .set({ overrides: JSON.stringify(overrides), version, updated_at: now })
    .where('location_id', '=', locationId)
    .execute();
}

export async function writeInstallationScope(
  trx: Transaction<Database>,
  overrides: SettingsPatch,
  version: number,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('installation_settings')
    .set({ overrides: JSON.stringify(overrides), version, updated_at: now })
    .where('id', '=', 1)
    .execute();
}

/**
 * A new location's own settings (its time zone and currency, say), for the
 * seed and test fixtures. An existing row is kept: a re-seed does not undo
 * what a manager changed since.
 */
export async function createLocationOverrides(
  db: Db,
  locationId: number,
  overrides: SettingsPatch,
): Promise<void> {
  await db
    .insertInto('location_settings')
    .values({ location_id: locationId, overrides: JSON.stringify(overrides) })
    .onConflict((oc) => oc.column('location_id').doNothing())
    .execute();
}

/**
 * Changes a location's stored overrides behind every screen's back: no
 * version check and no event. For tests and scripts that set a scene
 * (a location that stopped taking orders a moment ago); the app saves through
 * settings/update.ts.
 */
export async function setLocationOverridesQuietly(
  db: Db,
  locationId: number,
  change: SettingsPatch,
): Promise<void> {
  await createLocationOverrides(db, locationId, {});
  const current = await readLocationScope(db, locationId);
  await db
    .updateTable('location_settings')
    .set({ overrides: JSON.stringify({ ...current.overrides, ...change }) })
    .where('location_id', '=', locationId)
    .execute();
}
