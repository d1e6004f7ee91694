/**
 * Junk values: anything JSON can carry, biased towards what breaks servers
 * (numbers past every range, numeric-looking strings, odd unicode, deep
 * nesting, prototype keys), and a procedure's input built from them.
 */
import fc from 'fast-check';
import type { Procedure } from './procedures';
import {
  applyBreaker,
  applyFlavour,
  BAD_NUMBERS,
  breakerArbitrary,
  domainBreakerArbitrary,
  flavourArbitrary,
  PROTOTYPE_KEYS,
} from './mutations';

/** Strings a number parser or a trimming validator may take for something else. */
const NUMBERISH = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x10',
  ' 1',
  '1 ',
  '01',
  '1_000',
  '',
  ' ',
];

/** Unicode that has broken text handling somewhere: NUL, lone surrogates, RTL, combining marks. */
const ODD_TEXT = [
  '\u0000',
  'Ao\u0000ife',
  '\ud800',
  '\udfff',
  '\u202eevil',
  'e\u0301\u0301\u0301',
  '🍔🍟'.repeat(20),
  '\ufeff',
  '\u2028\u2029',
  "'; drop table orders; --",
  '<script>alert(1)</script>',
  '%ff%00',
  '../../etc/passwd',
];

export const unicodeText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_TEXT),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** Poisoned objects; JSON.parse makes `__proto__` an own key, which a careless copy merges. */
function pollution(value: unknown): unknown {
  const out: Record<string, unknown> = {};
  Object.defineProperty(out, '__proto__', {
    value: { polluted: value, isAdmin: true },
    enumerable: true,
  });
  return out;
}

const specials: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...BAD_NUMBERS, 0, -0, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
  fc.constantFrom(...NUMBERISH, ...ODD_TEXT),
  fc.constantFrom(true, false, null, [], {}),
  fc.constantFrom(...PROTOTYPE_KEYS).map((key) => ({ [key]: { prototype: { polluted: true } } })),
  fc.jsonValue({ maxDepth: 2 }).map(pollution),
  fc.integer({ min: 2, max: 200 }).map((depth) => {
    let value: unknown = null;
    for (let level = 0; level < depth; level += 1) value = [value, { depth: level }];
    return value;
  }),
);

/** Any JSON value, with the specials mixed in at every depth. */
export const junkValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    specials,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...PROTOTYPE_KEYS)), tie('value'), {
      maxKeys: 5,
    }),
  ),
})).value;

/** What a call sends as its input; `absent` sends none at all. */
export type Input = { absent: true } | { absent: false; value: unknown };

export const inputValue = (input: Input): unknown => (input.absent ? undefined : input.value);

/** A valid seed with flavours, then one breaker: refused whatever the flavours did. */
export function nearValid(seeds: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc
    .record({
      seed: fc.constantFrom(...seeds),
      flavours: fc.array(flavourArbitrary(unicodeText), { maxLength: 2 }),
      breaker: breakerArbitrary(junkValue),
    })
    .map(({ seed, flavours, breaker }) =>
      applyBreaker(flavours.reduce(applyFlavour, seed), breaker),
    );
}

/** A valid seed with only an unknown id or an out-of-range number: past the schema, into the domain. */
export function pastTheSchema(seeds: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...seeds), domainBreakerArbitrary)
    .map(([seed, breaker]) => applyBreaker(seed, breaker));
}

/** A procedure's input: near-valid most of the time, else anything, or nothing. */
export function inputArbitrary(seeds: readonly unknown[]): fc.Arbitrary<Input> {
  const value = (arbitrary: fc.Arbitrary<unknown>) =>
    arbitrary.map((item): Input => ({ absent: false, value: item }));
  return fc.oneof(
    { arbitrary: value(nearValid(seeds)), weight: 4 },
    { arbitrary: value(pastTheSchema(seeds)), weight: 3 },
    { arbitrary: value(junkValue), weight: 2 },
    { arbitrary: fc.constant<Input>({ absent: true }), weight: 1 },
  );
}

/**
 * The input of one call. Queries and subscriptions sometimes get a valid
 * seed too (they change nothing, and it reaches further in); mutations
 * never, so no junk call can legitimately change a table.
 */
export function inputFor(procedure: Procedure, seeds: readonly unknown[]): fc.Arbitrary<Input> {
  if (procedure.type === 'mutation') return inputArbitrary(seeds);
  const valid = fc.constantFrom(...seeds).map((value): Input => ({ absent: false, value }));
  return fc.oneof({ arbitrary: inputArbitrary(seeds), weight: 4 }, valid);
}
