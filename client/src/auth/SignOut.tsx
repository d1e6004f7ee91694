/**
 * Who is signed in on this device, and the way out: for staff pages that have
 * no board header of their own, such as the kitchen picker a manager (who
 * works at more than one location) lands on after signing in.
 */
import { trpc } from '../api/client';
import { session } from './session';
import './auth.css';

export function SignOut({ name }: { name?: string | null | undefined }) {
  // Signed out here whatever the server says: a dead session is as good as ended.
  const logout = trpc.auth.logout.useMutation({ onSettled: () => session.set(null) });
  return (
    <p className="signed-in">
      {name ? (
        <span>
          Signed in as <strong>{name}</strong>
        </span>
      ) : null}
      <button
        type="button"
        className="signed-in__button"
        disabled={logout.isPending}
        onClick={() => logout.mutate()}
      >
        {logout.isPending ? 'Signing out…' : 'Sign out'}
      </button>
    </p>
  );
}
