/**
 * The API for component tests: a tRPC link that hands every call to the test,
 * which answers it at once, later, or never (a subscription stays open for
 * the test to push into). The browser tests use the real server instead.
 *
 * The providers also fix the pages' clock (`ClockContext`) at TEST_NOW, the
 * evening the test orders were placed, so no test depends on the day it runs,
 * and give the pages the app's router (its links and navigation) over the
 * test's window: a test puts the page's address there before rendering it.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterContextProvider, type RouterHistory } from '@tanstack/react-router';
import { TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '@ticketrail/server';
import type { ReactNode } from 'react';
import { trpc } from '../api/client';
import { ClockContext } from '../lib/clock-context';
import { createAppHistory } from '../lib/router-history';
import { createAppRouter } from '../routes';

/** When component tests happen: half an hour after the test orders' noon (test-support/orders.ts). */
export const TEST_NOW = new Date('2026-11-24T12:30:00.000Z');

export interface FakeCall {
  path: string;
  input: unknown;
  /** Answers a query or mutation; for a subscription, delivers one item. */
  answer(data: unknown): void;
  /** Refuses the call with a tRPC code and message (`data` adds to the error's data). */
  refuse(code: string, message: string, data?: Record<string, unknown>): void;
  /** Fails the call with no answer from the server: a socket closed under it, say. */
  drop(message: string): void;
}

/** A link that records each call and passes it to `onCall` (which may answer it, or not yet). */
export function fakeLink(
  calls: FakeCall[],
  onCall: (call: FakeCall) => void = () => {},
): TRPCLink<AppRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        const subscription = op.type === 'subscription';
        const call: FakeCall = {
          path: op.path,
          input: op.input,
          answer: (data) => {
            observer.next({ result: { type: 'data', data } });
            if (!subscription) observer.complete();
          },
          refuse: (code, message, data = {}) =>
            observer.error(
              TRPCClientError.from({
                error: { code: -32000, message, data: { code, httpStatus: 400, ...data } },
              }),
            ),
          drop: (message) => observer.error(TRPCClientError.from(new Error(message))),
        };
        calls.push(call);
        if (subscription) observer.next({ result: { type: 'started' } });
        onCall(call);
      });
}

/**
 * One history for the test file's window: each history wraps the window's
 * pushState and replaceState, and a wrapper per render would pile up.
 */
let history: RouterHistory | undefined;

/**
 * The app's router at the window's address, without rendering its routes: the
 * test renders the page itself.
 */
function testRouter() {
  history ??= createAppHistory();
  return createAppRouter({ history });
}

/** The providers a component under test needs, over `fakeLink`; the clock stands at `now`. */
export function fakeApiProviders(
  calls: FakeCall[],
  onCall?: (call: FakeCall) => void,
  { now = TEST_NOW }: { now?: Date } = {},
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const client = trpc.createClient({ links: [fakeLink(calls, onCall)] });
  const clock = () => new Date(now);
  const router = testRouter();
  return function Providers({ children }: { children: ReactNode }) {
    return (
      <trpc.Provider client={client} queryClient={queryClient}>
        <QueryClientProvider client={queryClient}>
          <ClockContext.Provider value={clock}>
            <RouterContextProvider router={router}>{children}</RouterContextProvider>
          </ClockContext.Provider>
        </QueryClientProvider>
      </trpc.Provider>
    );
  };
}

/** The latest call to `path`; fails the test when there is none. */
export function lastCall(calls: readonly FakeCall[], path: string): FakeCall {
  const call = calls.findLast((candidate) => candidate.path === path);
  if (!call) throw new Error(`No call to ${path}; calls: ${calls.map((c) => c.path).join(', ')}`);
  return call;
}
