/**
 * Raw HTTP on loopback with node:http, not fetch: fetch normalises paths and
 * refuses odd methods, and junk needs `/trpc/a%`, PROPFIND and bodies on GET
 * exactly as sent. Every request has a deadline: one that never answers is a
 * defect, not a slow test.
 */
import { request } from 'node:http';

export interface HttpCase {
  method: string;
  /** Sent as is: no normalising, no escaping. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Mutations in the case that would do real work if they were accepted. */
  mutations?: readonly string[];
}

export type HttpOutcome =
  | { kind: 'response'; status: number; contentType: string; body: string }
  | { kind: 'timeout'; during: string }
  | { kind: 'network'; message: string };

export const REQUEST_DEADLINE_MS = 5000;

export function send(port: number, httpCase: HttpCase): Promise<HttpOutcome> {
  return new Promise((resolve) => {
    let stage = 'waiting for the status line';
    let settled = false;
    const finish = (outcome: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(outcome);
    };
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: httpCase.method,
        path: httpCase.path,
        headers: httpCase.headers,
        // A fresh connection per request: a refused body may close it, and a
        // reused socket would then fail the next request instead of this one.
        agent: false,
      },
      (res) => {
        stage = `reading the body of a ${res.statusCode} ${String(res.headers['content-type'] ?? '')}`;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          finish({
            kind: 'response',
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', (error) => finish({ kind: 'network', message: error.message }));
      },
    );
    const deadline = setTimeout(() => {
      finish({ kind: 'timeout', during: stage });
      req.destroy();
    }, REQUEST_DEADLINE_MS);
    req.on('error', (error) => finish({ kind: 'network', message: error.message }));
    req.end(httpCase.body);
  });
}

/** A tRPC error as it appears in a body: alone, in a batch, or in an SSE event. */
export interface FoundError {
  code: string;
  httpStatus: number;
}

function errorsIn(value: unknown): FoundError[] {
  if (Array.isArray(value)) return value.flatMap(errorsIn);
  if (typeof value !== 'object' || value === null) return [];
  const error = (value as { error?: { data?: { code?: unknown; httpStatus?: unknown } } }).error;
  if (error?.data) {
    return [{ code: String(error.data.code), httpStatus: Number(error.data.httpStatus) }];
  }
  // An SSE `serialized-error` event carries the shape itself, without `error`.
  const shape = value as { data?: { code?: unknown; httpStatus?: unknown }; message?: unknown };
  if (typeof shape.message === 'string' && shape.data && typeof shape.data.code === 'string') {
    return [{ code: shape.data.code, httpStatus: Number(shape.data.httpStatus) }];
  }
  return [];
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

export function errorsInBody(contentType: string, body: string): FoundError[] {
  if (contentType.includes('text/event-stream')) {
    return body
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .flatMap((line) => errorsIn(parse(line.slice(5).trim())));
  }
  // A streamed batch answers one JSON document per line.
  return body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => errorsIn(parse(line)));
}
