/**
 * The typed API for the whole app, following the staff session: signing in or
 * out makes a new client, so the socket reconnects carrying the new token (a
 * socket's identity is fixed when it connects), and drops the old cache, so
 * nothing one account saw is shown to the next.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { session } from '../auth/session';
import { createQueryClient, createTrpcClient, trpc } from './client';

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

export function ApiProvider({ children }: { children: ReactNode }) {
  const token = useSyncExternalStore(session.subscribe, session.get);
  // A new key per session: a fresh client and cache, and the pages start over.
  return (
    <ClientFor key={token ?? 'guest'} token={token}>
      {children}
    </ClientFor>
  );
}
