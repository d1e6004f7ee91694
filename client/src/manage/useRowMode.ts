/**
 * Which part of a list row is open: its buttons ('view'), or one form or
 * confirm step in their place. Closing goes back to the buttons with focus on
 * the one the manager started from; that button is not in the page while the
 * step is open, so the focus waits until it is back.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';

type ButtonRef = RefObject<HTMLButtonElement | null>;

export function useRowMode<Mode extends string>() {
  const [mode, setMode] = useState<Mode | 'view'>('view');
  const returnTo = useRef<ButtonRef | null>(null);
  const close = (button: ButtonRef) => {
    returnTo.current = button;
    setMode('view');
  };
  useEffect(() => {
    if (mode !== 'view' || !returnTo.current) return;
    returnTo.current.current?.focus();
    returnTo.current = null;
  }, [mode]);
  return { mode, setMode, close };
}
