/**
 * The operator's locks: `TICKETRAIL_LOCK_<SETTING>` environment variables,
 * e.g. TICKETRAIL_LOCK_ACCEPTING_ORDERS=false or
 * TICKETRAIL_LOCK_BUSY_EXTRA_MINUTES=10. A locked setting wins over every
 * stored value and the settings screen shows it read-only. Each value is
 * checked with the same schema as the screen's, so a mistyped lock stops
 * start-up with a message instead of reaching a guest.
 */
import {
  SETTING_KEYS,
  settingFieldSchemas,
  type SettingKey,
  type SettingsPatch,
} from '@ticketrail/shared';

export const LOCK_PREFIX = 'TICKETRAIL_LOCK_';

/** acceptingOrders → TICKETRAIL_LOCK_ACCEPTING_ORDERS */
export function lockVariable(key: SettingKey): string {
  return LOCK_PREFIX + key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
}

const KEY_OF_VARIABLE = new Map(SETTING_KEYS.map((key) => [lockVariable(key), key]));

/** How each kind of setting is written in an environment variable (or on the command line). */
export function fromText(key: SettingKey, text: string): unknown {
  const trimmed = text.trim();
  switch (key) {
    case 'acceptingOrders':
      return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
    case 'orderTypes':
      return trimmed === '' ? [] : trimmed.split(',').map((type) => type.trim());
    case 'openingHours':
    case 'hoursExceptions':
      return JSON.parse(trimmed) as unknown;
    case 'currency':
    case 'timezone':
      return trimmed;
    default:
      return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
  }
}

const EXAMPLES: Partial<Record<SettingKey, string>> = {
  acceptingOrders: 'true or false',
  orderTypes: 'a comma list, e.g. pickup,delivery',
  openingHours: 'JSON, e.g. {"mon":[{"opens":"12:00","closes":"22:00"}],…}',
  hoursExceptions: 'JSON, e.g. [{"date":"2026-12-25","hours":[]}]',
};

export function readSettingsLocks(env: Record<string, string | undefined>): {
  locks: SettingsPatch;
  problems: string[];
} {
  const locks: Partial<Record<SettingKey, unknown>> = {};
  const problems: string[] = [];
  for (const [variable, text] of Object.entries(env)) {
    if (!variable.startsWith(LOCK_PREFIX) || text === undefined) continue;
    const key = KEY_OF_VARIABLE.get(variable);
    if (!key) {
      problems.push(
        `  ${variable}: not a setting. Lockable: ${[...KEY_OF_VARIABLE.keys()].join(', ')}`,
      );
      continue;
    }
    let value: unknown;
    try {
      value = fromText(key, text);
    } catch {
      problems.push(`  ${variable}: not valid JSON (${EXAMPLES[key] ?? ''})`);
      continue;
    }
    const parsed = settingFieldSchemas[key].safeParse(value);
    if (!parsed.success) {
      const hint = EXAMPLES[key] ? ` (${EXAMPLES[key]})` : '';
      problems.push(`  ${variable}: ${parsed.error.issues[0]?.message ?? 'not valid'}${hint}`);
      continue;
    }
    locks[key] = parsed.data;
  }
  return { locks: locks as SettingsPatch, problems };
}
