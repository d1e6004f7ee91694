/** Ordering: taking orders at all, which kinds, and the wait quoted to guests. */
import { ORDER_TYPE_LABELS, ORDER_TYPES, type OrderType } from '@ticketrail/shared';
import { fieldState, NumberSetting, SettingField, type FieldContext } from './SettingField';

export function OrderingFields({ context }: { context: FieldContext }) {
  const accepting = fieldState(context, 'acceptingOrders');
  const types = fieldState(context, 'orderTypes');
  const offered: readonly OrderType[] = Array.isArray(types.value) ? types.value : [];
  const toggle = (type: OrderType, on: boolean) =>
    context.set(
      'orderTypes',
      ORDER_TYPES.filter((each) => (each === type ? on : offered.includes(each))),
    );
  return (
    <fieldset className="settings-group">
      <legend>Ordering</legend>
      <SettingField context={context} name="acceptingOrders" label="Accepting orders">
        <label className="settings-field__check">
          <input
            type="checkbox"
            checked={accepting.value}
            disabled={accepting.locked}
            aria-describedby={accepting.describedBy}
            onChange={(event) => context.set('acceptingOrders', event.target.checked)}
          />
          <span className="settings-field__label">Accepting orders</span>
        </label>
      </SettingField>
      <SettingField context={context} name="orderTypes" label="Order types offered">
        <fieldset className="settings-field__choices" {...types.aria}>
          <legend className="settings-field__label">Order types offered</legend>
          {ORDER_TYPES.map((type) => (
            <label key={type} className="settings-field__check">
              <input
                type="checkbox"
                checked={offered.includes(type)}
                disabled={types.locked}
                onChange={(event) => toggle(type, event.target.checked)}
              />
              <span>{ORDER_TYPE_LABELS[type]}</span>
            </label>
          ))}
        </fieldset>
      </SettingField>
      <NumberSetting
        context={context}
        name="prepMinutes"
        label="Usual wait"
        unit="minutes"
        hint="Quoted to guests on the menu."
      />
      <NumberSetting
        context={context}
        name="busyExtraMinutes"
        label="Busy mode: extra wait"
        unit="minutes"
        hint="Added to the usual wait on the menu, with “we’re busy”. 0 turns busy mode off."
      />
    </fieldset>
  );
}
