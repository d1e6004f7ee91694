/**
 * The staff pages' way in (the kitchen board, the back office): signed out,
 * the sign-in form, saying why the last session ended; signed in, the account
 * as the server knows it (`auth.me`), with the page's loading and error states
 * until it is there. A session the server has ended goes back to the form.
 */
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { RouterOutputs } from '@ticketrail/server';
import { trpc } from '../api/client';
import { LoadError, Loading } from '../components/States';
import { useEndedSession } from './ended-session';
import { session } from './session';
import { SignIn } from './SignIn';

export type Account = RouterOutputs['auth']['me'];

function SignedIn({ children }: { children: (account: Account) => ReactNode }) {
  const me = trpc.auth.me.useQuery(undefined, { retry: false, staleTime: Infinity });
  const ended = useEndedSession(me.error);
  if (me.isPending || ended) {
    return (
      <main className="page">
        <Loading what="your account" />
      </main>
    );
  }
  if (me.isError) {
    return (
      <main className="page">
        <LoadError message={me.error.message} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return children(me.data);
}

export function StaffGate({ children }: { children: (account: Account) => ReactNode }) {
  const token = useSyncExternalStore(session.subscribe, session.get);
  const endedReason = useSyncExternalStore(session.subscribe, session.endedReason);
  if (token === null) return <SignIn reason={endedReason} />;
  return <SignedIn>{children}</SignedIn>;
}

/**
 * At an address without a location (`/kitchen`, `/manage`) and one location to
 * choose from: goes straight to it (`go`), replacing the address.
 */
export function useOnlyLocation(
  slug: string | null,
  locations: readonly { slug: string }[],
  go: (slug: string) => void,
): void {
  const only = slug === null && locations.length === 1 ? locations[0]?.slug : undefined;
  useEffect(() => {
    if (only !== undefined) go(only);
  }, [only, go]);
}
