/**
 * Domain errors say what went wrong in the restaurant's terms. The tRPC layer
 * turns each kind into a status code at one place (trpc.ts), so domain code
 * never imports tRPC.
 */
import type { CartProblem } from '@ticketrail/shared';

export type DomainErrorKind =
  /** The thing does not exist, or the caller may not know that it does. */
  | 'not_found'
  /** Someone else changed it first: reload and try again. */
  | 'conflict'
  /** The request is well formed but not allowed by the rules. */
  | 'invalid'
  /** The cart cannot be ordered as it is (gone, sold out, bad options). */
  | 'cart_refused'
  /** The restaurant is not taking orders. */
  | 'closed'
  | 'unauthenticated'
  | 'forbidden'
  /** Too many attempts from this caller just now; `retryAfterMs` says when to try again. */
  | 'throttled';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly problems: readonly CartProblem[] = [],
    /** For `throttled`: how long until another attempt can succeed. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new DomainError('not_found', message);
export const conflict = (message: string) => new DomainError('conflict', message);
export const invalid = (message: string) => new DomainError('invalid', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const unauthenticated = (message: string) => new DomainError('unauthenticated', message);

export const throttled = (message: string, retryAfterMs: number) =>
  new DomainError('throttled', message, [], retryAfterMs);

export function cartRefused(problems: readonly CartProblem[]): DomainError {
  const message = problems.map((problem) => problem.message).join(' ');
  return new DomainError('cart_refused', message, problems);
}
