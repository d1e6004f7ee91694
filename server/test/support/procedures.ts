/**
 * The router's procedures, read from the router itself, and the checks that a
 * suite's table covers exactly them. The access matrix, the bad-input cases
 * and the junk seeds each compare their table with this list, so a procedure
 * added to the router fails those suites, by name, until each says what it
 * expects of it; and a procedure taken out fails them until its rows go too.
 */
import type { AnyTRPCProcedure, TRPCProcedureType, TRPCRouterRecord } from '@trpc/server';
import { appRouter, type AppRouter } from '../../src/router';

/** Every procedure's dotted path, from the router's type: `'orders.place' | 'live.status' | …`. */
type PathsOf<Routes, Prefix extends string = ''> = {
  [Key in keyof Routes & string]: Routes[Key] extends AnyTRPCProcedure
    ? `${Prefix}${Key}`
    : PathsOf<Routes[Key], `${Prefix}${Key}.`>;
}[keyof Routes & string];

export type ProcedurePath = PathsOf<AppRouter['_def']['record']>;

export interface RouterProcedure {
  path: string;
  type: TRPCProcedureType;
  /** False when the procedure has no input parser: tRPC ignores whatever is sent. */
  takesInput: boolean;
}

/** tRPC's own test (`isProcedure` in its router code): a procedure is a function, a router record is not. */
const isProcedure = (value: AnyTRPCProcedure | TRPCRouterRecord): value is AnyTRPCProcedure =>
  typeof value === 'function';

/**
 * `_def.record` is the nested record of routers and procedures, typed as it is
 * at run time. (`_def.procedures` is flat at run time but typed as the nested
 * record, so reading it needs a cast; the walk does not.)
 */
function walk(record: TRPCRouterRecord, prefix: string): RouterProcedure[] {
  return Object.entries(record).flatMap(([key, value]) =>
    isProcedure(value)
      ? [
          {
            path: `${prefix}${key}`,
            type: value._def.type,
            takesInput: value._def.inputs.length > 0,
          },
        ]
      : walk(value, `${prefix}${key}.`),
  );
}

export const routerProcedures: readonly RouterProcedure[] = walk(appRouter._def.record, '');

/**
 * Lazy routers load on first call, so a walk before that would not see their
 * procedures: a suite would cover too little without knowing. None are used;
 * this says so when one is.
 */
export const lazyRouters: readonly string[] = Object.keys(appRouter._def.lazy);

const routerPaths = new Set(routerProcedures.map((procedure) => procedure.path));

/**
 * What is wrong with a table that must name every procedure once (the access
 * matrix): one line per procedure it misses or names in vain. Empty when it
 * covers the router exactly.
 */
export function pathProblems(table: string, listed: Iterable<string>): string[] {
  const named = new Set(listed);
  return [
    ...routerProcedures
      .filter((procedure) => !named.has(procedure.path))
      .map((procedure) => `${procedure.path}: a ${procedure.type} with no row in ${table}`),
    ...[...named]
      .filter((path) => !routerPaths.has(path))
      .map((path) => `${path}: named in ${table}, but the router has no such procedure`),
    ...lazyRouters.map((path) => `${path}: a lazy router, whose procedures ${table} cannot see`),
  ];
}

/**
 * What is wrong with a table of inputs per procedure (bad-input cases, junk
 * seeds): every procedure that takes input needs at least one in `withInput`;
 * one that takes none must be listed in `withoutInput`, which the router then
 * confirms. One line per problem, naming the procedure; empty when all is well.
 */
export function inputProblems(
  table: string,
  withInput: Iterable<string>,
  withoutInput: Iterable<string>,
): string[] {
  const given = new Set(withInput);
  const none = new Set(withoutInput);
  const problems: string[] = [];
  for (const { path, type, takesInput } of routerProcedures) {
    if (takesInput && !given.has(path)) {
      problems.push(
        none.has(path)
          ? `${path}: listed in ${table} as taking no input, but the ${type} takes input`
          : `${path}: a ${type} that takes input, with none in ${table}`,
      );
    }
    if (!takesInput && !none.has(path)) {
      problems.push(
        given.has(path)
          ? `${path}: has inputs in ${table}, but the ${type} takes no input: list it as taking none`
          : `${path}: a ${type} that takes no input, not listed as such in ${table}`,
      );
    }
  }
  for (const path of new Set([...given, ...none])) {
    if (!routerPaths.has(path)) {
      problems.push(`${path}: named in ${table}, but the router has no such procedure`);
    }
  }
  problems.push(
    ...lazyRouters.map((path) => `${path}: a lazy router, whose procedures ${table} cannot see`),
  );
  return problems;
}

/**
 * Collects, while a test file is collected, the procedures its tests feed bad
 * input to: `it.each(refused.cases('orders.track', trackCases))` runs the
 * cases and records that orders.track has some. Since every test is collected
 * before any runs, `problems()` inside a test sees the whole file.
 */
export class RefusedInputs {
  readonly #withCases = new Set<string>();
  readonly #withoutInput = new Set<string>();

  constructor(readonly table: string) {}

  /** The cases, unchanged; a procedure counts as covered only when there is at least one. */
  cases<Case>(path: ProcedurePath, cases: Case[]): Case[] {
    if (cases.length > 0) this.#withCases.add(path);
    return cases;
  }

  /** Procedures that take no input, so there is none to refuse (checked against the router). */
  takeNoInput(...paths: ProcedurePath[]): void {
    for (const path of paths) this.#withoutInput.add(path);
  }

  problems(): string[] {
    return inputProblems(this.table, this.#withCases, this.#withoutInput);
  }
}
