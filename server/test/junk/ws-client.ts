/**
 * A raw `ws` socket that sends frames exactly as given and sorts what comes
 * back. It never waits without a deadline: a socket that neither answers nor
 * closes is a defect.
 */
import { WebSocket } from 'ws';
import type { Tally } from './tally';

export type Frame =
  | { kind: 'text'; text: string }
  | { kind: 'binary'; bytes: Uint8Array }
  /** Bytes sent in a TEXT frame: ws validates UTF-8 on receipt. */
  | { kind: 'bad-utf8'; bytes: Uint8Array };

export const WS_DEADLINE_MS = 5000;

export interface WsSession {
  /** Replies that break the rules: an INTERNAL_SERVER_ERROR, a 1011 close, or not tRPC at all. */
  readonly violations: string[];
  /** The tRPC error codes this socket was sent. */
  readonly errorCodes: string[];
  readonly closed: { code: number; reason: string } | null;
  send(frame: Frame): void;
  /** A valid query; resolves when it is answered or the server closed the socket. */
  probe(id: string, abandon: () => boolean): Promise<'answered' | 'closed'>;
  close(): Promise<void>;
}

/** Opens a socket, or says with what status the server refused the upgrade (e.g. a 429 cap). */
export function openSocket(
  url: string,
  tally: Tally,
): Promise<{ session: WsSession } | { refused: number }> {
  const socket = new WebSocket(url);
  const violations: string[] = [];
  const errorCodes: string[] = [];
  const answered = new Set<string>();
  let closed: { code: number; reason: string } | null = null;

  socket.on('message', (data: Buffer, isBinary) => {
    const text = data.toString('utf8');
    if (text === 'PONG') return tally.replies.add('PONG');
    let message: unknown;
    try {
      message = isBinary ? undefined : JSON.parse(text);
    } catch {
      message = undefined;
    }
    if (typeof message !== 'object' || message === null) {
      tally.replies.add('not tRPC');
      violations.push(`a reply that is not a tRPC message: ${text.slice(0, 200)}`);
      return;
    }
    const reply = message as {
      id?: unknown;
      method?: unknown;
      result?: { type?: unknown };
      error?: { code?: unknown; data?: { code?: unknown } };
    };
    if (typeof reply.id === 'string' || typeof reply.id === 'number')
      answered.add(String(reply.id));
    if (reply.error) {
      const dataCode = reply.error.data?.code;
      const code =
        typeof dataCode === 'string' ? dataCode : `json-rpc ${JSON.stringify(reply.error.code)}`;
      tally.replies.add('error');
      tally.errorCodes.add(code);
      errorCodes.push(code);
      if (code === 'INTERNAL_SERVER_ERROR' || reply.error.code === -32603) {
        tally.serverErrors += 1;
        violations.push(`an internal error: ${text.slice(0, 300)}`);
      }
      return;
    }
    tally.replies.add(reply.result ? `result ${String(reply.result.type)}` : String(reply.method));
  });
  socket.on('close', (code, reason) => {
    closed = { code, reason: reason.toString() };
    tally.replies.add(`close ${code}`);
    if (code === 1011) violations.push(`closed as an internal error (1011): ${closed.reason}`);
  });
  // Errors arrive with the close that follows; the close says what happened.
  socket.on('error', () => {});

  const session: WsSession = {
    violations,
    errorCodes,
    get closed() {
      return closed;
    },
    send(frame) {
      if (socket.readyState !== WebSocket.OPEN) return;
      tally.sent += 1;
      if (frame.kind === 'text') socket.send(frame.text);
      else socket.send(frame.bytes, { binary: frame.kind === 'binary' });
    },
    async probe(id, abandon) {
      session.send({
        kind: 'text',
        text: JSON.stringify({ id, method: 'query', params: { path: 'menu.locations' } }),
      });
      const deadline = Date.now() + WS_DEADLINE_MS;
      while (!answered.has(id) && !closed && !abandon()) {
        if (Date.now() > deadline) {
          tally.timeouts += 1;
          throw new Error(
            `The socket neither answered a valid query nor closed in ${WS_DEADLINE_MS} ms`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return answered.has(id) ? 'answered' : 'closed';
    },
    close() {
      if (closed) return Promise.resolve();
      return new Promise((resolve) => {
        const force = setTimeout(() => {
          tally.timeouts += 1;
          violations.push(`the server did not answer the close handshake in ${WS_DEADLINE_MS} ms`);
          socket.terminate();
          resolve();
        }, WS_DEADLINE_MS);
        socket.once('close', () => {
          clearTimeout(force);
          resolve();
        });
        socket.close();
      });
    },
  };

  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      socket.terminate();
      tally.timeouts += 1;
      reject(new Error(`The WebSocket upgrade to ${url} got no answer in ${WS_DEADLINE_MS} ms`));
    }, WS_DEADLINE_MS);
    socket.once('open', () => {
      clearTimeout(deadline);
      resolve({ session });
    });
    socket.once('unexpected-response', (_req, res) => {
      clearTimeout(deadline);
      tally.replies.add(`upgrade ${res.statusCode}`);
      resolve({ refused: res.statusCode ?? 0 });
      res.resume();
    });
    socket.once('error', (error) => {
      clearTimeout(deadline);
      reject(new Error(`The WebSocket upgrade to ${url} failed: ${error.message}`));
    });
  });
}
