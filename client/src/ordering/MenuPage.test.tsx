// @vitest-environment jsdom
/**
 * The menu page as a component: the option rules said next to their group,
 * the cart priced by the server's quote, an item 86ed by the live feed while
 * it sits in the cart, and a refusal that keeps the cart. The API is answered
 * by the test (the browser tests use the real server).
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApiProviders, lastCall, type FakeCall } from '../test-support/fake-api';
import { MenuPage } from './MenuPage';
import { BURGER, FRIES, testMenu } from './test-menu';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  window.localStorage.clear();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/l/harbour-kitchen');
});
afterEach(cleanup);

function renderMenu() {
  const Providers = fakeApiProviders(calls, (call) => {
    if (call.path === 'menu.get') call.answer(testMenu());
  });
  render(
    <Providers>
      <MenuPage slug="harbour-kitchen" />
    </Providers>,
  );
}

const dialog = (name: string | RegExp) => screen.getByRole('dialog', { name });

async function addBurger() {
  fireEvent.click(await screen.findByRole('button', { name: /^Smash Burger/ }));
  const burger = dialog('Smash Burger');
  fireEvent.click(within(burger).getByLabelText(/^Triple patty/));
  fireEvent.click(within(burger).getByLabelText(/^Cheese/));
  fireEvent.click(within(burger).getByRole('button', { name: /^Add 1/ }));
}

describe('choosing options', () => {
  it('says what a group still needs, refuses past the maximum, and prices the choice', async () => {
    renderMenu();
    fireEvent.click(await screen.findByRole('button', { name: /^Smash Burger/ }));
    const burger = dialog('Smash Burger');
    expect(within(burger).getByText('Required · choose 1')).toBeTruthy();
    expect(within(burger).getByText('Contains:').parentElement?.textContent).toBe(
      'Contains: gluten, milk',
    );

    // Nothing chosen yet: adding explains instead of adding.
    fireEvent.click(within(burger).getByRole('button', { name: 'Add 1 · €14.50' }));
    expect(within(burger).getByRole('alert').textContent).toBe('Choose a size.');

    fireEvent.click(within(burger).getByLabelText(/^Triple patty/));
    expect(within(burger).queryByRole('alert')).toBeNull();
    fireEvent.click(within(burger).getByLabelText(/^Cheese/));
    fireEvent.click(within(burger).getByLabelText(/^Bacon/));
    fireEvent.click(within(burger).getByLabelText(/^Jalapeños/));
    expect(
      within(burger).getByText('You can choose up to 2 extras. Remove one first.'),
    ).toBeTruthy();
    expect(within(burger).getByLabelText<HTMLInputElement>(/^Jalapeños/).checked).toBe(false);
    expect(within(burger).getByLabelText<HTMLInputElement>(/^Egg/).disabled).toBe(true);

    fireEvent.click(within(burger).getByRole('button', { name: 'One more Smash Burger' }));
    // (14.50 + 3.00 + 1.50 + 2.00) × 2
    fireEvent.click(within(burger).getByRole('button', { name: 'Add 2 · €42.00' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: /^View order · 2 items/ })).toBeTruthy();
  });
});

describe('the cart', () => {
  it('shows the server’s quote for exactly the cart, and keeps it across a reload', async () => {
    renderMenu();
    await addBurger();
    fireEvent.click(screen.getByRole('button', { name: /^View order/ }));
    // The cart is its own chunk (fetched once the cart has a line): it may take a moment.
    await screen.findByRole('dialog', { name: /^Your order/ });
    const quote = lastCall(calls, 'orders.quote');
    expect(quote.input).toEqual({
      locationSlug: 'harbour-kitchen',
      items: [{ itemId: BURGER.id, quantity: 1, optionIds: [12, 21] }],
    });
    const cart = dialog(/^Your order/);
    expect(within(cart).getByText('Working out your total…')).toBeTruthy();
    expect(
      within(cart).getByRole<HTMLButtonElement>('button', { name: 'Place order' }).disabled,
    ).toBe(true);
    // The server's figure is shown even where it differs from the menu's sum: it decides.
    act(() =>
      quote.answer({
        currency: 'EUR',
        lines: [
          {
            itemId: BURGER.id,
            name: BURGER.name,
            station: 'grill',
            allergens: [],
            quantity: 1,
            unitPriceCents: 1999,
            options: [],
            notes: null,
            lineTotalCents: 1999,
          },
        ],
        subtotalCents: 1999,
        totalCents: 1999,
      }),
    );
    await within(cart).findByText('€19.99', { selector: '.totals__total dd' });
    expect(
      within(cart).getByRole<HTMLButtonElement>('button', { name: 'Place order' }).disabled,
    ).toBe(false);

    // A reload finds the same cart.
    cleanup();
    renderMenu();
    expect(await screen.findByRole('button', { name: /^View order · 1 item/ })).toBeTruthy();
  });

  it('marks a line the kitchen 86es while it sits in the cart, and will not order it', async () => {
    renderMenu();
    await addBurger();
    fireEvent.click(screen.getByRole('button', { name: /^Skinny fries/ }));
    fireEvent.click(within(dialog('Skinny fries')).getByRole('button', { name: /^Add 1/ }));
    fireEvent.click(screen.getByRole('button', { name: /^View order/ }));
    await screen.findByRole('dialog', { name: /^Your order/ });
    const feed = lastCall(calls, 'menu.live');
    act(() =>
      feed.answer({
        id: '2',
        data: {
          type: 'menu.availability',
          itemId: FRIES.id,
          name: FRIES.name,
          available: false,
          soldOut: false,
        },
      }),
    );

    const cart = dialog(/^Your order/);
    expect(within(cart).getByText('Not available right now. Remove it to order.')).toBeTruthy();
    expect(
      within(cart).getByText(
        'Some items can no longer be ordered. Remove the marked ones to go on.',
      ),
    ).toBeTruthy();
    // Only the orderable line is quoted.
    expect(lastCall(calls, 'orders.quote').input).toMatchObject({ items: [{ itemId: BURGER.id }] });
    fireEvent.click(within(cart).getByRole('button', { name: 'Close' }));
    expect(screen.getByText('1 can’t be ordered')).toBeTruthy();
    expect(
      screen.getByRole('button', { name: /^Skinny fries.*Not available right now/ }),
    ).toBeTruthy();
  });

  it('explains a refused placement in plain words and keeps the cart', async () => {
    renderMenu();
    await addBurger();
    fireEvent.click(screen.getByRole('button', { name: /^View order/ }));
    const cart = await screen.findByRole('dialog', { name: /^Your order/ });
    act(() =>
      lastCall(calls, 'orders.quote').answer({
        currency: 'EUR',
        lines: [],
        subtotalCents: 1800,
        totalCents: 1800,
      }),
    );
    fireEvent.change(within(cart).getByLabelText('Name for the order'), {
      target: { value: 'Gráinne' },
    });
    await waitFor(() =>
      expect(
        within(cart).getByRole<HTMLButtonElement>('button', { name: 'Place order' }).disabled,
      ).toBe(false),
    );
    fireEvent.click(within(cart).getByRole('button', { name: 'Place order' }));
    const place = await waitFor(() => lastCall(calls, 'orders.place'));
    expect(place.input).toMatchObject({
      locationSlug: 'harbour-kitchen',
      guest: { name: 'Gráinne' },
      fulfilment: { type: 'pickup' },
      items: [{ itemId: BURGER.id, quantity: 1, optionIds: [12, 21] }],
    });
    // A second tap while the first is on its way sends nothing.
    fireEvent.click(within(cart).getByRole('button', { name: 'Placing your order…' }));
    expect(calls.filter((call) => call.path === 'orders.place')).toHaveLength(1);

    act(() =>
      place.refuse('UNPROCESSABLE_CONTENT', 'Smash Burger is sold out.', {
        problems: [
          { kind: 'sold_out', line: null, itemId: BURGER.id, message: 'Smash Burger is sold out.' },
        ],
      }),
    );
    await within(cart).findByText(
      'Smash Burger is sold out. Lower the quantity or remove it, then place the order again.',
    );
    expect(within(cart).getByText(/1 × Smash Burger/)).toBeTruthy();
  });
});

describe('dietary needs', () => {
  it('hides the dishes with an avoided allergen, says how many, and remembers it', async () => {
    renderMenu();
    fireEvent.click(await screen.findByRole('button', { name: 'Dietary needs' }));
    const sheet = dialog('Dietary needs');
    fireEvent.click(within(sheet).getByLabelText('milk'));
    expect(within(sheet).getByRole('button', { name: 'Done · 1 hidden' })).toBeTruthy();
    fireEvent.click(within(sheet).getByRole('button', { name: 'Done · 1 hidden' }));

    expect(screen.queryByRole('button', { name: /^Smash Burger/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^Skinny fries/ })).toBeTruthy();
    expect(screen.getByText('1 dish hidden by your dietary needs.')).toBeTruthy();

    cleanup();
    renderMenu();
    expect(await screen.findByRole('button', { name: 'Dietary · 1' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(screen.getByRole('button', { name: /^Smash Burger/ })).toBeTruthy();
  });
});
