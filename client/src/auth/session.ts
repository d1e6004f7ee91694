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
  const listeners = new Set<Listener>();
  return {
    get: () => token,
    set: (next) => {
      if (next === token) return;
      token = next;
      try {
        if (next === null) window.localStorage.removeItem(KEY);
        else window.localStorage.setItem(KEY, next);
      } catch {
        // See readStored: memory only.
      }
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page's one session. */
export const session = createSessionStore();
