/** Kitchen: the board's timers, the recall window, the ready board's clear time. */
import { NumberSetting, type FieldContext } from './SettingField';

export function KitchenFields({ context }: { context: FieldContext }) {
  return (
    <fieldset className="settings-group">
      <legend>Kitchen</legend>
      <NumberSetting
        context={context}
        name="warnAfterMinutes"
        label="Ticket turns amber after"
        unit="minutes"
      />
      <NumberSetting
        context={context}
        name="lateAfterMinutes"
        label="Ticket turns red after"
        unit="minutes"
      />
      <NumberSetting
        context={context}
        name="recallWindowMinutes"
        label="A bump can be recalled for"
        unit="minutes"
      />
      <NumberSetting
        context={context}
        name="readyBoardCollectedSeconds"
        label="Collected numbers stay on the ready board for"
        unit="seconds"
        hint="0 takes a number off as soon as it is collected."
      />
    </fieldset>
  );
}
