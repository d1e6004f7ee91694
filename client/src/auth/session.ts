/**
 * The staff session on this device: the token from `auth.login`, kept in
 * localStorage so a kitchen tablet stays signed in across reloads. A tiny
 * store, so the API client and the pages follow sign-in and sign-out.
 */
const KEY = 'ticketrail.session';

type Listener = () => void;

export interface SessionStore {
  get: () => string | null;
  set: (token: string | null) => void;
  /**
   * Forgets the session because the server ended it (signed out elsewhere,
   * expired, the account deactivated), keeping the server's words for the
   * sign-in screen to say why.
   */
  end: (reason: string) => void;
  /** Why the last session ended, while nobody is signed in; null otherwise. */
  endedReason: () => string | null;
  subscribe: (listener: Listener) => () => void;
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    // Private browsing may refuse storage: the session then lasts as long as the page.
    return null;
  }
}

export function createSessionStore(): SessionStore {
  let token = readStored();
  // Memory only: a reload shows the plain sign-in form.
  let reason: string | null = null;
  const listeners = new Set<Listener>();
  const set = (next: string | null, why: string | null = null) => {
    if (next === token && why === reason) return;
    token = next;
    reason = why;
    try {
      if (next === null) window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, next);
    } catch {
      // See readStored: memory only.
    }
    for (const listener of listeners) listener();
  };
  return {
    get: () => token,
    set: (next) => set(next),
    end: (why) => set(null, why),
    endedReason: () => reason,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page's one session. */
export const session = createSessionStore();
