/**
 * Holding one subscription on a socket: a plain loop over the procedure's
 * iterator, ended through its abort signal, instead of the stock adapter's
 * promise race and object copies per message. A room feed is piped straight
 * into the socket as events arrive, with no promise per event.
 */
import { WebSocket } from 'ws';
import { isRoomFeed } from '../../live/stream';
import { dataFrame, eventFrame } from './frames';

export interface SubscriptionEnd {
  /** The feed ended on its own or was stopped: tell the client. */
  stopped(): void;
  /** The feed failed (its session ended, the log could not be read…). */
  failed(cause: unknown): void;
}

/** Writes each event of a subscription until it ends, is stopped, or the socket closes. */
export async function pumpSubscription(
  socket: WebSocket,
  id: string | number,
  jsonrpc: '2.0' | undefined,
  iterable: AsyncIterable<unknown>,
  controller: AbortController,
  end: SubscriptionEnd,
): Promise<void> {
  if (isRoomFeed(iterable)) {
    try {
      await iterable.pipe((delivery) => {
        if (socket.readyState === WebSocket.OPEN) socket.send(eventFrame(id, jsonrpc, delivery));
      }, controller.signal);
      end.stopped();
    } catch (cause) {
      end.failed(cause);
    }
    return;
  }
  const iterator = iterable[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done || socket.readyState !== WebSocket.OPEN) break;
      socket.send(dataFrame(id, jsonrpc, next.value));
    }
    end.stopped();
  } catch (cause) {
    end.failed(cause);
  } finally {
    if (!controller.signal.aborted) controller.abort();
    await iterator.return?.();
  }
}
