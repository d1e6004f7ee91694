// @vitest-environment jsdom
/**
 * The board as a component: what a ticket shows, timers crossing their
 * thresholds, and moves shown at once then kept or rolled back by the
 * server's answer. The API is a link the test answers by hand, so the moment
 * between a tap and the answer can be looked at (the browser tests use the
 * real server).
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffRole } from '@ticketrail/shared';
import { fakeApiProviders, lastCall, type FakeCall } from '../test-support/fake-api';
import { BURGER, testMenu } from '../ordering/test-menu';
import type { KitchenTicket } from './kitchen-feed';
import { KitchenBoard } from './KitchenBoard';
import { item, ticket } from '../test-support/orders';
import { SETTINGS } from './test-settings';
import { pressKey } from './test-keys';

let calls: FakeCall[];

function renderBoard(tickets: KitchenTicket[], role: StaffRole = 'kitchen') {
  const Providers = fakeApiProviders(calls);
  const view = (current: KitchenTicket[]) => (
    <KitchenBoard
      tickets={current}
      settings={SETTINGS}
      locationSlug="harbour-kitchen"
      station={null}
      role={role}
      muted
      onToggleMute={() => {}}
    />
  );
  const result = render(<Providers>{view(tickets)}</Providers>);
  return {
    ...result,
    /** The server's tickets change, as the live feed would deliver them. */
    feed: (next: KitchenTicket[]) => result.rerender(<Providers>{view(next)}</Providers>),
  };
}

const column = (name: 'New' | 'Preparing' | 'Ready') =>
  screen.getByRole('region', { name: new RegExp(`^${name}`) });
const numbersIn = (name: 'New' | 'Preparing' | 'Ready') =>
  within(column(name))
    .queryAllByRole('article')
    .map((card) => card.getAttribute('data-ticket'));

beforeEach(() => {
  calls = [];
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-11-24T12:10:00.000Z'));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('a ticket', () => {
  it('shows number, destination, guest, items with options, notes and allergens', () => {
    renderBoard([
      ticket(42, {
        status: 'accepted',
        type: 'dine_in',
        tableLabel: 'Table 7',
        guestName: 'Ciarán',
        notes: 'birthday, bring candles',
        items: [
          item('Smash Burger', {
            quantity: 2,
            options: [{ optionId: 1, group: 'Doneness', name: 'Medium', priceDeltaCents: 0 }],
            notes: 'no pickles',
            allergens: ['gluten', 'sesame'],
          }),
        ],
      }),
    ]);
    const card = screen.getByRole('article', { name: /Ticket #042, Table 7, Accepted/ });
    const text = card.textContent ?? '';
    expect(text).toContain('#042');
    expect(text).toContain('Ciarán');
    expect(text).toContain('“birthday, bring candles”');
    expect(text).toContain('2×');
    expect(text).toContain('Smash Burger');
    expect(text).toContain('Medium');
    expect(text).toContain('“no pickles”');
    expect(within(card).getByLabelText('Allergens: gluten, sesame').textContent).toContain(
      'gluten · sesame',
    );
    expect(within(card).getByRole('button', { name: 'Ready' })).toBeTruthy();
  });

  it('runs its timer and changes colour at 8 and 15 minutes', () => {
    // Placed 12:00:30; the clock says 12:08:29.
    vi.setSystemTime(new Date('2026-11-24T12:08:29.000Z'));
    renderBoard([
      ticket(1, { times: { ...ticket(1).times, placedAt: '2026-11-24T12:00:30.000Z' } }),
    ]);
    const timer = () => document.querySelector('.ticket .ticket__timer')!;
    expect(timer().textContent).toBe('7:59');
    expect(timer().getAttribute('data-level')).toBe('ok');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(timer().textContent).toBe('8:00');
    expect(timer().getAttribute('data-level')).toBe('warn');
    act(() => {
      vi.advanceTimersByTime(7 * 60_000);
    });
    expect(timer().textContent).toBe('15:00');
    expect(timer().getAttribute('data-level')).toBe('late');
  });
});

describe('moves', () => {
  it('a bump shows at once, and the answer keeps it', async () => {
    const placed = ticket(1);
    const board = renderBoard([placed]);
    fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    // Moved before the server has answered.
    expect(numbersIn('Preparing')).toEqual(['#001']);
    expect(numbersIn('New')).toEqual([]);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({
      path: 'kitchen.transition',
      input: { orderId: placed.id, expectedVersion: 1, to: 'accepted' },
    });
    const accepted = { ...placed, status: 'accepted' as const, version: 2 };
    await act(async () => calls[0]!.answer(accepted));
    expect(numbersIn('Preparing')).toEqual(['#001']);
    // The feed brings the same change: nothing moves, nothing doubles.
    board.feed([accepted]);
    expect(numbersIn('Preparing')).toEqual(['#001']);
    expect(screen.getAllByRole('article')).toHaveLength(1);
  });

  it('a bump the server refuses as a conflict rolls back and says why', async () => {
    renderBoard([ticket(1), ticket(2)]);
    const bump = within(screen.getByRole('article', { name: /#001/ })).getByRole('button', {
      name: 'Accept',
    });
    fireEvent.click(bump);
    expect(numbersIn('New')).toEqual(['#002']);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    const message =
      'Order 1 was changed on another screen (it is now accepted). The board has been refreshed; try again.';
    await act(async () => calls[0]!.refuse('CONFLICT', message));
    expect(numbersIn('New')).toEqual(['#001', '#002']);
    expect(numbersIn('Preparing')).toEqual([]);
    expect(screen.getByRole('alert').textContent).toContain(message);
  });

  it('two quick taps on one ticket go one after another, each on the version before', async () => {
    const burger = item('Burger');
    const fries = item('Fries', { station: 'fry' });
    const accepted = ticket(1, { status: 'accepted', version: 2, items: [burger, fries] });
    renderBoard([accepted]);
    fireEvent.click(screen.getByRole('button', { name: /Burger/ }));
    fireEvent.click(screen.getByRole('button', { name: /Fries/ }));
    // Both shown done at once; the ticket is ready as far as the screen can tell.
    expect(numbersIn('Ready')).toEqual(['#001']);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.input).toMatchObject({ orderItemId: burger.id, expectedVersion: 2 });
    await act(async () =>
      calls[0]!.answer({
        ...accepted,
        status: 'preparing',
        version: 3,
        items: [{ ...burger, status: 'done' }, fries],
      }),
    );
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.input).toMatchObject({ orderItemId: fries.id, expectedVersion: 3 });
  });

  it('Enter bumps the selected ticket, and the next one takes its place', async () => {
    renderBoard([ticket(1), ticket(2)]);
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(numbersIn('New')).toEqual(['#002']);
    expect(document.querySelector('.ticket--selected')?.getAttribute('data-ticket')).toBe('#002');
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(document.querySelector('.ticket--selected')?.getAttribute('data-ticket')).toBe('#001');
  });
});

describe('all day', () => {
  it('counts the open items across tickets when the panel is opened', () => {
    renderBoard([
      ticket(1, { items: [item('Burger', { quantity: 2 }), item('Fries', { station: 'fry' })] }),
      ticket(2, {
        status: 'preparing',
        items: [item('Burger'), item('Fries', { status: 'done' })],
      }),
    ]);
    fireEvent.keyDown(window, { key: 'a' });
    const panel = screen.getByRole('complementary', { name: 'All day' });
    const rows = within(panel)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual(['1Fries fry', '3Burger grill']);
  });
});

describe('keys on a focused control', () => {
  const bumps = () => calls.filter((call) => call.path === 'kitchen.transition');

  it('Enter or Space on a toolbar button presses the button and bumps nothing', () => {
    renderBoard([ticket(1)]);
    const allDay = screen.getByRole('button', { name: 'All day' });
    allDay.focus();
    expect(pressKey(allDay, 'Enter')).toBe(true);
    expect(screen.getByRole('complementary', { name: 'All day' })).toBeTruthy();
    expect(pressKey(allDay, ' ')).toBe(true);
    expect(screen.queryByRole('complementary', { name: 'All day' })).toBeNull();
    // The board's letters are the button's to ignore too.
    fireEvent.keyDown(allDay, { key: 'a' });
    expect(screen.queryByRole('complementary', { name: 'All day' })).toBeNull();
    expect(numbersIn('New')).toEqual(['#001']);
    expect(bumps()).toEqual([]);
  });

  it('Enter on "86 it" in the 86 panel 86es the item, and no order leaves the board', async () => {
    renderBoard([ticket(1, { status: 'ready', version: 3 })]);
    fireEvent.keyDown(window, { key: 'u' });
    await vi.waitFor(() => lastCall(calls, 'menu.get'));
    act(() => lastCall(calls, 'menu.get').answer(testMenu()));
    const eightySix = await screen.findByRole('button', { name: `86 ${BURGER.name}` });
    eightySix.focus();
    expect(pressKey(eightySix, 'Enter')).toBe(true);
    await vi.waitFor(() => lastCall(calls, 'menu.setAvailability'));
    expect(lastCall(calls, 'menu.setAvailability').input).toEqual({
      itemId: BURGER.id,
      available: false,
    });
    expect(numbersIn('Ready')).toEqual(['#001']);
    expect(bumps()).toEqual([]);
  });

  it('Enter on a ticket’s own controls (reached by a touch) does not also bump', () => {
    renderBoard([ticket(1, { status: 'accepted', version: 2, items: [item('Burger')] })]);
    const tap = screen.getByRole('button', { name: /Burger/ });
    tap.focus();
    fireEvent.keyDown(tap, { key: 'Enter' });
    expect(numbersIn('Preparing')).toEqual(['#001']);
    expect(bumps()).toEqual([]);
  });

  it('with the board focused, Enter bumps the selected ticket and arrows move', async () => {
    renderBoard([ticket(1), ticket(2, { status: 'accepted', version: 2 })]);
    const board = screen.getByRole('group', { name: 'Ticket board' });
    board.focus();
    expect(document.activeElement).toBe(board);
    fireEvent.keyDown(board, { key: 'ArrowRight' });
    expect(document.querySelector('.ticket--selected')?.getAttribute('data-ticket')).toBe('#002');
    expect(fireEvent.keyDown(board, { key: 'Enter' })).toBe(false);
    expect(numbersIn('Ready')).toEqual(['#002']);
    await vi.waitFor(() => expect(bumps()).toHaveLength(1));
    expect(bumps()[0]!.input).toMatchObject({ to: 'ready' });
  });

  it('D marks the selected ticket’s next item done, as a tap would', async () => {
    const burger = item('Burger');
    const fries = item('Fries', { station: 'fry' });
    renderBoard([ticket(1, { status: 'accepted', version: 2, items: [burger, fries] })]);
    const board = screen.getByRole('group', { name: 'Ticket board' });
    board.focus();
    const pressed = (name: RegExp) =>
      screen.getByRole('button', { name }).getAttribute('aria-pressed');
    fireEvent.keyDown(board, { key: 'd' });
    expect(pressed(/Burger/)).toBe('true');
    expect(pressed(/Fries/)).toBe('false');
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({
      path: 'kitchen.setItemStatus',
      input: { orderItemId: burger.id, status: 'done' },
    });
    fireEvent.keyDown(board, { key: 'D' });
    expect(pressed(/Fries/)).toBe('true');
    // Both done: ready, as far as the screen can tell.
    expect(numbersIn('Ready')).toEqual(['#001']);
  });

  it('a touch on a ticket gives the keys back to the board', () => {
    renderBoard([ticket(1), ticket(2)]);
    const bump = within(screen.getByRole('article', { name: /#002/ })).getByRole('button', {
      name: 'Accept',
    });
    bump.focus();
    fireEvent.click(bump);
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Ticket board' }));
    expect(numbersIn('Preparing')).toEqual(['#002']);
  });
});
