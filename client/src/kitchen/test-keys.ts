/** Keys for the kitchen's component tests. */
import { fireEvent } from '@testing-library/react';

/**
 * A key on a focused element as a browser takes it: the page hears the
 * keydown, and unless it prevented the default, Enter or Space on a button or
 * link presses it (jsdom has no such default, so this does it by hand).
 * Returns whether the default went ahead.
 */
export function pressKey(element: Element, key: 'Enter' | ' '): boolean {
  const proceed = fireEvent.keyDown(element, { key });
  const pressable = key === 'Enter' ? 'button, a[href]' : 'button';
  if (proceed && element.matches(pressable)) {
    fireEvent.click(element);
  }
  return proceed;
}
