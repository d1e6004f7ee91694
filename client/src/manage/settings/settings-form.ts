/**
 * The settings form's model, pure: what the server says (each setting's
 * value, source and lock), what the manager has changed, and the messages the
 * shared schema gives for the values as they would be after saving, by
 * field. The server checks with the same schema; its messages land on the
 * same fields (`serverMessages`).
 */
import type { RouterOutputs } from '@ticketrail/server';
import {
  SETTING_KEYS,
  settingsSchema,
  type SettingKey,
  type Settings,
  type SettingSource,
} from '@ticketrail/shared';

export type SettingsView = RouterOutputs['settings']['get'];
export type Draft = Partial<Record<SettingKey, unknown>>;

export const SOURCE_WORDS: Record<SettingSource, string> = {
  location: 'Set here',
  installation: 'Installation default',
  default: 'Built-in default',
  locked: 'Locked by the operator',
};

/** The value the form shows for a field: the manager's change, else the effective one. */
export function shownValue<K extends SettingKey>(view: SettingsView, draft: Draft, key: K) {
  return (key in draft ? draft[key] : view.settings[key].value) as Settings[K];
}

/** The keys whose draft differs from what is saved. */
export function changedKeys(view: SettingsView, draft: Draft): SettingKey[] {
  return SETTING_KEYS.filter(
    (key) =>
      key in draft && JSON.stringify(draft[key]) !== JSON.stringify(view.settings[key].value),
  );
}

export function changedValues(view: SettingsView, draft: Draft): Draft {
  return Object.fromEntries(changedKeys(view, draft).map((key) => [key, draft[key]]));
}

/**
 * Messages by path ("prepMinutes", "openingHours.tue.0.opens"), for every
 * setting as it would be saved: the schema's limits and the rules between
 * settings (amber before red), exactly as the server will check them.
 */
export function formMessages(view: SettingsView, draft: Draft): Map<string, string> {
  const values = Object.fromEntries(SETTING_KEYS.map((key) => [key, shownValue(view, draft, key)]));
  const result = settingsSchema.safeParse(values);
  const messages = new Map<string, string>();
  if (result.success) return messages;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!messages.has(path)) messages.set(path, issue.message);
  }
  return messages;
}

/** The first message at `path` or inside it. */
export function messageAt(messages: ReadonlyMap<string, string>, path: string): string {
  for (const [at, message] of messages) {
    if (at === path || at.startsWith(`${path}.`)) return message;
  }
  return '';
}

interface Refusal {
  message: string;
  data?: { code?: string; issues?: readonly { path: string; message: string }[] | null } | null;
}

/**
 * The server's words by field: its input issues name `values.<setting>…`;
 * a locked or cross-setting refusal names the setting before a colon.
 */
export function serverMessages(error: Refusal | null | undefined): {
  byField: Map<string, string>;
  general: string;
} {
  const byField = new Map<string, string>();
  if (!error) return { byField, general: '' };
  for (const issue of error.data?.issues ?? []) {
    const path = issue.path
      .replace(/^values\.?/, '')
      .replace(/\[(\d+)\]/g, '.$1')
      .replace(/^\./, '');
    if (path && !byField.has(path)) byField.set(path, issue.message);
  }
  if (byField.size > 0) return { byField, general: '' };
  const named = /^(\w+): (.*)$/.exec(error.message);
  if (named?.[1] && (SETTING_KEYS as string[]).includes(named[1])) {
    byField.set(named[1], named[2] ?? error.message);
    return { byField, general: '' };
  }
  return { byField, general: error.message };
}
