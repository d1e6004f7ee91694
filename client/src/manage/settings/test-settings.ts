/** A fake of the server's settings.* for the page's tests. Test code only. */
import {
  BUILT_IN_SETTINGS,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
  type SettingsPatch,
} from '@ticketrail/shared';
import type { FakeCall } from '../../test-support/fake-api';
import type { SettingsView } from './settings-form';

export const HARBOUR = { id: 1, slug: 'harbour-kitchen', name: 'Harbour Kitchen' };

export function fakeSettings({
  location = { timezone: 'Europe/Dublin', currency: 'EUR' },
  installation = { prepMinutes: 25 },
  locks = {},
}: { location?: SettingsPatch; installation?: SettingsPatch; locks?: SettingsPatch } = {}) {
  const state = { location: { ...location }, version: 1, conflictNext: false };
  const view = (): SettingsView => {
    const settings = Object.fromEntries(
      SETTING_KEYS.map((key) => {
        if (locks[key] !== undefined)
          return [key, { value: locks[key], source: 'locked', locked: true }];
        if (state.location[key] !== undefined) {
          return [key, { value: state.location[key], source: 'location', locked: false }];
        }
        if (installation[key] !== undefined) {
          return [key, { value: installation[key], source: 'installation', locked: false }];
        }
        return [key, { value: BUILT_IN_SETTINGS[key], source: 'default', locked: false }];
      }),
    ) as SettingsView['settings'];
    return { settings, versions: { location: state.version, installation: 1 } };
  };
  const onCall = (call: FakeCall) => {
    const input = call.input as {
      version: number;
      values?: Partial<Settings>;
      keys?: SettingKey[];
    };
    if (call.path === 'settings.get') return call.answer(view());
    if (call.path !== 'settings.update' && call.path !== 'settings.reset') return;
    if (state.conflictNext || input.version !== state.version) {
      // Another manager's save lands first.
      state.conflictNext = false;
      state.location = { ...state.location, busyExtraMinutes: 5 };
      state.version += 1;
      return call.refuse(
        'CONFLICT',
        'Another manager saved these settings since you opened them. Reload to see their changes, then save again.',
        { httpStatus: 409 },
      );
    }
    if (call.path === 'settings.update') state.location = { ...state.location, ...input.values };
    else for (const key of input.keys ?? []) delete state.location[key];
    state.version += 1;
    call.answer(view());
  };
  return { state, onCall, view };
}
