/**
 * A refused checkout in the guest's words. The server's messages are already
 * written for people; this adds what to do next, and points each cart
 * problem at its line.
 */
import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@ticketrail/server';
import type { CartProblemKind } from '@ticketrail/shared';

export interface Refusal {
  /** What happened, one or two sentences. */
  message: string;
  /** Problems that belong to one line, by the index of the line as sent. */
  lineProblems: Map<number, string>;
  /** Problems about an item as a whole (too few left for every line of it), by item id. */
  itemProblems: Map<number, string>;
  /**
   * The request may have reached the restaurant: the same key must be sent
   * again, and retrying is safe.
   */
  retrySafe: boolean;
}

type Kind = CartProblemKind | 'closed' | 'throttled' | 'network' | 'other';

const isApiError = (error: unknown): error is TRPCClientError<AppRouter> =>
  error instanceof TRPCClientError;

function kindOf(error: unknown): Kind {
  if (!isApiError(error)) return 'network';
  const code = error.data?.code;
  if (code === 'PRECONDITION_FAILED') return 'closed';
  if (code === 'TOO_MANY_REQUESTS') return 'throttled';
  if (code === 'UNPROCESSABLE_CONTENT') return error.data?.problems?.[0]?.kind ?? 'other';
  // No answer from the server at all (offline, timeout): tRPC gives no code.
  if (!error.data) return 'network';
  return 'other';
}

export function describeRefusal(error: unknown): Refusal {
  const kind = kindOf(error);
  if (kind === 'network') {
    return {
      message:
        'We could not reach the restaurant. Check your connection and tap "Place order" again: if the first try got through, it will not make a second order.',
      lineProblems: new Map(),
      itemProblems: new Map(),
      retrySafe: true,
    };
  }
  const apiError = isApiError(error) ? error : null;
  const serverMessage = apiError?.message ?? 'Something went wrong.';
  if (kind === 'throttled') {
    // Refused before anything was placed; the same key goes with the next try.
    return {
      message: `${serverMessage} Your order is kept here, and trying again will not make a second order.`,
      lineProblems: new Map(),
      itemProblems: new Map(),
      retrySafe: true,
    };
  }
  if (kind === 'closed') {
    return {
      message: `${serverMessage} Your order is saved here; try again when they open.`,
      lineProblems: new Map(),
      itemProblems: new Map(),
      retrySafe: false,
    };
  }
  const problems = apiError?.data?.problems ?? [];
  const lineProblems = new Map<number, string>();
  const itemProblems = new Map<number, string>();
  for (const problem of problems) {
    if (problem.line !== null) {
      if (!lineProblems.has(problem.line)) lineProblems.set(problem.line, problem.message);
    } else if (problem.itemId !== null && !itemProblems.has(problem.itemId)) {
      itemProblems.set(problem.itemId, problem.message);
    }
  }
  if (problems.length > 0) {
    const advice =
      kind === 'sold_out'
        ? 'Lower the quantity or remove it, then place the order again.'
        : 'Change or remove the marked items, then place the order again.';
    return {
      message: `${problems.map((problem) => problem.message).join(' ')} ${advice}`,
      lineProblems,
      itemProblems,
      retrySafe: false,
    };
  }
  return { message: serverMessage, lineProblems, itemProblems, retrySafe: false };
}
