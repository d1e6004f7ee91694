/**
 * The typed API for the whole app, following the staff session: signing in or
 * out makes a new client, so the socket reconnects carrying the new token (a
 * socket's identity is fixed when it connects), and drops the old cache, so
 * nothing one account saw is shown to the next.
 *
 * Dependencies run one way: auth/ builds on api/ (the sign-in form calls
 * `auth.login` through this client), and api/ knows nothing of auth/. The
 * session arrives here as a prop, any store with `get` and `subscribe`
 * (main.tsx passes auth/session.ts), so the transport stays generic and a
 * change to how staff sign in never reaches into it.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createQueryClient, createTrpcClient, trpc } from './client';

/** Where the staff session token comes from, and how to hear that it changed. */
export interface SessionSource {
  get: () => string | null;
  subscribe: (listener: () => void) => () => void;
}

function ClientFor({ token, children }: { token: string | null; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [api] = useState(() => createTrpcClient({ getSessionToken: () => token }));
  // Closed once this session's pages are gone for good. Not at once: React's
  // development checks unmount and remount every effect, and a closed client
  // cannot reopen.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      setTimeout(() => {
        if (!mounted.current) void api.close();
      }, 0);
    };
  }, [api]);
  return (
    <trpc.Provider client={api.trpc} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}

export function ApiProvider({
  session,
  children,
}: {
  session: SessionSource;
  children: ReactNode;
}) {
  const token = useSyncExternalStore(session.subscribe, session.get);
  // A new key per session: a fresh client and cache, and the pages start over.
  return (
    <ClientFor key={token ?? 'guest'} token={token}>
      {children}
    </ClientFor>
  );
}
