/**
 * One ticking clock for every timer on a screen (the kitchen board's tickets, the ready
 * board's collected numbers): a single interval however many there are, and each timer re-renders alone, not the screen.
 */
import { useSyncExternalStore } from 'react';

type Listener = () => void;

const listeners = new Set<Listener>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const each of listeners) each();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const getNow = () => now;

/** The time now, in milliseconds, updated every second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getNow);
}
