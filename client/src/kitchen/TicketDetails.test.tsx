// @vitest-environment jsdom
/**
 * A ticket's details and reject / cancel, on the board as a component: O and
 * X open the dialog, its items work by keyboard, the board's keys wait while
 * it is open, a reason is chosen then confirmed, the ticket leaves at once
 * and comes back if the server refuses, and each role sees only what it may
 * do. The API is a link the test answers by hand (the browser test uses the
 * real server).
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffRole } from '@ticketrail/shared';
import { fakeApiProviders, type FakeCall } from '../test-support/fake-api';
import { item, ticket } from '../test-support/orders';
import type { KitchenTicket } from './kitchen-feed';
import { KitchenBoard } from './KitchenBoard';
import { SETTINGS } from './test-settings';
import { pressKey } from './test-keys';

let calls: FakeCall[];

function renderBoard(tickets: KitchenTicket[], role: StaffRole = 'kitchen') {
  const Providers = fakeApiProviders(calls);
  render(
    <Providers>
      <KitchenBoard
        tickets={tickets}
        settings={SETTINGS}
        locationSlug="harbour-kitchen"
        station={null}
        role={role}
        muted
        onToggleMute={() => {}}
      />
    </Providers>,
  );
  const board = screen.getByRole('group', { name: 'Ticket board' });
  board.focus();
  return board;
}

const dialog = () => screen.getByRole('dialog', { name: /^Ticket #/ });
const queryDialog = () => screen.queryByRole('dialog');
const boardNumbers = () =>
  screen.queryAllByRole('article').map((card) => card.getAttribute('data-ticket'));
const transitions = () => calls.filter((call) => call.path === 'kitchen.transition');

beforeEach(() => {
  calls = [];
});

afterEach(cleanup);

describe('details (O)', () => {
  it('shows the whole ticket, works its items by keyboard, and Escape gives the keys back', async () => {
    const burger = item('Smash Burger', {
      quantity: 2,
      options: [{ optionId: 1, group: 'Doneness', name: 'Medium', priceDeltaCents: 0 }],
      notes: 'no pickles',
      allergens: ['gluten', 'sesame'],
    });
    const fries = item('Fries', { station: 'fry' });
    const board = renderBoard([
      ticket(42, {
        status: 'accepted',
        version: 2,
        type: 'dine_in',
        tableLabel: 'Table 7',
        guestName: 'Ciarán',
        notes: 'NUT ALLERGY at this table',
        items: [burger, fries],
        times: {
          ...ticket(42).times,
          acceptedAt: '2026-11-24T12:03:00.000Z',
        },
      }),
    ]);
    fireEvent.keyDown(board, { key: 'o' });
    const details = dialog();
    expect(details.getAttribute('open')).not.toBeNull();
    const text = details.textContent ?? '';
    for (const shown of [
      'Ticket #042',
      'Table 7',
      'Ciarán',
      'Medium',
      '“no pickles”',
      'Allergens: gluten, sesame',
      'Allergy: NUT ALLERGY at this table',
    ]) {
      expect(text).toContain(shown);
    }
    const stamps = [...details.querySelectorAll('time')].map((time) => time.dateTime);
    expect(stamps).toEqual([ticket(42).times.placedAt, '2026-11-24T12:03:00.000Z']);

    // Focus starts on the first item: Enter marks it done, as a tap on the card would.
    const burgerButton = within(details).getByRole('button', { name: /Smash Burger/ });
    expect(document.activeElement).toBe(burgerButton);
    expect(pressKey(burgerButton, 'Enter')).toBe(true);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({
      path: 'kitchen.setItemStatus',
      input: { orderItemId: burger.id, status: 'done' },
    });
    expect(burgerButton.getAttribute('aria-pressed')).toBe('true');
    // Enter in the dialog is the dialog's: nothing was bumped.
    expect(transitions()).toEqual([]);

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(queryDialog()).toBeNull();
    expect(document.activeElement).toBe(board);
  });

  it('leaves the board’s keys alone while open, even with nothing focused', () => {
    const board = renderBoard([ticket(1), ticket(2)]);
    fireEvent.keyDown(board, { key: 'O' });
    expect(dialog()).toBeTruthy();
    (document.activeElement as HTMLElement | null)?.blur();
    fireEvent.keyDown(window, { key: 'Enter' });
    fireEvent.keyDown(window, { key: 'ArrowDown' });
    fireEvent.keyDown(window, { key: 'x' });
    expect(transitions()).toEqual([]);
    expect(boardNumbers()).toEqual(['#001', '#002']);
    expect(within(dialog()).getByRole('heading', { level: 2 }).textContent).toBe('Ticket #001');
  });

  it('opens from a touch on the card’s number, and bumps from the dialog', async () => {
    renderBoard([ticket(1), ticket(2)]);
    fireEvent.click(screen.getByRole('button', { name: 'Details of #002' }));
    const details = dialog();
    expect(within(details).getByRole('heading', { level: 2 }).textContent).toBe('Ticket #002');
    fireEvent.click(within(details).getByRole('button', { name: 'Accept' }));
    expect(queryDialog()).toBeNull();
    await vi.waitFor(() => expect(transitions()).toHaveLength(1));
    expect(transitions()[0]!.input).toMatchObject({ to: 'accepted' });
  });
});

describe('reject or cancel (X)', () => {
  it('rejects a new ticket with a preset reason after a confirm, and it leaves at once', async () => {
    const placed = ticket(1);
    const board = renderBoard([placed, ticket(2)]);
    fireEvent.keyDown(board, { key: 'x' });
    const details = dialog();
    expect(within(details).getByRole('heading', { name: 'Why reject #001?' })).toBeTruthy();
    const reason = within(details).getByRole('button', { name: 'Out of an ingredient' });
    expect(document.activeElement).toBe(reason);
    pressKey(reason, 'Enter');
    // The confirm step opens on Back: a second Enter by mistake rejects nothing.
    const back = within(details).getByRole('button', { name: 'Back' });
    expect(document.activeElement).toBe(back);
    expect(details.textContent).toContain('Reason: Out of an ingredient');
    pressKey(back, 'Enter');
    expect(transitions()).toEqual([]);
    expect(document.activeElement).toBe(
      within(details).getByRole('button', { name: 'Out of an ingredient' }),
    );
    pressKey(document.activeElement!, 'Enter');
    fireEvent.click(within(details).getByRole('button', { name: 'Reject order #001' }));

    expect(queryDialog()).toBeNull();
    expect(boardNumbers()).toEqual(['#002']);
    expect(document.activeElement).toBe(board);
    await vi.waitFor(() => expect(transitions()).toHaveLength(1));
    expect(transitions()[0]!.input).toEqual({
      orderId: placed.id,
      expectedVersion: 1,
      to: 'rejected',
      reason: 'Out of an ingredient',
    });
  });

  it('puts the ticket back and says why when the server refuses', async () => {
    renderBoard([ticket(1)]);
    fireEvent.keyDown(window, { key: 'x' });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Kitchen closing' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Reject order #001' }));
    expect(boardNumbers()).toEqual([]);
    await vi.waitFor(() => expect(transitions()).toHaveLength(1));
    const message = 'Order 1 was changed on another screen (it is now accepted).';
    await act(async () => transitions()[0]!.refuse('CONFLICT', message));
    expect(boardNumbers()).toEqual(['#001']);
    expect(screen.getByRole('alert').textContent).toContain(message);
  });

  it('lets a manager cancel an accepted ticket with a reason of their own', async () => {
    const accepted = ticket(3, { status: 'accepted', version: 2 });
    renderBoard([accepted], 'manager');
    fireEvent.keyDown(window, { key: 'o' });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Cancel order…' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Other…' }));
    const field = within(dialog()).getByRole('textbox', { name: 'Other reason' });
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('maxlength')).toBe('200');
    const next = within(dialog()).getByRole('button', { name: 'Continue' });
    expect((next as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(field, { target: { value: '  Guest left before it was made ' } });
    fireEvent.submit(field.closest('form')!);
    expect(dialog().textContent).toContain('Reason: Guest left before it was made');
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Cancel order #003' }));
    await vi.waitFor(() => expect(transitions()).toHaveLength(1));
    expect(transitions()[0]!.input).toMatchObject({
      to: 'cancelled',
      reason: 'Guest left before it was made',
      expectedVersion: 2,
    });
  });

  it('does not offer the kitchen Cancel on an accepted ticket, and says who can', () => {
    renderBoard([ticket(4, { status: 'accepted', version: 2 })], 'kitchen');
    fireEvent.keyDown(window, { key: 'x' });
    const details = dialog();
    expect(within(details).queryByRole('button', { name: /Cancel|Reject/ })).toBeNull();
    const who = within(details).getByText(/^Only a manager or front of house can cancel/);
    expect(document.activeElement).toBe(who);
    expect(transitions()).toEqual([]);
  });

  it('closes by itself when the ticket leaves the board from another screen', () => {
    const Providers = fakeApiProviders(calls);
    const view = (tickets: KitchenTicket[]) => (
      <Providers>
        <KitchenBoard
          tickets={tickets}
          settings={SETTINGS}
          locationSlug="harbour-kitchen"
          station={null}
          role="kitchen"
          muted
          onToggleMute={() => {}}
        />
      </Providers>
    );
    const { rerender } = render(view([ticket(1), ticket(2)]));
    fireEvent.keyDown(window, { key: 'o' });
    expect(dialog()).toBeTruthy();
    rerender(view([ticket(2)]));
    expect(queryDialog()).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Ticket board' }));
  });
});
