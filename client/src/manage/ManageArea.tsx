/**
 * Who may be in the back office, and where: signed out, the staff sign-in
 * (the kitchen's); signed in without the manager's role, a plain refusal (the
 * server refuses those accounts too, so nothing here is a secret kept by the
 * screen); no location or one the manager does not work at, a choice of
 * location. Otherwise the frame, with the location for the page inside.
 */
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { trpc } from '../api/client';
import { useEndedSession } from '../auth/ended-session';
import { session } from '../auth/session';
import { SignIn } from '../auth/SignIn';
import { LoadError, Loading } from '../components/States';
import { LocationPicker, NotAManager } from './ManageRefusals';
import { ManageShell } from './ManageShell';

function SignedInArea({ slug, children }: { slug: string | null; children?: ReactNode }) {
  const me = trpc.auth.me.useQuery(undefined, { retry: false, staleTime: Infinity });
  const ended = useEndedSession(me.error);

  // A manager of one location has nothing to choose.
  const only =
    me.data?.role === 'manager' && me.data.locations.length === 1
      ? me.data.locations[0]
      : undefined;
  const navigate = useNavigate();
  useEffect(() => {
    if (slug === null && only) {
      void navigate({ to: '/manage/$slug', params: { slug: only.slug }, replace: true });
    }
  }, [slug, only, navigate]);

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
  if (me.data.role !== 'manager') return <NotAManager name={me.data.name} />;
  const location = me.data.locations.find((candidate) => candidate.slug === slug);
  if (!location) {
    return <LocationPicker slug={slug} name={me.data.name} locations={me.data.locations} />;
  }
  return (
    <ManageShell
      location={location}
      staffName={me.data.name}
      canSwitch={me.data.locations.length > 1}
    >
      {children}
    </ManageShell>
  );
}

/** `slug` null is `/manage`: choose a location. `children` is the page inside the frame. */
export function ManageArea({ slug, children }: { slug: string | null; children?: ReactNode }) {
  const token = useSyncExternalStore(session.subscribe, session.get);
  const endedReason = useSyncExternalStore(session.subscribe, session.endedReason);
  if (token === null) return <SignIn reason={endedReason} />;
  return <SignedInArea slug={slug}>{children}</SignedInArea>;
}
