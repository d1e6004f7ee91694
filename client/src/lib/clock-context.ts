/**
 * Where a page reads "now" when it judges dates: how old a recent order is,
 * say. The app reads the real clock; a test hands in a fixed moment, so what
 * it checks does not change with the day it runs. (Timers that tick every
 * second read `useNow` in clock.ts; their tests fake the timers instead.)
 */
import { createContext, useContext } from 'react';

/** The time now. */
export type Clock = () => Date;

export const realClock: Clock = () => new Date();

export const ClockContext = createContext<Clock>(realClock);

/** The clock this page reads: the real one unless a provider above says otherwise. */
export function useClock(): Clock {
  return useContext(ClockContext);
}
