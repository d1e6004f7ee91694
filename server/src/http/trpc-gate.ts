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

/** Serves `/trpc…` requests through `trpc` once they pass the checks above. */
export function gateTrpc(trpc: Handler) {
  return (req: IncomingMessage, res: ServerResponse, path: string): void => {
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
  code: 'NOT_FOUND' | 'METHOD_NOT_SUPPORTED',
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
