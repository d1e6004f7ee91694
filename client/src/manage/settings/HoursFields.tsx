/**
 * Opening hours per weekday (open times "HH:MM"–"HH:MM"; one closing after
 * midnight, e.g. 18:00–02:00, runs into the next day; 00:00–24:00 is all day)
 * and exceptions by date: closed all day, or other hours.
 */
import {
  WEEKDAY_LABELS,
  WEEKDAYS,
  type HoursException,
  type OpenInterval,
  type Weekday,
  type WeeklyHours,
} from '@ticketrail/shared';
import { messageProps } from '../FieldMessage';
import { messageAt } from './settings-form';
import { fieldState, SettingField, type FieldContext } from './SettingField';

const NEW_SPELL: OpenInterval = { opens: '12:00', closes: '22:00' };

/** One end of an open time ("opens" or "closes"), described by the open time's message. */
function TimeInput({
  spell,
  end,
  label,
  path,
  messageId,
  context,
  locked,
  onChange,
}: {
  spell: OpenInterval;
  end: keyof OpenInterval;
  label: string;
  path: string;
  messageId: string;
  context: FieldContext;
  locked: boolean;
  onChange: (spell: OpenInterval) => void;
}) {
  return (
    <label>
      <span className="visually-hidden">
        {label} {end}
      </span>
      <input
        className="settings-field__time"
        value={spell[end]}
        inputMode="numeric"
        placeholder="HH:MM"
        readOnly={locked}
        {...messageProps(messageAt(context.messages, `${path}.${end}`), messageId)}
        onChange={(event) => onChange({ ...spell, [end]: event.target.value })}
      />
    </label>
  );
}

function SpellInputs({
  spell,
  label,
  path,
  context,
  locked,
  onChange,
  onRemove,
}: {
  spell: OpenInterval;
  label: string;
  path: string;
  context: FieldContext;
  locked: boolean;
  onChange: (spell: OpenInterval) => void;
  onRemove: () => void;
}) {
  const message = messageAt(context.messages, path);
  const messageId = `${path.replace(/\./g, '-')}-message`;
  const inputs = { spell, label, path, messageId, context, locked, onChange };
  return (
    <li className="settings-spell">
      <TimeInput end="opens" {...inputs} />
      <span aria-hidden="true">–</span>
      <TimeInput end="closes" {...inputs} />
      {locked ? null : (
        <button type="button" className="button--quiet" onClick={onRemove}>
          Remove
          <span className="visually-hidden">
            {' '}
            {label} {spell.opens}–{spell.closes}
          </span>
        </button>
      )}
      <span className="form__error" id={messageId}>
        {message}
      </span>
    </li>
  );
}

function SpellList({
  spells,
  label,
  path,
  context,
  locked,
  onChange,
}: {
  spells: readonly OpenInterval[];
  label: string;
  path: string;
  context: FieldContext;
  locked: boolean;
  onChange: (spells: OpenInterval[]) => void;
}) {
  return (
    <div className="settings-day">
      {spells.length === 0 ? <span className="muted">Closed</span> : null}
      <ul className="settings-spells">
        {spells.map((spell, index) => (
          <SpellInputs
            key={index}
            spell={spell}
            label={label}
            path={`${path}.${index}`}
            context={context}
            locked={locked}
            onChange={(changed) =>
              onChange(spells.map((each, at) => (at === index ? changed : each)))
            }
            onRemove={() => onChange(spells.filter((_, at) => at !== index))}
          />
        ))}
      </ul>
      {locked ? null : (
        <button
          type="button"
          className="button--quiet"
          onClick={() => onChange([...spells, NEW_SPELL])}
        >
          Add open time<span className="visually-hidden"> on {label}</span>
        </button>
      )}
    </div>
  );
}

export function HoursFields({ context }: { context: FieldContext }) {
  const hours = fieldState(context, 'openingHours');
  const exceptions = fieldState(context, 'hoursExceptions');
  const week: WeeklyHours = hours.value;
  const days: HoursException[] = exceptions.value;
  const setDay = (day: Weekday, spells: OpenInterval[]) =>
    context.set('openingHours', { ...week, [day]: spells });
  const setException = (index: number, change: Partial<HoursException>) =>
    context.set(
      'hoursExceptions',
      days.map((each, at) => (at === index ? { ...each, ...change } : each)),
    );
  return (
    <fieldset className="settings-group">
      <legend>Opening hours &amp; exceptions</legend>
      <SettingField
        context={context}
        name="openingHours"
        label="Opening hours"
        hint="Times like 12:00–15:00. One ending after midnight (18:00–02:00) runs into the next day; 00:00–24:00 is all day."
      >
        <table className="settings-hours" aria-describedby={hours.describedBy}>
          <caption className="settings-field__label">Opening hours</caption>
          <tbody>
            {WEEKDAYS.map((day) => (
              <tr key={day}>
                <th scope="row">{WEEKDAY_LABELS[day]}</th>
                <td>
                  <SpellList
                    spells={week[day] ?? []}
                    label={WEEKDAY_LABELS[day]}
                    path={`openingHours.${day}`}
                    context={context}
                    locked={hours.locked}
                    onChange={(spells) => setDay(day, spells)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </SettingField>
      <SettingField
        context={context}
        name="hoursExceptions"
        label="Exceptions"
        hint="Holidays and special days: closed all day, or other hours than usual."
      >
        <h3
          className="settings-field__label settings-field__heading"
          id="setting-exceptions-heading"
        >
          Exceptions
        </h3>
        {days.length === 0 ? <p className="muted">No exceptions.</p> : null}
        <ul className="settings-exceptions" aria-labelledby="setting-exceptions-heading">
          {days.map((exception, index) => {
            const path = `hoursExceptions.${index}`;
            const name = exception.date || `Exception ${index + 1}`;
            return (
              <li key={index} className="settings-exception">
                <label>
                  <span>Date</span>
                  <input
                    type="date"
                    value={exception.date}
                    readOnly={exceptions.locked}
                    aria-invalid={messageAt(context.messages, `${path}.date`) ? true : undefined}
                    onChange={(event) => setException(index, { date: event.target.value })}
                  />
                </label>
                <label>
                  <span>Note</span>
                  <input
                    value={exception.note ?? ''}
                    placeholder="Christmas Day"
                    maxLength={80}
                    readOnly={exceptions.locked}
                    onChange={(event) =>
                      setException(index, { note: event.target.value || undefined })
                    }
                  />
                </label>
                <div className="settings-exception__hours">
                  <SpellList
                    spells={exception.hours}
                    label={name}
                    path={`${path}.hours`}
                    context={context}
                    locked={exceptions.locked}
                    onChange={(spells) => setException(index, { hours: spells })}
                  />
                </div>
                <span className="form__error">{messageAt(context.messages, `${path}.date`)}</span>
                {exceptions.locked ? null : (
                  <button
                    type="button"
                    className="button--quiet"
                    onClick={() =>
                      context.set(
                        'hoursExceptions',
                        days.filter((_, at) => at !== index),
                      )
                    }
                  >
                    Remove exception<span className="visually-hidden"> {name}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        {exceptions.locked ? null : (
          <button
            type="button"
            className="button--quiet"
            onClick={() => context.set('hoursExceptions', [...days, { date: '', hours: [] }])}
          >
            Add exception (closed all day)
          </button>
        )}
      </SettingField>
    </fieldset>
  );
}
