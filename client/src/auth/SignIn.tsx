/** Staff sign-in: the kitchen board and the manager's pages start here. */
import { useState, type FormEvent } from 'react';
import { trpc } from '../api/client';
import { useCoolDown } from '../api/useCoolDown';
import { session } from './session';

export function SignIn({ reason }: { reason?: string | null | undefined }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // After "Too many sign-in attempts" the button waits as long as the server asked:
  // another try before then would only be refused, and extend the block.
  const coolDown = useCoolDown();
  const login = trpc.auth.login.useMutation({
    // A new session makes a new API client (ApiProvider), and the page starts over signed in.
    onSuccess: (result) => session.set(result.token),
    onError: (error) => void coolDown.after(error),
  });
  const held = login.isPending || coolDown.waiting;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (held) return;
    login.mutate({ email: email.trim(), password });
  };

  return (
    <main className="page page--narrow">
      <h1>Staff sign-in</h1>
      {reason ? (
        <p className="state" role="status">
          {reason}
        </p>
      ) : null}
      <form className="form" onSubmit={submit} aria-describedby="sign-in-error">
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <button type="submit" className="button" disabled={held}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <p id="sign-in-error" className="form__error" role="alert">
          {login.error?.message ?? ''}
        </p>
      </form>
    </main>
  );
}
