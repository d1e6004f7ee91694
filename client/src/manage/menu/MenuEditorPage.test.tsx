// @vitest-environment jsdom
/**
 * The menu editor's list against a fake of the server's menuAdmin.*
 * (test-menu-admin.ts): loading, empty and error states; categories added,
 * renamed, hidden, refused a delete; the quick 86; reordering by keyboard;
 * and the unsaved-change question when switching dishes.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApiProviders, lastCall, type FakeCall } from '../../test-support/fake-api';
import { ManagedLocationContext } from '../location-context';
import { MenuEditorPage } from './MenuEditorPage';
import { fakeMenuAdmin, HARBOUR } from './test-menu-admin';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  window.history.replaceState(null, '', `/manage/${HARBOUR.slug}/menu`);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderMenu(onCall: (call: FakeCall) => void) {
  const Providers = fakeApiProviders(calls, onCall);
  render(
    <Providers>
      <ManagedLocationContext.Provider value={HARBOUR}>
        <MenuEditorPage />
      </ManagedLocationContext.Provider>
    </Providers>,
  );
}

const dishNames = (list: HTMLElement) =>
  within(list)
    .queryAllByRole('heading', { level: 4 })
    .map((heading) => heading.textContent);
const notice = () => document.querySelector('.manage-notice')!.textContent;
const calledWith = (path: string) => calls.filter((call) => call.path === path);

describe('the menu editor’s list', () => {
  it('shows each category with its dishes in order, sub-categories under their parent', async () => {
    renderMenu(fakeMenuAdmin().onCall);
    expect(screen.getByText('Loading the menu…')).toBeTruthy();
    await screen.findByRole('heading', { level: 3, name: 'Starters' });
    expect(lastCall(calls, 'menuAdmin.get').input).toEqual({ locationId: HARBOUR.id });
    expect(dishNames(screen.getByRole('list', { name: 'Dishes in Starters' }))).toEqual([
      'Soup',
      'Salad',
    ]);
    const drinks = screen.getByRole('list', { name: 'Sub-categories of Drinks' });
    expect(within(drinks).getByRole('heading', { level: 3, name: 'Soft drinks' })).toBeTruthy();
    expect(dishNames(drinks)).toEqual(['Cola']);
    const cola = screen.getByRole('list', { name: 'Dishes in Soft drinks' });
    expect(cola.textContent).toContain('€3.00');
    expect(cola.textContent).toContain('12 left');
    expect(screen.getByRole('button', { name: 'Move Soup' })).toBeTruthy();
  });

  it('says when there are no dishes yet', async () => {
    renderMenu(fakeMenuAdmin({ categories: [], items: [] }).onCall);
    expect(await screen.findByText(/No dishes yet — add the first/)).toBeTruthy();
  });

  it('shows the server’s refusal of the menu, with a way to try again', async () => {
    renderMenu((call) =>
      call.refuse('FORBIDDEN', 'Only managers can open the back office.', { httpStatus: 403 }),
    );
    const message = await screen.findByText('Only managers can open the back office.');
    const alert = message.closest<HTMLElement>('[role="alert"]')!;
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('adds a category under another, and shows a refused name beside the field', async () => {
    const server = fakeMenuAdmin();
    renderMenu((call) => {
      if (call.path === 'menuAdmin.createCategory' && (call.input as { name: string }).name === '')
        call.refuse('BAD_REQUEST', 'name: A category needs a name.', {
          issues: [{ path: 'name', message: 'A category needs a name.' }],
        });
      else server.onCall(call);
    });
    await screen.findByRole('heading', { level: 3, name: 'Starters' });
    const field = screen.getByLabelText<HTMLInputElement>('New category');
    fireEvent.click(screen.getByRole('button', { name: 'Add category' }));
    const message = await screen.findByText('A category needs a name.');
    expect(message.id).toBe(field.getAttribute('aria-describedby'));
    expect(field.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(field, { target: { value: ' Wines ' } });
    fireEvent.change(screen.getByLabelText('Goes'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add category' }));
    const drinks = screen.getByRole('list', { name: 'Sub-categories of Drinks' });
    expect(await within(drinks).findByRole('heading', { level: 3, name: 'Wines' })).toBeTruthy();
    expect(lastCall(calls, 'menuAdmin.createCategory').input).toEqual({
      locationId: HARBOUR.id,
      name: 'Wines',
      parentId: 3,
    });
    expect(notice()).toBe('Added the category Wines.');
  });

  it('renames and hides a category with the version it read', async () => {
    const server = fakeMenuAdmin();
    renderMenu(server.onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename Starters' }));
    const input = screen.getByLabelText('New name for Starters');
    fireEvent.change(input, { target: { value: 'Small plates' } });
    fireEvent.submit(input.closest('form')!);
    await screen.findByRole('heading', { level: 3, name: 'Small plates' });
    expect(lastCall(calls, 'menuAdmin.updateCategory').input).toEqual({
      categoryId: 1,
      version: 1,
      name: 'Small plates',
      parentId: null,
      hidden: false,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Hide Small plates' }));
    await screen.findByRole('button', { name: 'Show Small plates' });
    expect(lastCall(calls, 'menuAdmin.updateCategory').input).toMatchObject({
      version: 2,
      hidden: true,
    });
    expect(screen.getByRole('heading', { level: 3, name: /Small plates/ }).textContent).toContain(
      'Hidden',
    );
  });

  it('asks before deleting a category and shows the server’s refusal there', async () => {
    renderMenu(fakeMenuAdmin().onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Starters' }));
    const confirm = screen.getByRole('group', { name: /Delete the category Starters\?/ });
    expect(confirm.textContent).toMatch(/still has 2 dishes/);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete Starters' }));
    expect(await within(confirm).findByText('Move or delete its 2 dishes first.')).toBeTruthy();
  });

  it('86es a dish from its row with the kitchen’s switch', async () => {
    const server = fakeMenuAdmin();
    renderMenu(server.onCall);
    const soup = (await screen.findByRole('heading', { level: 4, name: 'Soup' })).closest('li')!;
    const toggle = within(soup).getByRole('checkbox', { name: 'Available (Soup)' });
    fireEvent.click(toggle);
    await vi.waitFor(() =>
      expect(lastCall(calls, 'menu.setAvailability').input).toEqual({
        itemId: 11,
        available: false,
      }),
    );
    await vi.waitFor(() => expect(within(soup).getByText('86’d')).toBeTruthy());
    expect(notice()).toBe("Soup is 86'd: off.");
  });

  it('keeps the 86 box where it was put between the answer and the re-read menu', async () => {
    const server = fakeMenuAdmin();
    let holdReads = false;
    renderMenu((call) => {
      if (holdReads && call.path === 'menuAdmin.get') return; // the re-read never comes
      server.onCall(call);
    });
    const soup = (await screen.findByRole('heading', { level: 4, name: 'Soup' })).closest('li')!;
    const toggle = within(soup).getByRole<HTMLInputElement>('checkbox', {
      name: 'Available (Soup)',
    });
    holdReads = true;
    fireEvent.click(toggle);
    await vi.waitFor(() => expect(toggle.checked).toBe(false));
    await vi.waitFor(() => expect(notice()).toBe("Soup is 86'd: off."));
    await vi.waitFor(() => expect(calledWith('menuAdmin.get').length).toBeGreaterThan(1));
    expect(toggle.checked).toBe(false);
    expect(within(soup).getByText('86’d')).toBeTruthy();
  });

  it('puts the 86 box back when the server refuses the change', async () => {
    const server = fakeMenuAdmin();
    renderMenu((call) =>
      call.path === 'menu.setAvailability'
        ? call.refuse('FORBIDDEN', 'Only staff of this location can change what is on.')
        : server.onCall(call),
    );
    const soup = (await screen.findByRole('heading', { level: 4, name: 'Soup' })).closest('li')!;
    const toggle = within(soup).getByRole<HTMLInputElement>('checkbox', {
      name: 'Available (Soup)',
    });
    fireEvent.click(toggle);
    expect(
      await within(soup).findByText('Only staff of this location can change what is on.'),
    ).toBeTruthy();
    await vi.waitFor(() => expect(toggle.checked).toBe(true));
  });

  it('moves a dish by keyboard: Space picks it up, an arrow moves it, Space drops it', async () => {
    const server = fakeMenuAdmin();
    renderMenu(server.onCall);
    const handle = await screen.findByRole('button', { name: 'Move Soup' });
    layOutRows();
    handle.focus();
    fireEvent.keyDown(handle, { key: ' ', code: 'Space' });
    // dnd-kit reads each step out in its live region.
    await vi.waitFor(() => expect(document.body.textContent).toContain('Soup would be 1 of 2.'));
    // The sensor listens for the next keys from a timer it starts on picking up: a task later.
    await new Promise((resolve) => setTimeout(resolve, 0));
    fireEvent.keyDown(document, { key: 'ArrowDown', code: 'ArrowDown' });
    await vi.waitFor(() => expect(document.body.textContent).toContain('Soup would be 2 of 2.'));
    fireEvent.keyDown(document, { key: ' ', code: 'Space' });
    await vi.waitFor(() => expect(calledWith('menuAdmin.reorderItems')).toHaveLength(1));
    expect(document.body.textContent).toContain('Soup is now 2 of 2.');
    expect(lastCall(calls, 'menuAdmin.reorderItems').input).toEqual({
      categoryId: 1,
      orderedIds: [12, 11],
    });
    await vi.waitFor(() =>
      expect(dishNames(screen.getByRole('list', { name: 'Dishes in Starters' }))).toEqual([
        'Salad',
        'Soup',
      ]),
    );
  });

  it('asks before leaving a dish with unsaved changes for another', async () => {
    renderMenu(fakeMenuAdmin().onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Soup' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Soup of the day' } });
    fireEvent.click(screen.getByRole('button', { name: 'Edit Salad' }));
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toMatch(/not saved/);
    fireEvent.click(within(question).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Soup of the day');
    fireEvent.click(screen.getByRole('button', { name: 'Edit Salad' }));
    fireEvent.click(screen.getByRole('button', { name: 'Drop my changes' }));
    expect(screen.getByRole('heading', { level: 3, name: 'Edit Salad' })).toBeTruthy();
    // Nothing changed yet: another dish opens without asking.
    fireEvent.click(screen.getByRole('button', { name: 'Edit Soup' }));
    expect(screen.getByRole('heading', { level: 3, name: 'Edit Soup' })).toBeTruthy();
  });
});

/**
 * jsdom lays nothing out: give each sortable row a place, one under another,
 * so the keyboard sensor has somewhere to move to.
 */
function layOutRows() {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const row = this.closest('[data-sortable-id]');
    const list = row?.parentElement;
    const at = row && list ? [...list.children].indexOf(row) : 0;
    const top = at * 60;
    return {
      x: 0,
      y: top,
      top,
      left: 0,
      right: 400,
      bottom: top + 50,
      width: 400,
      height: 50,
      toJSON: () => ({}),
    };
  });
}
