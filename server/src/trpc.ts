/**
 * The only place that calls initTRPC. Procedures are built from the builders
 * exported here, so every one of them maps domain errors and formats bad input
 * the same way.
 */
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { ZodError } from 'zod';
import type { CartProblem } from '@ticketrail/shared';
import type { Context } from './context';
import { isDatabaseUnavailable } from './db/unavailable';
import { DomainError, type DomainErrorKind } from './errors';
import { authenticate } from './staff/sessions';
import type { AddressBudgetName } from './throttle';

const CODE_OF: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  invalid: 'BAD_REQUEST',
  cart_refused: 'UNPROCESSABLE_CONTENT',
  closed: 'PRECONDITION_FAILED',
  unauthenticated: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  throttled: 'TOO_MANY_REQUESTS',
};

export interface InputIssue {
  path: string;
  message: string;
}

/** `items[2].quantity` rather than ["items", 2, "quantity"]. */
function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

function inputIssues(error: ZodError): InputIssue[] {
  return error.issues.map((issue) => ({ path: pathText(issue.path), message: issue.message }));
}

/** Whole seconds to wait before trying again, for a throttled call; null otherwise. */
export function retryAfterSeconds(error: TRPCError): number | null {
  const ms = error.cause instanceof DomainError ? error.cause.retryAfterMs : null;
  return ms === null ? null : Math.max(1, Math.ceil(ms / 1000));
}

const t = initTRPC.context<Context>().create({
  isDev: process.env.NODE_ENV === 'development',
  // Live feeds are served over WebSocket only, where they are capped per
  // socket and per address; tRPC's HTTP (SSE) route for them stays closed
  // (http/trpc-gate.ts answers such a request before tRPC sees it).
  sse: { enabled: false },
  errorFormatter({ shape, error }) {
    const issues = error.cause instanceof ZodError ? inputIssues(error.cause) : null;
    const problems: readonly CartProblem[] | null =
      error.cause instanceof DomainError && error.cause.problems.length > 0
        ? error.cause.problems
        : null;
    const message = issues
      ? issues
          .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
          .join(' ')
      : error.code === 'INTERNAL_SERVER_ERROR'
        ? 'Something went wrong on our side. Please try again in a moment.'
        : shape.message;
    return {
      ...shape,
      message,
      data: { ...shape.data, issues, problems, retryAfterSeconds: retryAfterSeconds(error) },
    };
  },
});

/**
 * Domain errors become tRPC codes here and nowhere else. In tRPC v11 `next()`
 * does not throw; a failed call comes back as `{ ok: false }`.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: CODE_OF[cause.kind], message: cause.message, cause });
  }
  // A database restarting or failing over is not a bug of ours, and the same
  // call will pass in a moment: 503, which clients retry, rather than a 500.
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    if (isDatabaseUnavailable(result.error.cause)) {
      throw new TRPCError({
        code: 'SERVICE_UNAVAILABLE',
        message: 'We cannot reach our database right now. Please try again in a moment.',
        cause: result.error.cause,
      });
    }
  }
  return result;
});

/**
 * Each query's and mutation's time and outcome, for /metrics. Outermost, so
 * it sees the codes domain errors became and times the whole call (input
 * parsing, authentication, throttles). A subscription's lifetime is a whole
 * service, so only its start (or refusal) is counted.
 */
const measured = t.middleware(async ({ ctx, path, type, next }) => {
  const metrics = ctx.metrics;
  if (!metrics) return next();
  const started = performance.now();
  const result = await next();
  const code = result.ok ? null : result.error.code;
  if (type === 'subscription') metrics.subscribed(path, code);
  else metrics.called(path, type, (performance.now() - started) / 1000, code);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(measured).use(domainErrors);

/**
 * Public, within the caller's per-address budget for `budget` (generous: a
 * dining room shares one address). Refused calls are TOO_MANY_REQUESTS with
 * `data.retryAfterSeconds`.
 */
export const throttledProcedure = (budget: AddressBudgetName) =>
  publicProcedure.use(async ({ ctx, next }) => {
    await ctx.throttles.perAddress.take(budget, ctx.clientAddress);
    return next();
  });

/** Public, but knows the staff member when a session token came along (`ctx.staff` or null). */
export const maybeStaffProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const staff = ctx.sessionToken ? await authenticate(ctx.db, ctx.sessionToken, ctx.now()) : null;
  return next({ ctx: { ...ctx, staff } });
});

/** Signed-in staff of any role; `ctx.staff` says who and where they work. */
export const staffProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const staff = ctx.sessionToken ? await authenticate(ctx.db, ctx.sessionToken, ctx.now()) : null;
  if (!staff || !ctx.sessionToken) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'Please sign in again: your session has ended.',
    });
  }
  return next({ ctx: { ...ctx, staff, sessionToken: ctx.sessionToken } });
});

/** Managers only: menu, staff and settings. */
export const managerProcedure = staffProcedure.use(({ ctx, next }) => {
  if (ctx.staff.role !== 'manager') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only a manager can do this.' });
  }
  return next();
});
