/**
 * One setting on the form: its control, where its value comes from ("Set
 * here", "Installation default", "Built-in default", "Locked by the
 * operator"), the message for it (the form's or the server's), and "Reset to
 * default" when the location has its own value.
 */
import type { ReactNode } from 'react';
import type { SettingKey } from '@ticketrail/shared';
import { FieldMessage, messageProps } from '../FieldMessage';
import {
  SOURCE_WORDS,
  changedKeys,
  messageAt,
  shownValue,
  type Draft,
  type SettingsView,
} from './settings-form';

export const LOCKED_EXPLANATION = 'Set by the operator; it cannot be changed here.';

/** What every field needs from the page. */
export interface FieldContext {
  view: SettingsView;
  draft: Draft;
  messages: ReadonlyMap<string, string>;
  set: (key: SettingKey, value: unknown) => void;
  reset: (key: SettingKey) => void;
  resetting: SettingKey | null;
}

export function fieldState<K extends SettingKey>(context: FieldContext, key: K) {
  const entry = context.view.settings[key];
  const message = messageAt(context.messages, key);
  const describedBy = `setting-${key}-source setting-${key}-message`;
  return {
    value: shownValue(context.view, context.draft, key),
    locked: entry.locked,
    /** Ids the control names in aria-describedby. */
    describedBy,
    /** `aria-invalid` and `aria-describedby` for the control. */
    aria: messageProps(message, describedBy),
  };
}

export function SettingField({
  context,
  name,
  label,
  hint,
  children,
}: {
  context: FieldContext;
  name: SettingKey;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  const entry = context.view.settings[name];
  const changed = changedKeys(context.view, context.draft).includes(name);
  const message = messageAt(context.messages, name);
  return (
    <div
      className={`settings-field${entry.locked ? ' settings-field--locked' : ''}${message ? ' settings-field--invalid' : ''}`}
      data-setting={name}
    >
      {children}
      {hint ? <p className="muted settings-field__hint">{hint}</p> : null}
      <p className="settings-field__source" id={`setting-${name}-source`}>
        <span className={`settings-source settings-source--${entry.source}`}>
          {SOURCE_WORDS[entry.source]}
        </span>
        {entry.locked ? <span> · {LOCKED_EXPLANATION}</span> : null}
        {changed ? (
          <span className="settings-field__changed"> · Changed, not saved yet</span>
        ) : null}
      </p>
      <FieldMessage id={`setting-${name}-message`} alert>
        {message}
      </FieldMessage>
      {entry.source === 'location' && !entry.locked ? (
        <button
          type="button"
          className="button--quiet settings-field__reset"
          disabled={context.resetting !== null}
          onClick={() => context.reset(name)}
        >
          {context.resetting === name ? 'Resetting…' : 'Reset to default'}
          <span className="visually-hidden"> ({label})</span>
        </button>
      ) : null}
    </div>
  );
}

/** A whole number of minutes or seconds. */
export function NumberSetting({
  context,
  name,
  label,
  unit,
  hint,
}: {
  context: FieldContext;
  name: SettingKey;
  label: string;
  unit: string;
  hint?: string;
}) {
  const { value, locked, aria } = fieldState(context, name);
  return (
    <SettingField context={context} name={name} label={label} {...(hint ? { hint } : {})}>
      <label className="settings-field__label" htmlFor={`setting-${name}`}>
        {label}
      </label>
      <span className="settings-field__number">
        <input
          id={`setting-${name}`}
          inputMode="numeric"
          value={typeof value === 'number' || typeof value === 'string' ? String(value) : ''}
          readOnly={locked}
          aria-readonly={locked || undefined}
          {...aria}
          onChange={(event) => context.set(name, numberOrTextOf(event.target.value))}
        />
        <span className="muted">{unit}</span>
      </span>
    </SettingField>
  );
}

function numberOrTextOf(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== '' && /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}
