/**
 * tRPC over WebSocket, lean. It speaks tRPC's WebSocket protocol, so
 * `@trpc/client`'s wsLink works unchanged, and it runs every call through
 * tRPC's own `callProcedure` (input parsing, middleware, error shapes). What
 * it does differently from the stock adapter is holding a subscription: a
 * plain loop over the procedure's iterator, ended through the procedure's
 * abort signal, instead of a promise race and several object copies per
 * message. Measured (scripts/bench): an idle subscription costs about 1 KB of
 * heap instead of about 8 KB, and an event is one string built around JSON the
 * hub already holds.
 *
 * Keep-alive uses WebSocket ping frames for every client from one timer; the
 * text "PING" of wsLink's own keep-alive is answered with "PONG".
 */
import type { IncomingMessage } from 'node:http';
import {
  callProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  parseConnectionParamsFromUnknown,
  parseTRPCMessage,
  transformTRPCResponse,
  TRPCError,
} from '@trpc/server/unstable-core-do-not-import';
import { WebSocket, type RawData, type WebSocketServer } from 'ws';
import { isRoomFeed } from '../realtime/stream';
import { dataFrame, eventFrame } from '../realtime/wire';
import type { AppRouter } from '../router';

type RequestId = string | number;
type ConnectionParams = Record<string, string | undefined> | null;

export interface TrpcWebSocketOptions<Ctx> {
  wss: WebSocketServer;
  router: AppRouter;
  createContext(source: {
    req: IncomingMessage;
    info: { connectionParams: ConnectionParams };
  }): Ctx;
  onError?(error: TRPCError, path: string | undefined): void;
  pingMs: number;
}

export interface TrpcWebSocket {
  /** Asks every client to reconnect (a restart or a move to another instance). */
  broadcastReconnect(): void;
  stop(): void;
}

export function serveTrpcOverWebSocket<Ctx>(options: TrpcWebSocketOptions<Ctx>): TrpcWebSocket {
  const alive = new WeakSet<WebSocket>();
  options.wss.on('connection', (socket, req) => {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
    new Connection(socket, req, options);
  });
  const heartbeat = setInterval(() => {
    for (const socket of options.wss.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, options.pingMs);
  heartbeat.unref();

  return {
    broadcastReconnect: () => {
      for (const socket of options.wss.clients) {
        if (socket.readyState === WebSocket.OPEN) socket.send('{"id":null,"method":"reconnect"}');
      }
    },
    stop: () => clearInterval(heartbeat),
  };
}

class Connection<Ctx> {
  readonly #socket: WebSocket;
  /** Needed only to build the context; released then (it is large, and connections live long). */
  #req: IncomingMessage | null;
  readonly #options: TrpcWebSocketOptions<Ctx>;
  readonly #subscriptions = new Map<RequestId, AbortController>();
  /** Null until the client's connectionParams arrive, when it said it would send them. */
  #context: Promise<{ ok: true; ctx: Ctx } | { ok: false }> | null;

  constructor(socket: WebSocket, req: IncomingMessage, options: TrpcWebSocketOptions<Ctx>) {
    this.#socket = socket;
    this.#req = req;
    this.#options = options;
    const expectsParams =
      new URL(req.url ?? '/', 'http://localhost').searchParams.get('connectionParams') === '1';
    this.#context = expectsParams ? null : this.#createContext(null);
    socket.on('message', (data, isBinary) => this.#receive(data, isBinary));
    socket.on('error', (cause) => options.onError?.(getTRPCErrorFromUnknown(cause), undefined));
    socket.once('close', () => {
      for (const controller of this.#subscriptions.values()) controller.abort();
      this.#subscriptions.clear();
    });
  }

  async #createContext(connectionParams: ConnectionParams) {
    const req = this.#req;
    this.#req = null;
    if (!req) return { ok: false as const };
    try {
      const ctx = await this.#options.createContext({ req, info: { connectionParams } });
      return { ok: true as const, ctx };
    } catch (cause) {
      this.#fail(null, getTRPCErrorFromUnknown(cause), undefined, undefined);
      setImmediate(() => this.#socket.close());
      return { ok: false as const };
    }
  }

  #receive(data: RawData, isBinary: boolean): void {
    const text = isBinary ? null : (data as Buffer).toString('utf8');
    if (text === 'PING') {
      this.#socket.send('PONG');
      return;
    }
    if (text === 'PONG') return;
    let message: unknown;
    try {
      if (text === null) throw new Error('binary frames are not part of the protocol');
      message = JSON.parse(text);
    } catch (cause) {
      this.#fail(
        null,
        new TRPCError({ code: 'PARSE_ERROR', message: 'That message is not JSON.', cause }),
      );
      return;
    }
    if (!this.#context) {
      const params = (message as { data?: unknown } | null)?.data;
      this.#context = this.#createContext(parseConnectionParamsFromUnknown(params));
      return;
    }
    const batch = Array.isArray(message) ? message : [message];
    batch.forEach((raw, index) => {
      let request;
      try {
        request = parseTRPCMessage(raw, this.#options.router._def._config.transformer);
      } catch (cause) {
        this.#fail(
          null,
          new TRPCError({ code: 'PARSE_ERROR', message: 'That is not a tRPC request.', cause }),
        );
        return;
      }
      void this.#handle(request, index);
    });
  }

  async #handle(request: ReturnType<typeof parseTRPCMessage>, batchIndex: number): Promise<void> {
    const { id, jsonrpc } = request;
    if (id === null) {
      this.#fail(null, new TRPCError({ code: 'PARSE_ERROR', message: '`id` is required' }));
      return;
    }
    if (request.method === 'subscription.stop') {
      this.#subscriptions.get(id)?.abort();
      return;
    }
    const { path, lastEventId } = request.params;
    let input: unknown = request.params.input;
    if (lastEventId !== undefined) {
      input =
        typeof input === 'object' && input !== null
          ? { ...input, lastEventId }
          : (input ?? { lastEventId });
    }
    const type = request.method;
    const context = await this.#context;
    if (!context?.ok) return;

    let controller: AbortController | null = null;
    if (type === 'subscription') {
      if (this.#subscriptions.has(id)) {
        this.#fail(
          id,
          new TRPCError({ code: 'BAD_REQUEST', message: `Duplicate id ${id}` }),
          path,
          input,
          jsonrpc,
        );
        return;
      }
      controller = new AbortController();
      this.#subscriptions.set(id, controller);
    }
    try {
      const result: unknown = await callProcedure({
        router: this.#options.router,
        path,
        getRawInput: async () => input,
        ctx: context.ctx,
        type,
        signal: controller?.signal ?? new AbortController().signal,
        batchIndex,
      });
      if (!controller) {
        this.#send({ id, jsonrpc, result: { type: 'data', data: result } });
        return;
      }
      if (!isAsyncIterable(result)) {
        throw new TRPCError({
          code: 'INTERNAL_SERVER_ERROR',
          message: `${path} is not a subscription`,
        });
      }
      this.#send({ id, jsonrpc, result: { type: 'started' } });
      await this.#pump(id, jsonrpc, result, controller, path, input);
    } catch (cause) {
      if (controller) this.#subscriptions.delete(id);
      this.#fail(id, getTRPCErrorFromUnknown(cause), path, input, jsonrpc);
    }
  }

  /** Writes each event of a subscription until it ends, is stopped, or the socket closes. */
  async #pump(
    id: RequestId,
    jsonrpc: '2.0' | undefined,
    iterable: AsyncIterable<unknown>,
    controller: AbortController,
    path: string,
    input: unknown,
  ): Promise<void> {
    if (isRoomFeed(iterable)) {
      // A room feed writes straight to the socket as events arrive: no promise per event.
      try {
        await iterable.pipe((delivery) => {
          if (this.#socket.readyState === WebSocket.OPEN) {
            this.#socket.send(eventFrame(id, jsonrpc, delivery));
          }
        }, controller.signal);
        this.#send({ id, jsonrpc, result: { type: 'stopped' } });
      } catch (cause) {
        this.#fail(id, getTRPCErrorFromUnknown(cause), path, input, jsonrpc);
      } finally {
        if (this.#subscriptions.get(id) === controller) this.#subscriptions.delete(id);
      }
      return;
    }
    const iterator = iterable[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done || this.#socket.readyState !== WebSocket.OPEN) break;
        this.#socket.send(dataFrame(id, jsonrpc, next.value));
      }
      this.#send({ id, jsonrpc, result: { type: 'stopped' } });
    } catch (cause) {
      this.#fail(id, getTRPCErrorFromUnknown(cause), path, input, jsonrpc);
    } finally {
      if (this.#subscriptions.get(id) === controller) this.#subscriptions.delete(id);
      if (!controller.signal.aborted) controller.abort();
      await iterator.return?.();
    }
  }

  #send(response: object): void {
    if (this.#socket.readyState !== WebSocket.OPEN) return;
    this.#socket.send(
      JSON.stringify(transformTRPCResponse(this.#options.router._def._config, response as never)),
    );
  }

  #fail(
    id: RequestId | null,
    error: TRPCError,
    path?: string,
    input?: unknown,
    jsonrpc?: '2.0',
  ): void {
    this.#options.onError?.(error, path);
    const shape = getErrorShape({
      config: this.#options.router._def._config,
      error,
      type: 'unknown',
      path,
      input,
      ctx: undefined,
    });
    this.#send({ id, jsonrpc, error: shape });
  }
}
