/**
 * A typed tRPC client for test code that acts through the API, as another
 * device would: place an order as a guest, move a ticket as the kitchen.
 */
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AppRouter, RouterOutputs } from '@ticketrail/server';

export type Api = TRPCClient<AppRouter>;

/** A client for the server at `serverUrl`, signed in when a session token is given. */
export function createApi(serverUrl: string, sessionToken: string | null = null): Api {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${serverUrl}/trpc`,
        headers: () => (sessionToken ? { authorization: `Bearer ${sessionToken}` } : {}),
      }),
    ],
  });
}

export type SignedIn = RouterOutputs['auth']['login'] & { api: Api };

/** Signs a staff member in (see DEMO_STAFF for the demo logins); `api` acts as them. */
export async function signIn(
  serverUrl: string,
  email: string,
  password: string,
): Promise<SignedIn> {
  const session = await createApi(serverUrl).auth.login.mutate({ email, password });
  return { ...session, api: createApi(serverUrl, session.token) };
}
