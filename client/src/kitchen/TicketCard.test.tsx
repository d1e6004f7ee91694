// @vitest-environment jsdom
/**
 * What a ticket card shows about notes and item state: an allergy typed as a
 * note reads as an allergy, and not-started items do not look like done ones.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TicketCard } from './TicketCard';
import { item, ticket } from '../test-support/orders';
import { SETTINGS } from './test-settings';
import type { KitchenTicket } from './kitchen-feed';
import type { TicketItem } from './board-model';

function renderCard(shown: KitchenTicket, items: TicketItem[] = shown.items) {
  render(
    <TicketCard
      entry={{ ticket: shown, items, stationDone: false }}
      settings={SETTINGS}
      position={1}
      selected={false}
      fresh={false}
      stationView={false}
      onSelect={() => {}}
      onBump={() => {}}
      onTapItem={() => {}}
    />,
  );
  return screen.getByRole('article');
}

afterEach(cleanup);

describe('notes on a ticket', () => {
  it('shows an allergy typed as a note as an allergy, and an ordinary note as a note', () => {
    const card = renderCard(
      ticket(7, {
        status: 'accepted',
        notes: 'coeliac at this table',
        items: [
          item('Smash Burger', { notes: 'NUT ALLERGY' }),
          item('Fries', { notes: 'extra crispy' }),
        ],
      }),
    );
    const notes = within(card).getAllByRole('note');
    expect(notes.map((note) => note.getAttribute('aria-label'))).toEqual([
      'Allergy: coeliac at this table',
      'Allergy: NUT ALLERGY',
      'Note: extra crispy',
    ]);

    expect(within(card).getAllByRole('note', { name: /Allergy/ })).toHaveLength(2);
    const itemAllergy = within(card).getByRole('note', { name: 'Allergy: NUT ALLERGY' });
    expect(itemAllergy.className).toContain('ticket-note--allergy');
    expect(itemAllergy.textContent).toBe('⚠ Allergy: NUT ALLERGY');

    const crispy = within(card).getByRole('note', { name: 'Note: extra crispy' });
    expect(crispy.className).not.toContain('allergy');
    expect(crispy.getAttribute('aria-label')).not.toMatch(/allerg/i);
    expect(crispy.textContent).toBe('“extra crispy”');

    const orderNote = within(card).getByRole('note', { name: 'Allergy: coeliac at this table' });
    expect(orderNote.className).toContain('ticket-note--order');
  });
});

describe('a ticket in brief (new, or ready to hand over)', () => {
  const order = () =>
    ticket(9, {
      items: [
        item('Smash Burger', {
          options: [
            { optionId: 1, group: 'Doneness', name: 'Medium', priceDeltaCents: 0 },
            { optionId: 2, group: 'Cheese', name: 'No cheese', priceDeltaCents: 0 },
          ],
          notes: 'no pickles',
          allergens: ['gluten', 'sesame'],
        }),
        item('Fries', { notes: 'NUT ALLERGY', allergens: ['gluten'] }),
      ],
    });

  it('shows its essential lines: names, allergy notes, its allergens once; the rest counted', () => {
    const card = renderCard(order());
    expect(card.className).toContain('ticket--compact');
    const text = card.textContent ?? '';
    expect(text).toContain('Smash Burger');
    expect(text).not.toContain('Medium');
    expect(text).not.toContain('no pickles');
    // Two options and a note wait in the details, and say so.
    expect(within(card).getByRole('button', { name: /Smash Burger/ }).textContent).toContain('+3');
    expect(text).toContain('3 options and notes in the details');
    expect(within(card).getByRole('note', { name: 'Allergy: NUT ALLERGY' })).toBeTruthy();
    expect(
      within(card)
        .getAllByLabelText(/^Allergens:/)
        .map((p) => p.textContent),
    ).toEqual(['⚠ gluten · sesame']);
  });

  it('shows everything once accepted', () => {
    const card = renderCard({ ...order(), status: 'accepted' });
    expect(card.className).not.toContain('ticket--compact');
    const text = card.textContent ?? '';
    expect(text).toContain('Medium');
    expect(text).toContain('“no pickles”');
    expect(text).not.toContain('+3');
    expect(
      within(card)
        .getAllByLabelText(/^Allergens:/)
        .map((p) => p.textContent),
    ).toEqual(['⚠ gluten · sesame', '⚠ gluten']);
  });

  it('leaves out the dishes’ allergens once ready, but never an allergy note', () => {
    const card = renderCard({ ...order(), status: 'ready' });
    expect(within(card).queryAllByLabelText(/^Allergens:/)).toEqual([]);
    expect(within(card).getByRole('note', { name: 'Allergy: NUT ALLERGY' })).toBeTruthy();
  });
});

describe('items on a ticket', () => {
  it('marks queued, cooking and done items apart', () => {
    const card = renderCard(
      ticket(8, {
        status: 'preparing',
        items: [
          item('Smash Burger', { status: 'queued' }),
          item('Fries', { status: 'cooking' }),
          item('Lemonade', { status: 'done' }),
        ],
      }),
    );
    const line = (name: string) => within(card).getByRole('button', { name: new RegExp(name) });
    const row = (name: string) => line(name).closest('li')!;

    expect(row('Smash Burger').className).toContain('ticket-item--queued');
    expect(row('Smash Burger').getAttribute('data-status')).toBe('queued');
    expect(line('Smash Burger').getAttribute('aria-pressed')).toBe('false');
    expect(line('Smash Burger').textContent).toContain('up next');

    expect(row('Fries').className).toContain('ticket-item--cooking');
    expect(line('Fries').textContent).toContain('Cooking');

    expect(row('Lemonade').className).toContain('ticket-item--done');
    expect(row('Lemonade').className).not.toContain('ticket-item--queued');
    expect(line('Lemonade').getAttribute('aria-pressed')).toBe('true');
    expect(line('Lemonade').textContent).toContain('done');
  });
});
