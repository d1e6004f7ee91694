/**
 * Near-valid inputs: a valid input with a few things changed. Every input made
 * here ends with one BREAKER, a change no input schema of ours accepts (or,
 * for ids, one the domain refuses: an id nobody has). That is what lets the
 * suite demand that the database is unchanged afterwards: a junk call that
 * succeeded would be a legitimate change, not a defect, so none may succeed.
 * FLAVOURS come first and may or may not leave the input valid; the breaker
 * is applied last so no flavour can undo it.
 */
import fc from 'fast-check';
import { copy, defineKey, isRecord, nodesOf, typeOf, update, type Node } from './json-tree';

/** `replacement`, or a value built from it whose JSON type differs from `original`'s. */
function otherType(original: unknown, replacement: unknown): unknown {
  if (typeOf(original) !== typeOf(replacement)) return replacement;
  if (typeof replacement === 'string') return [replacement];
  if (typeof replacement === 'number' || typeof replacement === 'boolean') {
    return String(replacement);
  }
  return replacement === null ? 0 : { value: replacement };
}

/** Numbers no field of ours accepts: negative, fractional, past Postgres `integer`, past 2^53. */
export const BAD_NUMBERS = [-1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, 5e-324];

/** Keys that poison objects when a server copies input carelessly. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf'];

/** No string field of ours is longer than 300 characters (and trimming cannot shorten this). */
const longString = fc
  .tuple(
    fc.constantFrom('x', 'é', '🍔', '中', '\u202e', 'a\u0301'),
    fc.integer({ min: 301, max: 4000 }),
  )
  .map(([unit, count]) => unit.repeat(count));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Keys whose values name a row; an unknown value of the right shape is refused by the domain. */
const ID_KEYS = /(^id$|Ids?$)/;
const NAME_KEYS = new Set(['locationSlug', 'token', 'tableSecret']);

/**
 * Ids (by their key's name, not their look: an idempotency key is a UUID too,
 * and a fresh one would place a real order), slugs and secrets.
 */
const isIdLike = (node: Node) =>
  node.key !== null &&
  ((ID_KEYS.test(node.key) && (typeof node.value === 'number' || UUID.test(String(node.value)))) ||
    (typeof node.value === 'string' && NAME_KEYS.has(node.key)));

/** An id nobody holds, shaped like the one it replaces. */
const unknownIdFor = (node: Node, junk: UnknownIds): unknown => {
  if (typeof node.value === 'number') return junk.number;
  if (UUID.test(String(node.value))) return junk.uuid;
  return node.key === 'locationSlug' ? `zz-${junk.slug}` : junk.token;
};

interface UnknownIds {
  number: number;
  uuid: string;
  slug: string;
  token: string;
}

const unknownIds: fc.Arbitrary<UnknownIds> = fc.record({
  number: fc.integer({ min: 1_000_000, max: 2_147_483_647 }),
  uuid: fc.uuid(),
  slug: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
  token: fc.stringMatching(/^[A-Za-z0-9_-]{16,60}$/),
});

export type Breaker =
  | { kind: 'retype'; pick: number; value: unknown }
  | { kind: 'badNumber'; pick: number; value: number }
  | { kind: 'longString'; pick: number; value: string }
  | { kind: 'extraKey'; pick: number; key: string; value: unknown }
  | { kind: 'reshape'; pick: number }
  | { kind: 'deepNest'; pick: number; depth: number; asArray: boolean }
  | { kind: 'unknownId'; pick: number; ids: UnknownIds };

export type Flavour =
  | { kind: 'dropKey'; pick: number }
  | { kind: 'nullify'; pick: number }
  | { kind: 'unicode'; pick: number; value: string }
  | { kind: 'duplicate'; pick: number };

/**
 * Weighted towards breakers that pass the schema and reach the domain (an
 * unknown id, a number past a column's range): that is where a 5xx hides.
 */
export function breakerArbitrary(junk: fc.Arbitrary<unknown>): fc.Arbitrary<Breaker> {
  const pick = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constant('retype' as const), pick, value: junk }),
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('badNumber' as const),
        pick,
        value: fc.constantFrom(...BAD_NUMBERS),
      }),
    },
    fc.record({ kind: fc.constant('longString' as const), pick, value: longString }),
    fc.record({
      kind: fc.constant('extraKey' as const),
      pick,
      key: fc.oneof(
        fc.constantFrom(...PROTOTYPE_KEYS),
        fc.string().map((s) => `junk-${s}`),
      ),
      value: junk,
    }),
    fc.record({ kind: fc.constant('reshape' as const), pick }),
    fc.record({
      kind: fc.constant('deepNest' as const),
      pick,
      depth: fc.integer({ min: 2, max: 300 }),
      asArray: fc.boolean(),
    }),
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('unknownId' as const), pick, ids: unknownIds }),
    },
  );
}

/** Breakers a schema lets through: only the domain can refuse them. */
export const domainBreakerArbitrary: fc.Arbitrary<Breaker> = fc.oneof(
  fc.record({
    kind: fc.constant('badNumber' as const),
    pick: fc.nat(),
    value: fc.constantFrom(...BAD_NUMBERS),
  }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('unknownId' as const),
      pick: fc.nat(),
      ids: unknownIds,
    }),
  },
);

/** Weighted towards flavours that keep the input valid, so the breaker is often all that is wrong. */
export function flavourArbitrary(unicode: fc.Arbitrary<string>): fc.Arbitrary<Flavour> {
  const pick = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constant('dropKey' as const), pick }),
    fc.record({ kind: fc.constant('nullify' as const), pick }),
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('unicode' as const), pick, value: unicode }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), pick }) },
  );
}

const choose = <T>(items: readonly T[], pick: number): T | undefined =>
  items.length === 0 ? undefined : items[pick % items.length];

function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = asArray ? [value] : { a: value };
  return value;
}

export function applyFlavour(root: unknown, flavour: Flavour): unknown {
  const nodes = nodesOf(root);
  const inner = nodes.filter((node) => node.path.length > 0);
  switch (flavour.kind) {
    case 'dropKey': {
      const node = choose(inner, flavour.pick);
      return node ? update(root, node.path, (old) => old, true) : root;
    }
    case 'nullify': {
      const node = choose(inner, flavour.pick);
      return node ? update(root, node.path, () => null) : root;
    }
    case 'unicode': {
      const node = choose(
        nodes.filter((candidate) => typeof candidate.value === 'string'),
        flavour.pick,
      );
      return node ? update(root, node.path, () => flavour.value) : root;
    }
    case 'duplicate': {
      const node = choose(
        nodes.filter((candidate) => Array.isArray(candidate.value)),
        flavour.pick,
      );
      return node
        ? update(root, node.path, (old) => [...(old as unknown[]), ...(old as unknown[])])
        : root;
    }
  }
}

export function applyBreaker(root: unknown, breaker: Breaker): unknown {
  const nodes = nodesOf(root);
  const leaves = nodes.filter((node) => !isRecord(node.value) && !Array.isArray(node.value));
  const retype = () => {
    const node = choose(nodes, breaker.pick) ?? { path: [], value: root, key: null };
    const value = breaker.kind === 'retype' || breaker.kind === 'extraKey' ? breaker.value : 0;
    return update(root, node.path, (old) => otherType(old, value));
  };
  switch (breaker.kind) {
    case 'retype':
      return retype();
    case 'badNumber': {
      const node = choose(
        leaves.filter((leaf) => typeof leaf.value === 'number'),
        breaker.pick,
      );
      return node ? update(root, node.path, () => breaker.value) : retype();
    }
    case 'longString': {
      const node = choose(
        leaves.filter((leaf) => typeof leaf.value === 'string'),
        breaker.pick,
      );
      return node ? update(root, node.path, () => breaker.value) : retype();
    }
    case 'extraKey': {
      const node = choose(
        nodes.filter((candidate) => isRecord(candidate.value)),
        breaker.pick,
      );
      if (!node) return retype();
      return update(root, node.path, (old) => {
        const out = copy(old) as Record<string, unknown>;
        defineKey(out, breaker.key, breaker.value);
        return out;
      });
    }
    case 'reshape': {
      const node = choose(
        nodes.filter((candidate) => isRecord(candidate.value) || Array.isArray(candidate.value)),
        breaker.pick,
      );
      if (!node) return retype();
      return update(root, node.path, (old) => (Array.isArray(old) ? { ...old } : [old]));
    }
    case 'deepNest': {
      const node = choose(leaves, breaker.pick);
      const value = nested(breaker.depth, breaker.asArray);
      return node ? update(root, node.path, () => value) : retype();
    }
    case 'unknownId': {
      const node = choose(leaves.filter(isIdLike), breaker.pick);
      return node ? update(root, node.path, () => unknownIdFor(node, breaker.ids)) : retype();
    }
  }
}
