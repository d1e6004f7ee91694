// @vitest-environment jsdom
/**
 * The Staff page against a fake of the server's staff.* (test-staff.ts): the
 * team listed with "You" and deactivated accounts marked; adding, editing,
 * resetting a password, deactivating and reactivating, each confirmed where
 * it signs someone out; the server's refusals next to the field; one's own
 * password; and a warning before unsaved changes are lost.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApiProviders, lastCall, type FakeCall } from '../../test-support/fake-api';
import { ManagedLocationContext } from '../location-context';
import { HARBOUR, MANAGER } from '../test-tables';
import { StaffPage } from './StaffPage';
import { fakeStaff, person } from './test-staff';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  window.history.replaceState(null, '', `/manage/${HARBOUR.slug}/staff`);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const TEAM = () => [
  person(1, 'Aoife Brennan', 'manager', { you: true }),
  person(2, 'Cian Walsh', 'kitchen'),
  person(3, 'Bríd Nolan', 'front_of_house', { active: false }),
];

/** The signed-in manager works at Harbour and Docklands (auth.me), unless a test answers it. */
function renderStaff(onCall: (call: FakeCall) => void) {
  const Providers = fakeApiProviders(calls, (call) =>
    call.path === 'auth.me' ? call.answer(MANAGER) : onCall(call),
  );
  render(
    <Providers>
      <ManagedLocationContext.Provider value={HARBOUR}>
        <StaffPage />
      </ManagedLocationContext.Provider>
    </Providers>,
  );
}

const names = () =>
  screen
    .queryAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent)
    .filter((text) => text !== 'Add someone' && text !== 'Change my password');
const row = (name: string) =>
  screen.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) }).closest('li')!;
const calledWith = (path: string) => calls.filter((call) => call.path === path);
const notice = () => document.querySelector('.manage-page > .manage-notice')!.textContent;
const type = (label: string | RegExp, value: string, within_: HTMLElement = document.body) =>
  fireEvent.change(within(within_).getByLabelText(label), { target: { value } });

describe('the Staff page', () => {
  it('lists the team by name with role and status, marking you and the deactivated', async () => {
    renderStaff(fakeStaff(TEAM()).onCall);
    await screen.findByRole('heading', { level: 3, name: /^Cian Walsh/ });
    expect(names()).toEqual(['Aoife Brennan You', 'Bríd Nolan', 'Cian Walsh']);
    expect(within(row('Aoife Brennan')).getByText('Manager')).toBeTruthy();
    expect(within(row('Bríd Nolan')).getByText('Deactivated')).toBeTruthy();
    expect(within(row('Bríd Nolan')).getByText('Front of house')).toBeTruthy();
    expect(within(row('Cian Walsh')).getByText('Active')).toBeTruthy();
    expect(within(row('Cian Walsh')).getByText('cian@harbour.example')).toBeTruthy();
    // One's own account has no reset or deactivate: that is the form below.
    expect(within(row('Aoife Brennan')).queryByRole('button', { name: /Deactivate/ })).toBeNull();
    expect(
      within(row('Bríd Nolan')).getByRole('button', { name: 'Reactivate Bríd Nolan' }),
    ).toBeTruthy();
    expect(lastCall(calls, 'staff.list').input).toEqual({ locationId: HARBOUR.id });
  });

  it('shows loading, then the server’s refusal with a way to try again', async () => {
    let pending: FakeCall | null = null;
    renderStaff((call) => {
      pending = call;
    });
    expect(screen.getByText('Loading the team…')).toBeTruthy();
    await act(async () => pending!.refuse('FORBIDDEN', 'Only a manager can do this.'));
    const alert = (await screen.findByText('Only a manager can do this.')).closest<HTMLElement>(
      '[role="alert"]',
    )!;
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('says when nobody works here yet', async () => {
    renderStaff(fakeStaff([]).onCall);
    expect(await screen.findByText(/Nobody works here yet/)).toBeTruthy();
  });

  it('adds someone, reads it out and empties the form', async () => {
    renderStaff(fakeStaff(TEAM()).onCall);
    await screen.findByRole('heading', { level: 3, name: /^Cian Walsh/ });
    type('Name', ' Dara Quinn ');
    type('Email (they sign in with it)', 'Dara@Harbour.example');
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'front_of_house' } });
    type('First password', 'long enough');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the team' }));
    expect(await screen.findByRole('heading', { level: 3, name: /^Dara Quinn/ })).toBeTruthy();
    expect(lastCall(calls, 'staff.add').input).toEqual({
      locationId: HARBOUR.id,
      name: 'Dara Quinn',
      email: 'Dara@Harbour.example',
      role: 'front_of_house',
      password: 'long enough',
    });
    expect(notice()).toBe('Added Dara Quinn. They can sign in now.');
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('');
  });

  it('shows a taken email beside the email, and a short password beside the password', async () => {
    const server = fakeStaff(TEAM());
    renderStaff((call) => {
      const input = call.input as { password?: string };
      if (call.path === 'staff.add' && input.password === 'short') {
        const message = 'A password is 8 to 200 characters.';
        call.refuse('BAD_REQUEST', `password: ${message}`, {
          issues: [{ path: 'password', message }],
        });
      } else server.onCall(call);
    });
    await screen.findByRole('heading', { level: 3, name: /^Cian Walsh/ });
    type('Name', 'Cian Again');
    type('Email (they sign in with it)', 'cian@harbour.example');
    type('First password', 'long enough');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the team' }));
    const email = screen.getByLabelText('Email (they sign in with it)');
    await vi.waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('add-staff-email-error')!.textContent).toBe(
      'There is already an account with that email.',
    );
    type('Email (they sign in with it)', 'cian2@harbour.example');
    expect(email.getAttribute('aria-invalid')).toBeNull();

    type('First password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the team' }));
    await screen.findByText('A password is 8 to 200 characters.', { selector: '.form__error' });
    expect(screen.getByLabelText('First password').getAttribute('aria-describedby')).toContain(
      'add-staff-password-error',
    );
  });

  it('edits a role, warning it signs them out, and says it did', async () => {
    renderStaff(fakeStaff(TEAM()).onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Cian Walsh' }));
    const form = screen.getByRole('form', { name: 'Edit Cian Walsh' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Name'));
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'manager' } });
    expect(form.textContent).toMatch(/signs them out on every screen at once/);
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() =>
      expect(notice()).toBe(
        'Saved. Cian Walsh is now a manager and was signed out on every screen.',
      ),
    );
    await vi.waitFor(() => expect(within(row('Cian Walsh')).getByText('Manager')).toBeTruthy());
    expect(lastCall(calls, 'staff.update').input).toEqual({
      staffId: 2,
      name: 'Cian Walsh',
      role: 'manager',
    });
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Cian Walsh' })),
    );
  });

  it('takes someone off this location, saying it signs them out and that they left', async () => {
    renderStaff(fakeStaff(TEAM()).onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Cian Walsh' }));
    const form = screen.getByRole('form', { name: 'Edit Cian Walsh' });
    const places = await within(form).findByRole('group', { name: 'Works at' });
    const harbour = within(places).getByRole('checkbox', { name: HARBOUR.name });
    const docklands = within(places).getByRole('checkbox', { name: 'Docklands' });
    expect([harbour, docklands].map((box) => (box as HTMLInputElement).checked)).toEqual([
      true,
      false,
    ]);
    fireEvent.click(docklands);
    expect(places.textContent).not.toMatch(/signs them out/);
    fireEvent.click(harbour);
    expect(places.textContent).toMatch(/signs them out on every screen at once/);
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() =>
      expect(notice()).toBe(
        'Saved. Cian Walsh works at fewer locations and was signed out on every screen. They no longer work here.',
      ),
    );
    expect(lastCall(calls, 'staff.update').input).toEqual({
      staffId: 2,
      name: 'Cian Walsh',
      role: 'kitchen',
      locationIds: [2],
    });
  });

  it('shows the last manager’s refusal beside the role', async () => {
    renderStaff(fakeStaff(TEAM()).onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Aoife Brennan' }));
    const form = screen.getByRole('form', { name: 'Edit Aoife Brennan' });
    expect(form.textContent).not.toMatch(/signs/);
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'kitchen' } });
    expect(form.textContent).toMatch(/signs you out/);
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const role = within(form).getByLabelText('Role');
    await vi.waitFor(() => expect(role.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('edit-staff-1-role-error')!.textContent).toBe(
      'Aoife Brennan is the last active manager at Harbour Kitchen; make someone else a manager first.',
    );
    expect(role.getAttribute('aria-describedby')).toContain('edit-staff-1-role-error');
  });

  it('asks before deactivating, saying their screens sign out at once', async () => {
    const server = fakeStaff(TEAM());
    renderStaff(server.onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Deactivate Cian Walsh' }));
    const confirm = screen.getByRole('group', { name: /Deactivate Cian Walsh\?/ });
    expect(confirm.textContent).toMatch(/screens sign out at once/);
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(confirm, { key: 'Escape' });
    expect(calledWith('staff.deactivate')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Cian Walsh' }));
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Cian Walsh' }));
    await vi.waitFor(() => expect(within(row('Cian Walsh')).getByText('Deactivated')).toBeTruthy());
    expect(lastCall(calls, 'staff.deactivate').input).toEqual({ staffId: 2 });
    expect(notice()).toBe('Cian Walsh is deactivated and signed out on every screen.');
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Reactivate Cian Walsh' }),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reactivate Cian Walsh' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reactivate Cian Walsh' }));
    await vi.waitFor(() => expect(within(row('Cian Walsh')).getByText('Active')).toBeTruthy());
  });

  it('shows a refused deactivation in the confirm step', async () => {
    const server = fakeStaff([...TEAM(), person(4, 'Eve Manager', 'manager')]);
    renderStaff((call) => {
      if (call.path === 'staff.deactivate') {
        call.refuse(
          'CONFLICT',
          'Eve Manager is the last active manager at Docklands; make someone else a manager first.',
        );
      } else server.onCall(call);
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Deactivate Eve Manager' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Deactivate Eve Manager' }));
    });
    const confirm = screen.getByRole('group', { name: /Deactivate Eve Manager\?/ });
    expect(await within(confirm).findByText(/last active manager at Docklands/)).toBeTruthy();
  });

  it('resets someone’s password, saying they sign in again', async () => {
    renderStaff(fakeStaff(TEAM()).onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Reset password Cian Walsh' }));
    const input = screen.getByLabelText('New password for Cian Walsh');
    expect(document.activeElement).toBe(input);
    expect(input.closest('form')!.textContent).toMatch(/signed out on every screen/);
    fireEvent.change(input, { target: { value: 'a new passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set password' }));
    await vi.waitFor(() =>
      expect(notice()).toBe('Cian Walsh has a new password and was signed out.'),
    );
    expect(lastCall(calls, 'staff.setPassword').input).toEqual({
      staffId: 2,
      password: 'a new passphrase',
    });
  });

  it('changes my own password; a wrong current one is said beside it', async () => {
    const server = fakeStaff(TEAM());
    renderStaff((call) => {
      if (call.path !== 'auth.changePassword') return server.onCall(call);
      const input = call.input as { currentPassword: string };
      if (input.currentPassword !== 'the old one') {
        return call.refuse('BAD_REQUEST', 'That is not your current password.');
      }
      return call.answer({ otherSessionsEnded: 2 });
    });
    await screen.findByRole('heading', { level: 3, name: /^Cian Walsh/ });
    const form = screen.getByRole('form', { name: 'Change my password' });
    type('Current password', 'a guess', form);
    type('New password', 'a brand new one', form);
    fireEvent.click(within(form).getByRole('button', { name: 'Change my password' }));
    const current = within(form).getByLabelText('Current password');
    await vi.waitFor(() => expect(current.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('own-current-error')!.textContent).toBe(
      'That is not your current password.',
    );
    type('Current password', 'the old one', form);
    fireEvent.click(within(form).getByRole('button', { name: 'Change my password' }));
    expect(
      await within(form).findByText(
        'Your password is changed. Your other screens were signed out.',
      ),
    ).toBeTruthy();
    expect(lastCall(calls, 'auth.changePassword').input).toEqual({
      currentPassword: 'the old one',
      newPassword: 'a brand new one',
    });
    expect(within(form).getByLabelText<HTMLInputElement>('Current password').value).toBe('');
  });

  it('warns before leaving with unsaved changes, and not once saved', async () => {
    renderStaff(fakeStaff(TEAM()).onCall);
    await screen.findByRole('heading', { level: 3, name: /^Cian Walsh/ });
    const beforeUnload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(beforeUnload()).toBe(false);
    type('Name', 'Half typed');
    expect(beforeUnload()).toBe(true);
    type('Name', '');
    expect(beforeUnload()).toBe(false);
  });
});
