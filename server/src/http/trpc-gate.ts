/**
 * What is refused before tRPC's HTTP handler sees a request, because tRPC
 * would answer it with a 500 or serve it outside the caps: a method it does
 * not serve (its WHATWG Request throws on TRACE and the like), a path that is
 * no procedure name (a bad percent-escape throws in its decoding), and a live
 * feed over HTTP (tRPC's SSE route, which the socket caps would not cover).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import {
  getErrorShape,
  getProcedureAtPath,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import { appRouter } from '../router';
import { COMMON_HEADERS } from './security-headers';

const TRPC_METHODS = new Set(['GET', 'POST', 'HEAD', 'OPTIONS']);

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** A body larger than `bytes`, as its content-length says, is refused at once in these words. */
export interface BodyLimit {
  bytes: number;
  message: string;
}

/** Serves `/trpc…` requests through `trpc` once they pass the checks above. */
export function gateTrpc(trpc: Handler, limit?: BodyLimit) {
  return (req: IncomingMessage, res: ServerResponse, path: string): void => {
    // tRPC's own cap (maxBodySize) stops reading at the limit but says only
    // "PAYLOAD_TOO_LARGE"; a declared size over it is refused in words, unread.
    if (limit && Number(req.headers['content-length'] ?? 0) > limit.bytes) {
      res.setHeader('connection', 'close');
      writeTrpcError(res, 'PAYLOAD_TOO_LARGE', limit.message);
      return;
    }
    if (!TRPC_METHODS.has(req.method ?? '')) {
      res.setHeader('allow', [...TRPC_METHODS].join(', '));
      writeTrpcError(
        res,
        'METHOD_NOT_SUPPORTED',
        `${req.method ?? 'That method'} is not served here.`,
      );
      return;
    }
    const name = procedureName(path);
    if (name === null) {
      writeTrpcError(res, 'NOT_FOUND', 'There is no procedure at that address.');
      return;
    }
    isSubscription(name).then(
      (subscription) => {
        if (!subscription) {
          void trpc(req, res);
          return;
        }
        writeTrpcError(
          res,
          'METHOD_NOT_SUPPORTED',
          'Live updates are served over the WebSocket at /trpc (wsLink), not over HTTP.',
        );
      },
      () => void trpc(req, res),
    );
  };
}

/** The procedure path after /trpc/, decoded; null when it cannot be decoded. */
function procedureName(path: string): string | null {
  try {
    return decodeURIComponent(path.slice('/trpc/'.length));
  } catch {
    return null;
  }
}

async function isSubscription(name: string): Promise<boolean> {
  const procedure = await getProcedureAtPath(appRouter, name);
  return procedure?._def.type === 'subscription';
}

/** An error in tRPC's own shape, for refusals made before tRPC sees the request. */
function writeTrpcError(
  res: ServerResponse,
  code: 'NOT_FOUND' | 'METHOD_NOT_SUPPORTED' | 'PAYLOAD_TOO_LARGE',
  message: string,
): void {
  const error = new TRPCError({ code, message });
  const shape = getErrorShape({
    config: appRouter._def._config,
    error,
    type: 'unknown',
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  const body = transformTRPCResponse(appRouter._def._config, { error: shape });
  res
    .writeHead(shape.data.httpStatus, { ...COMMON_HEADERS, 'content-type': 'application/json' })
    .end(JSON.stringify(body));
}
