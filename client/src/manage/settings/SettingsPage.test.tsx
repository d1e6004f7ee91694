// @vitest-environment jsdom
/**
 * The Settings page against a fake of settings.* (test-settings.ts): where
 * each value comes from, a locked field read-only with the reason, the
 * shared schema's messages by the field before anything is sent, the server's
 * too, a reset to the inherited value, and a CONFLICT that reloads and keeps
 * the manager's changes.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApiProviders, lastCall, type FakeCall } from '../../test-support/fake-api';
import { ManagedLocationContext } from '../location-context';
import { SettingsPage } from './SettingsPage';
import { fakeSettings, HARBOUR } from './test-settings';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  window.history.replaceState(null, '', `/manage/${HARBOUR.slug}/settings`);
});
afterEach(cleanup);

function renderSettings(onCall: (call: FakeCall) => void) {
  const Providers = fakeApiProviders(calls, onCall);
  render(
    <Providers>
      <ManagedLocationContext.Provider value={HARBOUR}>
        <SettingsPage />
      </ManagedLocationContext.Provider>
    </Providers>,
  );
}

const field = (name: string) => document.querySelector<HTMLElement>(`[data-setting="${name}"]`)!;
const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

describe('the Settings page', () => {
  it('groups the settings and says where each value comes from', async () => {
    renderSettings(fakeSettings({ locks: { acceptingOrders: true } }).onCall);
    expect(screen.getByText('Loading the settings…')).toBeTruthy();
    await screen.findByRole('group', { name: 'Ordering' });
    for (const group of ['Opening hours & exceptions', 'Kitchen', 'Region']) {
      expect(screen.getByRole('group', { name: group })).toBeTruthy();
    }
    expect(input('Usual wait').value).toBe('25');
    expect(within(field('prepMinutes')).getByText('Installation default')).toBeTruthy();
    expect(within(field('currency')).getByText('Set here')).toBeTruthy();
    expect(within(field('recallWindowMinutes')).getByText('Built-in default')).toBeTruthy();
    expect(lastCall(calls, 'settings.get').input).toEqual({ locationId: HARBOUR.id });
  });

  it('shows a locked setting read-only, with the reason and no reset', async () => {
    renderSettings(
      fakeSettings({ locks: { busyExtraMinutes: 10, acceptingOrders: false } }).onCall,
    );
    const busy = await screen.findByLabelText<HTMLInputElement>('Busy mode: extra wait');
    expect(busy.readOnly).toBe(true);
    expect(busy.value).toBe('10');
    const locked = field('busyExtraMinutes');
    expect(within(locked).getByText('Locked by the operator')).toBeTruthy();
    expect(locked.textContent).toContain('Set by the operator; it cannot be changed here.');
    expect(within(locked).queryByRole('button', { name: /Reset/ })).toBeNull();
    expect(input('Accepting orders').disabled).toBe(true);
  });

  it('checks with the shared schema before sending, and says so by the field', async () => {
    renderSettings(fakeSettings().onCall);
    await screen.findByLabelText('Busy mode: extra wait');
    fireEvent.change(input('Busy mode: extra wait'), { target: { value: '300' } });
    expect(within(field('busyExtraMinutes')).getByRole('alert').textContent).toBe(
      'Busy mode’s extra time is at most 240 minutes.',
    );
    fireEvent.change(input('Busy mode: extra wait'), { target: { value: '15' } });
    fireEvent.change(input('Ticket turns amber after'), { target: { value: '20' } });
    expect(within(field('lateAfterMinutes')).getByRole('alert').textContent).toBe(
      'The amber threshold comes before the red one.',
    );
    save();
    expect(calls.some((call) => call.path === 'settings.update')).toBe(false);
    fireEvent.change(input('Ticket turns amber after'), { target: { value: '8' } });
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Order types offered' })).getByLabelText('Delivery'),
    );
    save();
    await waitFor(() => expect(screen.getByText(/Settings saved/)).toBeTruthy());
    expect(lastCall(calls, 'settings.update').input).toEqual({
      locationId: HARBOUR.id,
      version: 1,
      values: { busyExtraMinutes: 15, orderTypes: ['dine_in', 'pickup'] },
    });
    expect(within(field('busyExtraMinutes')).getByText('Set here')).toBeTruthy();
  });

  it('puts the server’s words by the field it names', async () => {
    renderSettings((call) => {
      if (call.path === 'settings.update') {
        call.refuse('BAD_REQUEST', 'currency: That is not an ISO 4217 currency code.', {
          issues: [{ path: 'values.currency', message: 'That is not an ISO 4217 currency code.' }],
        });
        return;
      }
      fakeSettings().onCall(call);
    });
    fireEvent.change(await screen.findByLabelText('Currency'), { target: { value: 'GBP' } });
    save();
    await waitFor(() =>
      expect(within(field('currency')).getByRole('alert').textContent).toBe(
        'That is not an ISO 4217 currency code.',
      ),
    );
  });

  it('resets a field to the inherited value', async () => {
    const server = fakeSettings({ location: { currency: 'GBP', timezone: 'Europe/Dublin' } });
    renderSettings(server.onCall);
    await screen.findByLabelText('Currency');
    fireEvent.click(screen.getByRole('button', { name: 'Reset to default (Currency)' }));
    await waitFor(() => expect(input('Currency').value).toBe('EUR'));
    expect(lastCall(calls, 'settings.reset').input).toEqual({
      locationId: HARBOUR.id,
      version: 1,
      keys: ['currency'],
    });
    expect(within(field('currency')).getByText('Built-in default')).toBeTruthy();
  });

  it('on a CONFLICT reloads the other manager’s values and keeps this one’s changes', async () => {
    const server = fakeSettings();
    server.state.conflictNext = true;
    renderSettings(server.onCall);
    fireEvent.change(await screen.findByLabelText('Usual wait'), { target: { value: '30' } });
    save();
    expect(
      await screen.findByText(/Another manager saved these settings while you were editing/),
    ).toBeTruthy();
    await waitFor(() => expect(input('Busy mode: extra wait').value).toBe('5'));
    expect(input('Usual wait').value).toBe('30');
    save();
    await waitFor(() => expect(screen.getByText(/Settings saved/)).toBeTruthy());
    expect(lastCall(calls, 'settings.update').input).toMatchObject({
      version: 2,
      values: { prepMinutes: 30 },
    });
  });

  it('asks before the tab closes with unsaved changes, and not without', async () => {
    renderSettings(fakeSettings().onCall);
    const closing = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    await screen.findByLabelText('Usual wait');
    expect(closing()).toBe(false);
    fireEvent.change(input('Usual wait'), { target: { value: '30' } });
    expect(screen.getByText('1 unsaved change.')).toBeTruthy();
    await waitFor(() => expect(closing()).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(closing()).toBe(false));
  });

  it('shows the server’s refusal of the page, with a way to try again', async () => {
    renderSettings((call) =>
      call.refuse('FORBIDDEN', 'Only a manager can do this.', { httpStatus: 403 }),
    );
    const message = await screen.findByText('Only a manager can do this.');
    expect(
      within(message.closest<HTMLElement>('[role="alert"]')!).getByRole('button', {
        name: 'Try again',
      }),
    ).toBeTruthy();
  });
});
