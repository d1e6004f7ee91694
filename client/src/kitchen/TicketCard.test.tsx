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
