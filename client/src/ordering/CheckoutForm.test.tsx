// @vitest-environment jsdom
/**
 * The checkout's field messages (issue 13): a message said on "Place order"
 * goes as soon as the guest has put the field right, without pressing again,
 * and one still wrong says what is wrong now.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CheckoutForm } from './CheckoutForm';

beforeEach(() => window.localStorage.clear());
afterEach(cleanup);

function renderForm() {
  const onPlace = vi.fn();
  render(
    <CheckoutForm
      table={null}
      blockedReason={null}
      waiting={false}
      placing={false}
      refusal={null}
      onPlace={onPlace}
    />,
  );
  return onPlace;
}

const nameField = () => screen.getByRole('textbox', { name: /^Name for the order/ });
const phoneField = () => screen.getByRole('textbox', { name: /^Phone/ });
const place = () => fireEvent.click(screen.getByRole('button', { name: 'Place order' }));

describe('the checkout’s field messages', () => {
  it('takes "Please give a name" away as soon as a name is typed', () => {
    const onPlace = renderForm();
    place();
    expect(onPlace).not.toHaveBeenCalled();
    expect(screen.getByText('Please give a name for the order.')).toBeTruthy();
    expect(nameField().getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(nameField(), { target: { value: 'A' } });
    expect(screen.queryByText('Please give a name for the order.')).toBeNull();
    expect(nameField().hasAttribute('aria-invalid')).toBe(false);
    expect(nameField().hasAttribute('aria-describedby')).toBe(false);

    // Emptied again: quiet while typing, said again on "Place order".
    fireEvent.change(nameField(), { target: { value: '' } });
    expect(screen.queryByText('Please give a name for the order.')).toBeNull();
    place();
    expect(screen.getByText('Please give a name for the order.')).toBeTruthy();
    fireEvent.change(nameField(), { target: { value: 'Aoife' } });
    place();
    expect(onPlace).toHaveBeenCalledWith(
      expect.objectContaining({ guest: { name: 'Aoife' }, fulfilment: { type: 'pickup' } }),
    );
  });

  it('keeps a message only while its field is wrong, and does not flag a field early', () => {
    renderForm();
    fireEvent.change(phoneField(), { target: { value: 'call me' } });
    // Not pressed yet: nothing said while typing.
    expect(screen.queryByText('That does not look like a phone number.')).toBeNull();
    place();
    expect(screen.getByText('That does not look like a phone number.')).toBeTruthy();
    expect(screen.getByText('Please give a name for the order.')).toBeTruthy();

    fireEvent.change(nameField(), { target: { value: 'Aoife' } });
    expect(screen.queryByText('Please give a name for the order.')).toBeNull();
    // The phone is still wrong: its message stays.
    expect(screen.getByText('That does not look like a phone number.')).toBeTruthy();
    fireEvent.change(phoneField(), { target: { value: '087 123 4567' } });
    expect(screen.queryByText('That does not look like a phone number.')).toBeNull();
  });

  it('drops the address message when the guest switches from delivery to pickup', () => {
    renderForm();
    fireEvent.click(screen.getByRole('radio', { name: /^Delivery/ }));
    fireEvent.change(nameField(), { target: { value: 'Aoife' } });
    place();
    expect(screen.getByText('Please give a delivery address.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /^Pickup/ }));
    expect(screen.queryByText('Please give a delivery address.')).toBeNull();
  });
});
