/**
 * The typed API client: queries and mutations over batched HTTP, subscriptions
 * over one WebSocket, and uploads (FormData: a dish's photo) each in a request
 * of their own, since a batch is JSON. Only types come from the server
 * package: the browser bundle holds no server code.
 */
import { QueryClient } from '@tanstack/react-query';
import {
  createWSClient,
  httpBatchLink,
  httpLink,
  isNonJsonSerializable,
  splitLink,
  TRPCClientError,
  wsLink,
  type TRPCClient,
} from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import type { AppRouter } from '@ticketrail/server';
import { MAX_BATCH_CALLS } from '@ticketrail/shared';
import { createBackoff, type RetryDelay } from './backoff';
import { createSocketBackoff } from './socket-backoff';

export const trpc = createTRPCReact<AppRouter>();

type ApiError = TRPCClientError<AppRouter>;
const httpStatusOf = (error: ApiError): number | undefined => error.data?.httpStatus;

/**
 * One retry for what may pass on a second try (a dropped connection, a server
 * restarting); none for an answer the server meant, like "order not found",
 * which would only keep the guest waiting for the same answer.
 */
export function retryOnce(failureCount: number, error: unknown): boolean {
  const status = error instanceof TRPCClientError ? httpStatusOf(error as ApiError) : undefined;
  const meant = typeof status === 'number' && status >= 400 && status < 500;
  return !meant && failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: retryOnce, refetchOnWindowFocus: false },
    },
  });
}

/** The socket keeps itself honest: a ping with no pong in time closes it, and it reconnects. */
export interface KeepAlive {
  intervalMs: number;
  pongTimeoutMs: number;
}

export interface ApiClientOptions {
  /** The staff session token, read at each request and each (re)connect; null for guests. */
  getSessionToken?: () => string | null;
  /** A guest's tracking token (from the tracking link), sent when the socket connects. */
  getTrackingToken?: () => string | null;
  /** Where queries and mutations go. Relative in the browser; absolute in tests. */
  httpUrl?: string;
  /** Where the socket connects; derived from the page's address by default. */
  wsUrl?: string;
  /** Node has no global WebSocket before v22: tests pass `WebSocket` from 'ws'. */
  WebSocket?: typeof globalThis.WebSocket;
  retryDelayMs?: RetryDelay;
  /**
   * A dropped Wi-Fi leaves a socket that looks open until TCP gives up minutes
   * later; a missed pong notices within intervalMs + pongTimeoutMs.
   */
  keepAlive?: KeepAlive;
}

export const DEFAULT_KEEP_ALIVE: KeepAlive = { intervalMs: 10_000, pongTimeoutMs: 4_000 };

export interface ApiClient {
  trpc: TRPCClient<AppRouter>;
  /** Closes the socket for good (ends every subscription); for tests and sign-out. */
  close(): Promise<void>;
}

/** ws(s)://<this host>/trpc: the server takes WebSocket upgrades on the tRPC path. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/trpc`;
}

export function createTrpcClient(options: ApiClientOptions = {}): ApiClient {
  const getSessionToken = options.getSessionToken ?? (() => null);
  const getTrackingToken = options.getTrackingToken ?? (() => null);
  const reconnects = createSocketBackoff(options.retryDelayMs ?? createBackoff());
  const wsClient = createWSClient({
    // A function, so the address is read when connecting rather than at import time.
    url: () => options.wsUrl ?? webSocketUrl(window.location),
    ...(options.WebSocket ? { WebSocket: options.WebSocket } : {}),
    // Browsers cannot set headers on a socket: the token is the first message instead.
    // Read at every (re)connect, so a socket opened after sign-in carries the new token.
    connectionParams: async () => {
      const token = getSessionToken();
      const trackingToken = getTrackingToken();
      return { ...(token ? { token } : {}), ...(trackingToken ? { trackingToken } : {}) };
    },
    retryDelayMs: reconnects.retryDelayMs,
    onOpen: reconnects.onOpen,
    onClose: reconnects.onClose,
    keepAlive: { enabled: true, ...(options.keepAlive ?? DEFAULT_KEEP_ALIVE) },
    // Pages without a live feed (the home page) then open no socket at all.
    lazy: { enabled: true, closeMs: 30_000 },
  });

  const url = options.httpUrl ?? '/trpc';
  const headers = () => {
    const token = getSessionToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  const client = trpc.createClient({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: wsClient }),
        false: splitLink({
          // A file goes as multipart in a request of its own: a batch can only carry JSON.
          condition: (op) => isNonJsonSerializable(op.input),
          true: httpLink({ url, headers }),
          false: httpBatchLink({
            url,
            // Queries too go as POST: a GET puts the input in the query string,
            // which access logs keep (a tracking token, say).
            methodOverride: 'POST',
            // The server refuses a bigger batch outright (400).
            maxItems: MAX_BATCH_CALLS,
            headers,
          }),
        }),
      }),
    ],
  });
  return { trpc: client, close: () => wsClient.close() };
}
