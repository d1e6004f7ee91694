/**
 * The session ended on the server (signed out elsewhere, expired, or the
 * account deactivated): every staff page forgets it here and goes back to the
 * sign-in form with the server's words, rather than keep showing a screen that
 * no longer updates or saves.
 */
import { useEffect } from 'react';
import { session } from './session';

type Refusal = { message: string; data?: { code?: string } | null } | null | undefined;

/** True once one of `refusals` says the session is over (the sign-in form follows). */
export function useEndedSession(...refusals: Refusal[]): boolean {
  const ended = refusals.find((refusal) => refusal?.data?.code === 'UNAUTHORIZED')?.message;
  useEffect(() => {
    if (ended !== undefined) session.end(ended);
  }, [ended]);
  return ended !== undefined;
}
