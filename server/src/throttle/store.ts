/**
 * Where throttle counts live: in Redis when the installation has one, so
 * every instance shares each count (a stranger cannot multiply their budget
 * by the number of instances); in process memory otherwise. A Redis outage
 * must not lock everyone out, or let everyone through: each Redis limiter
 * falls back to a memory limiter of the same shape while Redis is away.
 */
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface LimiterShape {
  /** Names the counter in the store; distinct per limiter. */
  name: string;
  /** Attempts allowed per window. */
  points: number;
  windowSeconds: number;
  /** Once over, refuse for this long (0: until the window ends). */
  blockSeconds?: number;
}

export type Limiter = RateLimiterMemory | RateLimiterRedis;

export interface ThrottleStore {
  readonly kind: 'memory' | 'redis';
  limiter(shape: LimiterShape): Limiter;
  /** Resolves once counts are shared (Redis connected); until then they are counted in memory. */
  whenShared(): Promise<void>;
  close(): Promise<void>;
}

export function memoryThrottleStore(): ThrottleStore {
  return {
    kind: 'memory',
    limiter: (shape) => new RateLimiterMemory(optionsOf(shape)),
    whenShared: async () => {},
    close: async () => {},
  };
}

/** A store on its own Redis connection (the bus's subscriber connection cannot run commands). */
export function redisThrottleStore(
  url: string,
  prefix: string,
  log: (message: string) => void,
): ThrottleStore {
  const redis = new Redis(url, {
    // Counts are worth nothing late: fail at once and let the memory insurance count.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectionName: `${prefix.replace(/[^A-Za-z0-9_-]/g, '')}-${process.pid}-throttle`,
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) log(`[throttle] Redis unavailable, counting in memory meanwhile: ${error.message}`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) log('[throttle] Redis is back; counts are shared again');
    down = false;
  });
  return {
    kind: 'redis',
    limiter: (shape) =>
      new RateLimiterRedis({
        ...optionsOf(shape),
        keyPrefix: `${prefix}throttle:${shape.name}`,
        storeClient: redis,
        // Fail over to memory at once rather than queueing behind a dead connection.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(optionsOf(shape)),
      }),
    whenShared: () =>
      redis.status === 'ready'
        ? Promise.resolve()
        : new Promise((resolve) => redis.once('ready', () => resolve())),
    close: async () => {
      redis.disconnect();
    },
  };
}

function optionsOf(shape: LimiterShape) {
  return {
    keyPrefix: shape.name,
    points: shape.points,
    duration: shape.windowSeconds,
    blockDuration: shape.blockSeconds ?? 0,
  };
}

/**
 * Takes one point. Resolves with null when allowed, or with how long to wait
 * (ms) when refused. A store error (Redis gone and no insurance) lets the
 * call through: a throttle must never be what stops service.
 */
export async function take(limiter: Limiter, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return Math.max(1000, refusal.msBeforeNext);
    return null;
  }
}

/** Gives a point back (a sign-in that succeeded was not an attack); never fails. */
export async function giveBack(limiter: Limiter, key: string): Promise<void> {
  try {
    await limiter.reward(key);
  } catch {
    // The count expires by itself.
  }
}

export async function forget(limiter: Limiter, key: string): Promise<void> {
  try {
    await limiter.delete(key);
  } catch {
    // The count expires by itself.
  }
}

/** Whether the key holds any points (used as a flag: "this address signed in here before"). */
export async function isMarked(limiter: Limiter, key: string): Promise<boolean> {
  try {
    return (await limiter.get(key)) !== null;
  } catch {
    return false;
  }
}

export async function mark(limiter: Limiter, key: string, seconds: number): Promise<void> {
  try {
    await limiter.set(key, 1, seconds);
  } catch {
    // Unmarked, the address is counted like any other: safe, if less kind.
  }
}
