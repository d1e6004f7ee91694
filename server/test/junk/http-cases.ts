/**
 * HTTP requests made of junk: single calls and batches to real procedures with
 * junk inputs, methods, headers and sessions, and raw requests whose path,
 * method, content type or body is itself the junk.
 */
import fc from 'fast-check';
import type { HttpCase } from './http-client';
import { describeHttpCase, described } from './printing';
import { inputFor, inputValue, unicodeText, type Input } from './junk-values';
import { actsWithoutInput, seedsOf, type Procedure, type Sessions } from './procedures';

/** Who the request claims to be: nobody, a stranger with a made-up token, or real staff. */
type Auth = 'none' | 'junk' | 'kitchen' | 'manager';

/** Header values node:http will send: printable ASCII and Latin-1. */
const headerText = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((code) => code !== 0x7f)
    .map((code) => String.fromCharCode(code)),
  maxLength: 300,
});

const junkAuthorization = fc.oneof(
  headerText.map((token) => `Bearer ${token}`),
  headerText,
  fc.constantFrom(
    'Bearer',
    'Bearer ',
    'bearer a b',
    'Basic YWRtaW46YWRtaW4=',
    `Bearer ${'x'.repeat(12_000)}`,
  ),
);

function authHeaders(auth: Auth, junk: string, sessions: Sessions): Record<string, string> {
  if (auth === 'none') return {};
  if (auth === 'junk') return { authorization: junk };
  return { authorization: `Bearer ${sessions[auth]}` };
}

const extraHeaders = fc.record(
  {
    'x-forwarded-for': fc.oneof(
      headerText,
      fc.constantFrom('::1, 10.0.0.1', 'unknown', '999.1.1.1'),
    ),
    'content-encoding': fc.constantFrom('gzip', 'br', 'identity', 'junk'),
    accept: fc.constantFrom('text/event-stream', '*/*', 'application/jsonl'),
    'trpc-accept': fc.constantFrom('application/jsonl', 'junk'),
  },
  { requiredKeys: [] },
);

const ODD_METHODS = ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'TRACE'];
const oddMethod = fc.oneof(
  fc.constantFrom(...ODD_METHODS),
  fc.stringMatching(/^[A-Z]{1,10}$/).filter((method) => method !== 'CONNECT'),
);

const encodeInput = (value: unknown) => encodeURIComponent(JSON.stringify(value) ?? '');

interface Call {
  procedure: Procedure;
  input: Input;
}

const callArbitrary = (procedure: Procedure, seeds: Record<string, unknown[]>) =>
  inputFor(procedure, seedsOf(seeds, procedure.path)).map((input): Call => ({ procedure, input }));

/** Tokens only where no call could act on them whatever its input (see actsWithoutInput). */
const mayCarrySession = (calls: readonly Call[]) =>
  !calls.some((call) => actsWithoutInput(call.procedure));

const mutationsOf = (calls: readonly Call[]) =>
  calls.filter((call) => call.procedure.type === 'mutation').map((call) => call.procedure.path);

interface Method {
  /** The method tRPC expects for the first call's type; else `odd`. */
  natural: boolean;
  odd: string;
}

const describedCase = (c: HttpCase) => described(c, describeHttpCase(c));

/** The request for `calls`: the input in the query for GET and HEAD, else in a JSON body. */
function requestFor(
  calls: readonly Call[],
  batch: { payload: unknown } | null,
  method: Method,
  headers: Record<string, string>,
): HttpCase {
  const first = calls[0] as Call;
  const natural = first.procedure.type === 'mutation' ? 'POST' : 'GET';
  const verb = method.natural ? natural : method.odd;
  const paths = calls.map((call) => call.procedure.path).join(',');
  const payload = batch ? batch.payload : inputValue(first.input);
  const query = batch ? '?batch=1' : '';
  if (verb === 'GET' || verb === 'HEAD') {
    const input = payload === undefined ? '' : `${query ? '&' : '?'}input=${encodeInput(payload)}`;
    return describedCase({
      method: verb,
      path: `/trpc/${paths}${query}${input}`,
      headers,
      mutations: mutationsOf(calls),
    });
  }
  return describedCase({
    method: verb,
    path: `/trpc/${paths}${query}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: payload === undefined ? '' : (JSON.stringify(payload) ?? ''),
    mutations: mutationsOf(calls),
  });
}

const methodArbitrary: fc.Arbitrary<Method> = fc.record({
  natural: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, fc.constant(false)),
  odd: oddMethod,
});

/** One call to `procedure`, any way a client could send it. */
export function singleCall(
  procedure: Procedure,
  seeds: Record<string, unknown[]>,
  sessions: Sessions,
): fc.Arbitrary<HttpCase> {
  return fc
    .record({
      call: callArbitrary(procedure, seeds),
      method: methodArbitrary,
      // Mostly signed in: past the auth check is where inputs reach the domain.
      auth: fc.oneof(fc.constantFrom<Auth>('none', 'junk'), {
        weight: 3,
        arbitrary: fc.constantFrom<Auth>('kitchen', 'manager', 'manager'),
      }),
      junkAuth: junkAuthorization,
      extra: extraHeaders,
    })
    .map(({ call, method, auth, junkAuth, extra }) => {
      const who = mayCarrySession([call]) || auth === 'junk' ? auth : 'none';
      return requestFor([call], null, method, {
        ...extra,
        ...authHeaders(who, junkAuth, sessions),
      });
    });
}

/** A batch of calls (up to past MAX_BATCH_CALLS) with an input map that may itself be junk. */
export function batchCall(
  procedures: readonly Procedure[],
  seeds: Record<string, unknown[]>,
  sessions: Sessions,
): fc.Arbitrary<HttpCase> {
  const call = fc.constantFrom(...procedures).chain((procedure) => callArbitrary(procedure, seeds));
  return fc
    .record({
      calls: fc.array(call, { minLength: 1, maxLength: 20 }),
      shape: fc.constantFrom('map', 'map', 'map', 'sparse', 'array', 'junk-keys'),
      method: methodArbitrary,
      auth: fc.constantFrom<Auth>('none', 'junk', 'manager'),
      junkAuth: junkAuthorization,
    })
    .map(({ calls, shape, method, auth, junkAuth }) => {
      const values = calls.map((item) => inputValue(item.input));
      const map: Record<string, unknown> = {};
      values.forEach((value, index) => {
        if (shape === 'sparse' && index % 2 === 1) return;
        map[shape === 'junk-keys' ? `${index}x` : String(index)] = value;
      });
      const payload = shape === 'array' ? values : map;
      const who = mayCarrySession(calls) || auth !== 'manager' ? auth : 'none';
      return requestFor(calls, { payload }, method, authHeaders(who, junkAuth, sessions));
    });
}

/** Paths whose decoding or routing has broken servers: bad escapes, traversal, empty batches. */
const ODD_PATHS = [
  '/trpc/%ff',
  '/trpc/a%',
  '/trpc/%',
  '/trpc/%%30',
  '/trpc/%c0%af',
  '/trpc/%E2%82',
  '/trpc/menu.get%00',
  '/trpc/..%2f..%2fpackage.json',
  '/trpc//menu.get',
  '/trpc/menu..get',
  '/trpc/.',
  '/trpc/,',
  `/trpc/${','.repeat(200)}?batch=1`,
  '/trpc/menu.get/extra',
  '/trpc?batch=1',
  '/trpc/%ff?batch=1&input=%ff',
  '/trpc/menu.get?input=%ff',
  '/trpc/menu.get?input=%',
  '/trpc/menu.get?batch=1&input=%7B',
  '/trpc/menu.get?batch=1&input=%7B%220%22%3A1%7D&batch=0',
  `/trpc/menu.get?input=${'%5B'.repeat(3000)}`,
  '/trpc/__proto__',
  '/trpc/constructor.prototype',
  '/trpc/menu.__proto__',
  '/%ff',
  '//',
  '///',
  '//evil.example/x',
  '/healthz%ff',
  '/healthz/..',
  '*',
];

const urlChars = fc.constantFrom(...'abz09.,/%?&=#[]{}"\'$~ff'.split(''), '%ff', '%2e', '%00', 'é');
const randomPath = fc.oneof(
  fc.string({ unit: urlChars, maxLength: 40 }).map((tail) => `/trpc/${tail}`),
  fc.string({ unit: urlChars, maxLength: 40 }).map((tail) => `/${tail}`),
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'multipart/form-data',
  'multipart/form-data; boundary=----junk',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'junk/junk',
  ';;;',
];

const MALFORMED_BODIES = [
  '{',
  '{"0":',
  '[',
  'nul',
  '"',
  '{"a":1}}',
  '\ufeff{}',
  '\u0000',
  '{"0":{"json":',
];

const body: fc.Arbitrary<string | Buffer | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...MALFORMED_BODIES),
  unicodeText,
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.constant('------junk\r\nContent-Disposition: form-data; name="0"\r\n\r\n{}\r\n------junk--'),
  // Past the 256 KB body limit, and nested past what a recursive walk survives.
  fc.integer({ min: 300, max: 1500 }).map((kb) => `{"padding":"${'a'.repeat(kb * 1024)}"}`),
  fc.integer({ min: 1000, max: 100_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
);

/** A request whose path, method, content type or body is the junk. */
export function rawRequest(procedures: readonly Procedure[]): fc.Arbitrary<HttpCase> {
  const realPath = fc.constantFrom(...procedures).map((procedure) => `/trpc/${procedure.path}`);
  return fc
    .record({
      method: fc.oneof(fc.constantFrom('GET', 'POST'), oddMethod),
      path: fc.oneof(fc.constantFrom(...ODD_PATHS), randomPath, realPath),
      contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }),
      body,
      authorization: fc.option(junkAuthorization, { nil: undefined }),
    })
    .map(({ method, path, contentType, body: content, authorization }) =>
      describedCase({
        method,
        path,
        headers: {
          ...(contentType ? { 'content-type': contentType } : {}),
          ...(authorization ? { authorization } : {}),
        },
        ...(content === undefined ? {} : { body: content }),
      }),
    );
}
