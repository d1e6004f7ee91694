// @vitest-environment jsdom
/**
 * Dish photos on the guest menu: a small square beside the dish, loaded
 * lazily with its size set (nothing moves as it arrives), and the sheet's
 * larger one described for screen readers. A dish without one shows none.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fakeApiProviders, type FakeCall } from '../test-support/fake-api';
import { MenuPage } from './MenuPage';
import { BURGER, FRIES, testMenu } from './test-menu';

const PHOTO = '/media/photos/abcdefghijklmnopqrstuv.webp';

let calls: FakeCall[];
beforeEach(() => {
  calls = [];
  window.localStorage.clear();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/l/harbour-kitchen');
});
afterEach(cleanup);

it('shows a dish’s photo in its row and its sheet, sized before it loads', async () => {
  const Providers = fakeApiProviders(calls, (call) => {
    if (call.path === 'menu.get') call.answer(testMenu([{ ...BURGER, photoUrl: PHOTO }, FRIES]));
  });
  render(
    <Providers>
      <MenuPage slug="harbour-kitchen" />
    </Providers>,
  );
  const row = await screen.findByRole('button', { name: /^Smash Burger/ });
  const thumbnail = row.querySelector('img');
  expect(thumbnail?.getAttribute('src')).toBe(PHOTO);
  expect(thumbnail?.getAttribute('loading')).toBe('lazy');
  expect([thumbnail?.getAttribute('width'), thumbnail?.getAttribute('height')]).toEqual([
    '72',
    '72',
  ]);
  // Beside the name it would only repeat it: the button reads as the dish.
  expect(thumbnail?.getAttribute('alt')).toBe('');
  expect(screen.getByRole('button', { name: /^Skinny fries/ }).querySelector('img')).toBeNull();

  fireEvent.click(row);
  const sheet = screen.getByRole('dialog', { name: 'Smash Burger' });
  const photo = within(sheet).getByRole('img', { name: 'Photo of Smash Burger' });
  expect(photo.getAttribute('src')).toBe(PHOTO);
  expect([photo.getAttribute('width'), photo.getAttribute('height')]).toEqual(['640', '480']);
});
