import { describe, expect, it } from 'vitest';
import { createSocketBackoff } from './socket-backoff';

/** The attempt number the waits are drawn for, so the test reads them directly. */
const attemptOf = (attempt: number) => attempt;

function backoff() {
  let now = 0;
  const socket = createSocketBackoff(attemptOf, { stableAfterMs: 10_000, now: () => now });
  /** A socket that opened and was closed `lifeMs` later. */
  const lived = (lifeMs: number) => {
    socket.onOpen();
    now += lifeMs;
    socket.onClose();
  };
  return { socket, lived };
}

describe('socket reconnect waits', () => {
  it('grow with every socket the server closes at once, though tRPC starts at attempt 0', () => {
    const { socket, lived } = backoff();
    expect(socket.retryDelayMs(0)).toBe(0);
    lived(50);
    expect(socket.retryDelayMs(0)).toBe(1);
    lived(50);
    lived(50);
    expect(socket.retryDelayMs(0)).toBe(3);
    // tRPC's own count of refused attempts adds on top.
    expect(socket.retryDelayMs(2)).toBe(5);
  });

  it('start over once a socket stayed open', () => {
    const { socket, lived } = backoff();
    lived(50);
    lived(50);
    lived(60_000);
    expect(socket.retryDelayMs(0)).toBe(0);
  });

  it('leave a socket that never opened to tRPC’s own count', () => {
    const { socket, lived } = backoff();
    lived(50);
    socket.onClose(); // refused: no open before it
    expect(socket.retryDelayMs(0)).toBe(1);
  });
});
