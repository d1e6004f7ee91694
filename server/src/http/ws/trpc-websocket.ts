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
 *
 * Anything a stranger sends is answered or refused here, never thrown: a bad
 * first frame gets an error and a closed socket, a batch, a subscription or a
 * request over its cap gets an error, and nothing a client does is logged as
 * the server's own failure.
 */
import type { IncomingMessage } from 'node:http';
import {
  callProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  parseTRPCMessage,
  transformTRPCResponse,
  TRPCError,
} from '@trpc/server/unstable-core-do-not-import';
import { WebSocket, type RawData, type WebSocketServer } from 'ws';
import type { AppRouter } from '../../router';
import { overCap, type WebSocketCaps } from './caps';
import {
  CLOSE_POLICY_VIOLATION,
  connectionParamsOf,
  expectsConnectionParams,
  type ConnectionParams,
} from './connection-params';
import { pumpSubscription } from './subscription';

type RequestId = string | number;

export interface TrpcWebSocketOptions<Ctx> {
  wss: WebSocketServer;
  router: AppRouter;
  createContext(source: {
    req: IncomingMessage;
    info: { connectionParams: ConnectionParams };
  }): Ctx;
  /** The server's own failures (INTERNAL_SERVER_ERROR and anything unexpected). */
  onError?(error: TRPCError, path: string | undefined): void;
  /** What a client got wrong at the socket level (a frame too big, a broken frame); to count, not to alarm. */
  onClientFault?(what: string): void;
  pingMs: number;
  caps: WebSocketCaps;
}

export interface TrpcWebSocket {
  /** Asks every client to reconnect (a restart or a move to another instance). */
  broadcastReconnect(): void;
  /** Live feeds open on all sockets now (read when metrics are scraped). */
  subscriptionCount(): number;
  stop(): void;
}

export function serveTrpcOverWebSocket<Ctx>(options: TrpcWebSocketOptions<Ctx>): TrpcWebSocket {
  const alive = new WeakSet<WebSocket>();
  const connections = new WeakMap<WebSocket, Connection<Ctx>>();
  options.wss.on('connection', (socket, req) => {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
    try {
      connections.set(socket, new Connection(socket, req, options));
    } catch (cause) {
      options.onError?.(getTRPCErrorFromUnknown(cause), undefined);
      socket.terminate();
    }
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
    subscriptionCount: () => {
      let count = 0;
      for (const socket of options.wss.clients)
        count += connections.get(socket)?.subscriptions ?? 0;
      return count;
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
  /** Queries and mutations running now. */
  #inFlight = 0;
  /** Null until the client's connectionParams arrive, when it said it would send them. */
  #context: Promise<{ ok: true; ctx: Ctx } | { ok: false }> | null;
  #paramsTimer: NodeJS.Timeout | null = null;
  /** Set once the socket is being closed for breaking the protocol: nothing more is read. */
  #refused = false;

  get subscriptions(): number {
    return this.#subscriptions.size;
  }

  constructor(socket: WebSocket, req: IncomingMessage, options: TrpcWebSocketOptions<Ctx>) {
    this.#socket = socket;
    this.#req = req;
    this.#options = options;
    const expectsParams = expectsConnectionParams(req.url);
    this.#context = expectsParams ? null : this.#createContext(null);
    if (expectsParams) {
      // A socket that never says who it is would hold its request forever.
      this.#paramsTimer = setTimeout(
        () => this.#refuse('No connectionParams message came.'),
        options.caps.connectionParamsMs,
      );
      this.#paramsTimer.unref();
    }
    socket.on('message', (data, isBinary) => {
      try {
        this.#receive(data, isBinary);
      } catch (cause) {
        // A bug of ours, not the client's: answer, log, and keep the process up.
        this.#fail(null, getTRPCErrorFromUnknown(cause));
      }
    });
    // ws reports frames it refuses (too big, malformed) here, then closes the socket.
    socket.on('error', (cause) => options.onClientFault?.(cause.message));
    socket.once('close', () => {
      if (this.#paramsTimer) clearTimeout(this.#paramsTimer);
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
    if (this.#refused) return;
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
      if (!this.#context) {
        this.#refuse('The first message must be connectionParams, as JSON.');
        return;
      }
      this.#fail(
        null,
        new TRPCError({ code: 'PARSE_ERROR', message: 'That message is not JSON.', cause }),
      );
      return;
    }
    if (!this.#context) {
      const params = connectionParamsOf(message);
      if (params instanceof TRPCError) {
        this.#refuse(params.message);
        return;
      }
      if (this.#paramsTimer) clearTimeout(this.#paramsTimer);
      this.#context = this.#createContext(params);
      return;
    }
    const batch = Array.isArray(message) ? message : [message];
    if (batch.length > this.#options.caps.maxBatch) {
      this.#fail(
        null,
        new TRPCError({
          code: 'BAD_REQUEST',
          message: `A message may batch at most ${this.#options.caps.maxBatch} calls.`,
        }),
      );
      return;
    }
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
      this.#handle(request, index).catch((cause: unknown) => {
        this.#fail(request.id ?? null, getTRPCErrorFromUnknown(cause));
      });
    });
  }

  /** Says why, then closes: the client broke the protocol before it could be served. */
  #refuse(message: string): void {
    if (this.#refused) return;
    this.#refused = true;
    this.#req = null;
    this.#fail(null, new TRPCError({ code: 'BAD_REQUEST', message }));
    this.#socket.close(CLOSE_POLICY_VIOLATION, 'Protocol error');
  }

  async #handle(request: ReturnType<typeof parseTRPCMessage>, batchIndex: number): Promise<void> {
    const { id, jsonrpc } = request;
    if (id === null) {
      this.#fail(null, new TRPCError({ code: 'PARSE_ERROR', message: '`id` is required' }));
      return;
    }
    if (request.method === 'subscription.stop') {
      // Off the books at once, so the next subscription fits under the cap.
      const controller = this.#subscriptions.get(id);
      this.#subscriptions.delete(id);
      controller?.abort();
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

    const refusal = overCap(this.#options.caps, type, {
      subscriptions: this.#subscriptions.size,
      inFlight: this.#inFlight,
    });
    if (refusal) {
      this.#fail(id, new TRPCError({ code: 'TOO_MANY_REQUESTS', message: refusal }), path);
      return;
    }

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
    if (!controller) this.#inFlight += 1;
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
      const held = controller;
      await pumpSubscription(this.#socket, id, jsonrpc, result, held, {
        stopped: () => this.#send({ id, jsonrpc, result: { type: 'stopped' } }),
        failed: (cause) => this.#fail(id, getTRPCErrorFromUnknown(cause), path, input, jsonrpc),
      }).finally(() => {
        // Unless a stop already took it off the books (and the id was reused since).
        if (this.#subscriptions.get(id) === held) this.#subscriptions.delete(id);
      });
    } catch (cause) {
      if (controller) this.#subscriptions.delete(id);
      this.#fail(id, getTRPCErrorFromUnknown(cause), path, input, jsonrpc);
    } finally {
      if (!controller) this.#inFlight -= 1;
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
