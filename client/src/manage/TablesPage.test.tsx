// @vitest-environment jsdom
/**
 * The Tables page against a fake of the server's tables.* (test-tables.ts):
 * adding, renaming, a new code and removing, each said where it was asked and
 * read out once done; the server's refusals shown next to the field; focus
 * kept where a keyboard user expects it.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApiProviders, lastCall, type FakeCall } from '../test-support/fake-api';
import { ManagedLocationContext } from './location-context';
import { TablesPage } from './TablesPage';
import { fakeTables, HARBOUR } from './test-tables';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  window.history.replaceState(null, '', `/manage/${HARBOUR.slug}/tables`);
});
afterEach(() => cleanup());

function renderTables(onCall: (call: FakeCall) => void) {
  const Providers = fakeApiProviders(calls, onCall);
  render(
    <Providers>
      <ManagedLocationContext.Provider value={HARBOUR}>
        <TablesPage />
      </ManagedLocationContext.Provider>
    </Providers>,
  );
}

const rows = () =>
  screen.queryAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
const row = (label: string) =>
  screen.getByRole('heading', { level: 3, name: label }).closest('li')!;
const field = () => screen.getByLabelText<HTMLInputElement>('New table’s name');
const calledWith = (path: string) => calls.filter((call) => call.path === path);

async function addTable(label: string) {
  fireEvent.change(field(), { target: { value: label } });
  fireEvent.click(screen.getByRole('button', { name: 'Add table' }));
}

describe('the Tables page', () => {
  it('lists the tables in natural order, each with the link its QR code holds', async () => {
    const server = fakeTables(['Table 10', 'Table 2', 'Bar 1']);
    renderTables(server.onCall);
    await screen.findByRole('heading', { level: 3, name: 'Table 2' });
    expect(rows()).toEqual(['Bar 1', 'Table 2', 'Table 10']);
    const link = within(row('Table 2')).getByRole('link');
    expect(link.getAttribute('href')).toBe(
      `${window.location.origin}/l/harbour-kitchen?table=${server.tables[1]!.secret}`,
    );
    expect(lastCall(calls, 'tables.list').input).toEqual({ locationId: HARBOUR.id });
    expect(screen.getByRole('link', { name: 'Print QR cards' })).toBeTruthy();
  });

  it('says when there are no tables yet', async () => {
    renderTables(fakeTables([]).onCall);
    expect(await screen.findByText(/No tables yet/)).toBeTruthy();
  });

  it('shows the server’s refusal of the list, with a way to try again', async () => {
    renderTables((call) =>
      call.refuse('FORBIDDEN', 'Only managers can open the back office.', { httpStatus: 403 }),
    );
    const message = await screen.findByText('Only managers can open the back office.');
    const alert = message.closest<HTMLElement>('[role="alert"]')!;
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('adds a table, reads it out and empties the field', async () => {
    const server = fakeTables(['Table 1']);
    renderTables(server.onCall);
    await screen.findByRole('heading', { level: 3, name: 'Table 1' });
    await addTable('  Terrace 1 ');
    expect(await screen.findByRole('heading', { level: 3, name: 'Terrace 1' })).toBeTruthy();
    expect(lastCall(calls, 'tables.add').input).toEqual({
      locationId: HARBOUR.id,
      label: 'Terrace 1',
    });
    expect(screen.getByRole('status').textContent).toBe('Added Terrace 1.');
    expect(field().value).toBe('');
  });

  it('shows a taken name’s refusal next to the field, keeping what was typed', async () => {
    renderTables(fakeTables(['Table 4']).onCall);
    await screen.findByRole('heading', { level: 3, name: 'Table 4' });
    await addTable('Table 4');
    const message = 'There is already a table called “Table 4” here.';
    await screen.findByText(message);
    expect(field().value).toBe('Table 4');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field().getAttribute('aria-describedby')!)!.textContent).toBe(
      message,
    );
    // Typing again clears the old complaint.
    fireEvent.change(field(), { target: { value: 'Table 5' } });
    expect(screen.queryByText(message)).toBeNull();
    expect(field().getAttribute('aria-invalid')).toBeNull();
  });

  it('shows a refused name’s message without the field’s path', async () => {
    const server = fakeTables([]);
    renderTables((call) => {
      if (call.path === 'tables.add') {
        const message = "A table's name is 1 to 40 characters.";
        call.refuse('BAD_REQUEST', `label: ${message}`, {
          issues: [{ path: 'label', message }],
        });
      } else server.onCall(call);
    });
    await screen.findByText(/No tables yet/);
    await addTable('');
    expect((await screen.findByText(/1 to 40 characters/)).textContent).toBe(
      "A table's name is 1 to 40 characters.",
    );
  });

  it('renames a table in its row: Enter saves, and focus goes back to Rename', async () => {
    renderTables(fakeTables(['Table 4']).onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename Table 4' }));
    const input = screen.getByLabelText<HTMLInputElement>('New name for Table 4');
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: 'Window 4' } });
    fireEvent.submit(input.form!);
    expect(await screen.findByRole('heading', { level: 3, name: 'Window 4' })).toBeTruthy();
    expect(lastCall(calls, 'tables.rename').input).toEqual({ tableId: 1, label: 'Window 4' });
    expect(screen.getByRole('status').textContent).toBe('Table 4 is now called Window 4.');
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename Window 4' })),
    );
  });

  it('Escape leaves a rename without asking the server', async () => {
    renderTables(fakeTables(['Table 4']).onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename Table 4' }));
    const input = screen.getByLabelText('New name for Table 4');
    fireEvent.change(input, { target: { value: 'Nope' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.getByRole('heading', { level: 3, name: 'Table 4' })).toBeTruthy();
    expect(calledWith('tables.rename')).toEqual([]);
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename Table 4' })),
    );
  });

  it('shows a rename’s conflict in the row', async () => {
    renderTables(fakeTables(['Table 4', 'Table 5']).onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename Table 4' }));
    const input = screen.getByLabelText('New name for Table 4');
    fireEvent.change(input, { target: { value: 'Table 5' } });
    fireEvent.submit(input.closest('form')!);
    const message = await screen.findByText('There is already a table called “Table 5” here.');
    expect(message.id).toBe(input.getAttribute('aria-describedby'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('asks before removing, saying the QR code stops working; Cancel keeps the table', async () => {
    const server = fakeTables(['Table 4', 'Table 5']);
    renderTables(server.onCall);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Table 4' }));
    const confirm = screen.getByRole('group', { name: /Remove Table 4\?/ });
    expect(confirm.textContent).toMatch(/QR code stops working/);
    // Focus on Cancel: a second Enter does no harm.
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(confirm, { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(calledWith('tables.remove')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove Table 4' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Table 4' }));
    await vi.waitFor(() => expect(rows()).toEqual(['Table 5']));
    expect(lastCall(calls, 'tables.remove').input).toEqual({ tableId: 1 });
    expect(screen.getByRole('status').textContent).toBe(
      'Removed Table 4. Its QR code no longer works.',
    );
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Tables' }));
  });

  it('asks before a new code, saying the old one stops working, then shows the new link', async () => {
    const server = fakeTables(['Table 4']);
    renderTables(server.onCall);
    const oldLink = within(
      (await screen.findByRole('heading', { level: 3, name: 'Table 4' })).closest('li')!,
    )
      .getByRole('link')
      .getAttribute('href');
    fireEvent.click(screen.getByRole('button', { name: 'New code Table 4' }));
    const confirm = screen.getByRole('group', { name: /new QR code/ });
    expect(confirm.textContent).toMatch(/printed code stops working/);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Make a new code for Table 4' }));
    await vi.waitFor(() =>
      expect(within(row('Table 4')).getByRole('link').getAttribute('href')).not.toBe(oldLink),
    );
    expect(within(row('Table 4')).getByRole('link').getAttribute('href')).toContain('renewed-1');
    expect(screen.getByRole('status').textContent).toMatch(/Table 4 has a new QR code/);
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New code Table 4' })),
    );
  });

  it('shows a refused removal in the row', async () => {
    const server = fakeTables(['Table 4']);
    renderTables((call) => {
      if (call.path === 'tables.remove') call.refuse('NOT_FOUND', 'That table does not exist.');
      else server.onCall(call);
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Table 4' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove Table 4' }));
    });
    expect(await screen.findByText('That table does not exist.')).toBeTruthy();
  });
});
