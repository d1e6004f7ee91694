/** Region: the currency prices are in, and the time zone the hours are read in. */
import { fieldState, SettingField, type FieldContext } from './SettingField';

const ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function RegionFields({ context }: { context: FieldContext }) {
  const currency = fieldState(context, 'currency');
  const timezone = fieldState(context, 'timezone');
  return (
    <fieldset className="settings-group">
      <legend>Region</legend>
      <SettingField
        context={context}
        name="currency"
        label="Currency"
        hint="The three-letter code, e.g. EUR, GBP, USD. Prices keep their numbers."
      >
        <label className="settings-field__label" htmlFor="setting-currency">
          Currency
        </label>
        <input
          id="setting-currency"
          className="settings-field__short"
          value={currency.value}
          maxLength={3}
          autoCapitalize="characters"
          readOnly={currency.locked}
          aria-readonly={currency.locked || undefined}
          {...currency.aria}
          onChange={(event) => context.set('currency', event.target.value.toUpperCase())}
        />
      </SettingField>
      <SettingField
        context={context}
        name="timezone"
        label="Time zone"
        hint="Opening hours and the day's order numbers follow it."
      >
        <label className="settings-field__label" htmlFor="setting-timezone">
          Time zone
        </label>
        <input
          id="setting-timezone"
          list="setting-timezones"
          value={timezone.value}
          readOnly={timezone.locked}
          aria-readonly={timezone.locked || undefined}
          {...timezone.aria}
          onChange={(event) => context.set('timezone', event.target.value)}
        />
        <datalist id="setting-timezones">
          {ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </SettingField>
    </fieldset>
  );
}
