// @vitest-environment jsdom
/**
 * The dish form on the menu page, against the fake menuAdmin.*: money typed
 * as "12.50" and saved as cents; the shared schema's messages beside each
 * field before anything is sent, and the server's too; choices with their
 * rules; a photo checked before it is sent, then sent as a form; the delete
 * step saying archived or removed; and a CONFLICT shown side by side.
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
afterEach(() => cleanup());

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

const field = (label: string | RegExp) => screen.getByLabelText<HTMLInputElement>(label);
const type = (label: string | RegExp, value: string) =>
  fireEvent.change(field(label), { target: { value } });
const messageOf = (label: string | RegExp) =>
  document.getElementById(field(label).getAttribute('aria-describedby')!.split(' ').at(-1)!)!
    .textContent;
const notice = () => document.querySelector('.manage-notice')!.textContent;
const calledWith = (path: string) => calls.filter((call) => call.path === path);
const save = () => fireEvent.click(screen.getByRole('button', { name: /^(Save|Add) dish$/ }));

async function edit(name: string) {
  fireEvent.click(await screen.findByRole('button', { name: `Edit ${name}` }));
  await screen.findByRole('heading', { level: 3, name: `Edit ${name}` });
}

describe('the dish form', () => {
  it('shows the dish as saved, the price as money, and saves integer cents with its version', async () => {
    const server = fakeMenuAdmin();
    renderMenu(server.onCall);
    await edit('Soup');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Edit Soup' }));
    expect(field('Price (EUR)').value).toBe('6.50');
    expect(field('Stock count').value).toBe('');
    expect(field('Celery').checked).toBe(true);
    expect(field('Milk').checked).toBe(false);
    type('Price (EUR)', '7,25');
    fireEvent.click(field('Milk'));
    type('Stock count', '8');
    save();
    await vi.waitFor(() => expect(notice()).toBe('Saved Soup.'));
    expect(lastCall(calls, 'menuAdmin.updateItem').input).toMatchObject({
      itemId: 11,
      version: 1,
      priceCents: 725,
      allergens: ['celery', 'milk'],
      stock: 8,
      station: 'hot',
    });
    // The form closes and focus goes back to the dish's row.
    expect(screen.queryByRole('heading', { name: 'Edit Soup' })).toBeNull();
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Soup' })),
    );
  });

  it('says what is wrong beside each field, and sends nothing', async () => {
    renderMenu(fakeMenuAdmin().onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Add dish to Starters' }));
    expect(screen.getByRole('heading', { level: 3, name: 'New dish in Starters' })).toBeTruthy();
    type('Price (EUR)', '12.505');
    type('Stock count', '-1');
    save();
    expect(messageOf('Name')).toBe('A dish needs a name.');
    expect(messageOf('Price (EUR)')).toBe('Type at most 2 digits after the point.');
    expect(messageOf('Stock count')).toBe('Stock cannot be negative.');
    expect(field('Name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Name'));
    expect(screen.getByText('Check the 3 fields marked above.')).toBeTruthy();
    expect(calledWith('menuAdmin.createItem')).toEqual([]);
    // Fixed as typed: the message goes.
    type('Name', 'Bruschetta');
    expect(messageOf('Name')).toBe('');
    type('Price (EUR)', '10000.01');
    expect(messageOf('Price (EUR)')).toBe('A price is at most 10,000.00.');
  });

  it('adds a dish with a required choice, its options’ extra charges in cents', async () => {
    const server = fakeMenuAdmin();
    renderMenu(server.onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Add dish to Mains' }));
    type('Name', ' Pizza ');
    type('Price (EUR)', '11');
    fireEvent.change(field('Station'), { target: { value: 'grill' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a choice' }));
    type('Choice 1 Name', 'Crust');
    fireEvent.click(field('Choice 1 Required'));
    expect(field('Choice 1 At least').value).toBe('1');
    type('Choice 1 option 1 Option', 'Thin');
    fireEvent.click(screen.getByRole('button', { name: 'Add option to choice 1' }));
    type('Choice 1 option 2 Option', 'Stuffed');
    type('Choice 1 option 2 Extra (EUR)', '2.5');
    // Moved first by keyboard-reachable buttons.
    fireEvent.click(screen.getByRole('button', { name: 'Move choice 1 option 2 up' }));
    save();
    await vi.waitFor(() => expect(notice()).toBe('Added Pizza to Mains.'));
    expect(lastCall(calls, 'menuAdmin.createItem').input).toEqual({
      locationId: HARBOUR.id,
      categoryId: 2,
      name: 'Pizza',
      description: '',
      priceCents: 1100,
      station: 'grill',
      allergens: [],
      dietary: [],
      stock: null,
      available: true,
      hidden: false,
      optionGroups: [
        {
          name: 'Crust',
          required: true,
          minSelect: 1,
          maxSelect: 1,
          options: [
            { name: 'Stuffed', priceDeltaCents: 250, available: true },
            { name: 'Thin', priceDeltaCents: 0, available: true },
          ],
        },
      ],
    });
    expect(await screen.findByRole('heading', { level: 4, name: 'Pizza' })).toBeTruthy();
  });

  it('shows a choice’s rule beside its field', async () => {
    renderMenu(fakeMenuAdmin().onCall);
    await edit('Burger');
    type('Choice 1 At most', '3');
    save();
    expect(messageOf('Choice 1 At most')).toBe(
      'The maximum cannot be more than the number of options.',
    );
    expect(calledWith('menuAdmin.updateItem')).toEqual([]);
  });

  it('shows the server’s refusal beside the field it names', async () => {
    const server = fakeMenuAdmin();
    renderMenu((call) => {
      if (call.path === 'menuAdmin.updateItem') {
        const message = 'There is already a dish called “Salad” in Starters.';
        call.refuse('BAD_REQUEST', `name: ${message}`, { issues: [{ path: 'name', message }] });
      } else server.onCall(call);
    });
    await edit('Soup');
    type('Name', 'Salad');
    save();
    await vi.waitFor(() =>
      expect(messageOf('Name')).toBe('There is already a dish called “Salad” in Starters.'),
    );
    expect(field('Name').getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses a photo of the wrong type or size before sending, and sends a good one as a form', async () => {
    const server = fakeMenuAdmin();
    renderMenu(server.onCall);
    await edit('Salad');
    const photoField = /^Choose (a|another) photo$/;
    const input = field(photoField);
    const choose = (file: File) => fireEvent.change(input, { target: { files: [file] } });
    choose(new File(['gif'], 'salad.gif', { type: 'image/gif' }));
    expect(messageOf(photoField)).toBe('A photo is a JPEG, PNG or WebP image.');
    const huge = new File(['x'], 'huge.jpg', { type: 'image/jpeg' });
    Object.defineProperty(huge, 'size', { value: 6 * 1024 * 1024 });
    choose(huge);
    expect(messageOf(photoField)).toBe('A photo is at most 5.0 MB; this one is 6.0 MB.');
    const photo = new File(['jpeg-bytes'], 'salad.jpg', { type: 'image/jpeg' });
    choose(photo);
    expect(messageOf(photoField)).toBe('');
    save();
    await vi.waitFor(() => expect(notice()).toBe('Saved Salad.'));
    const sent = lastCall(calls, 'menuAdmin.uploadPhoto').input as FormData;
    expect(sent).toBeInstanceOf(FormData);
    expect(sent.get('itemId')).toBe('12');
    expect((sent.get('photo') as File).name).toBe('salad.jpg');
    // The fields first, then the photo.
    expect(
      calls
        .map((call) => call.path)
        .filter((path) => path.includes('Item') || path.includes('Photo')),
    ).toEqual(['menuAdmin.updateItem', 'menuAdmin.uploadPhoto']);
    await edit('Salad');
    expect(screen.getByRole('img', { name: 'The photo of Salad' }).getAttribute('src')).toBe(
      '/media/photos/12.webp',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove the photo' }));
    save();
    await vi.waitFor(() =>
      expect(lastCall(calls, 'menuAdmin.removePhoto').input).toEqual({ itemId: 12 }),
    );
  });

  it('says a dish on placed orders will be archived, and one never ordered removed', async () => {
    const server = fakeMenuAdmin();
    renderMenu(server.onCall);
    await edit('Soup');
    fireEvent.click(screen.getByRole('button', { name: 'Delete dish' }));
    const confirm = screen.getByRole('group', { name: /Delete Soup\?/ });
    expect(confirm.textContent).toMatch(/on orders already placed, so it will be archived/);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Archive Soup' }));
    await vi.waitFor(() => expect(notice()).toMatch(/^Archived Soup: it is off the menu/));
    expect(lastCall(calls, 'menuAdmin.deleteItem').input).toEqual({ itemId: 11 });
    await edit('Salad');
    fireEvent.click(screen.getByRole('button', { name: 'Delete dish' }));
    expect(screen.getByRole('group', { name: /Delete Salad\?/ }).textContent).toMatch(
      /never been ordered, so it will be removed for good/,
    );
  });

  it('on a CONFLICT shows both versions of what differs; Keep mine saves over theirs', async () => {
    const server = fakeMenuAdmin();
    renderMenu(server.onCall);
    await edit('Burger');
    type('Price (EUR)', '15.00');
    type('Name', 'Cheeseburger');
    server.saveAsSomeoneElse(21, { priceCents: 1600, description: 'Now with pickles.' });
    save();
    const conflict = await screen.findByRole('region', {
      name: 'Someone else saved this dish while you were editing it',
    });
    expect(lastCall(calls, 'menuAdmin.updateItem').input).toMatchObject({ version: 1 });
    const rows = within(conflict)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Field', 'Your change', 'Saved by someone else'],
      ['Name', 'Cheeseburger', 'Burger'],
      ['Description', 'Burger, as the kitchen makes it.', 'Now with pickles.'],
      ['Price', '€15.00', '€16.00'],
    ]);
    fireEvent.click(within(conflict).getByRole('button', { name: 'Keep mine' }));
    await vi.waitFor(() => expect(notice()).toBe('Saved Cheeseburger.'));
    expect(lastCall(calls, 'menuAdmin.updateItem').input).toMatchObject({
      version: 2,
      name: 'Cheeseburger',
      priceCents: 1500,
    });
    expect(server.items.find((item) => item.id === 21)).toMatchObject({
      name: 'Cheeseburger',
      version: 3,
    });
  });

  it('Use theirs loads the saved dish into the form, with nothing left to save', async () => {
    const server = fakeMenuAdmin();
    renderMenu(server.onCall);
    await edit('Burger');
    type('Price (EUR)', '15.00');
    server.saveAsSomeoneElse(21, { priceCents: 1600 });
    save();
    fireEvent.click(await screen.findByRole('button', { name: 'Use theirs' }));
    expect(screen.queryByRole('region', { name: /Someone else saved/ })).toBeNull();
    expect(field('Price (EUR)').value).toBe('16.00');
    // Not dirty: another dish opens without asking.
    fireEvent.click(screen.getByRole('button', { name: 'Edit Soup' }));
    expect(screen.getByRole('heading', { level: 3, name: 'Edit Soup' })).toBeTruthy();
  });
});
