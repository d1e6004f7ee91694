/**
 * Sign-in throttling: slows password guessing to a crawl without ever
 * locking a real member of staff out for long.
 *
 * Three counts, each taken BEFORE the password is checked (so a burst of
 * guesses costs no password hashing once refused) and given back when the
 * sign-in succeeds (so only failures add up):
 *
 * - per account and address: a few wrong passwords, then a short pause. This
 *   is the one a mistyping cook meets, so it is brief.
 * - per address, any account: one address trying many accounts (credential
 *   stuffing) is paused for longer.
 * - per account, any address: a guesser spread over many addresses. To keep
 *   that from locking the account for everyone, it does not apply at an
 *   address where the account signed in successfully in the last 14 days:
 *   the kitchen's own tablets keep working during such an attack.
 */
import { throttled } from '../errors';
import { addressKey } from '../http/client-address';
import {
  forget,
  giveBack,
  isMarked,
  mark,
  take,
  type Limiter,
  type LimiterShape,
  type ThrottleStore,
} from './store';
import { waitWords } from './words';

/** Each count is off when 0. */
export interface SignInLimits {
  /** Wrong passwords for one account from one address before a 30-second pause. */
  perAccountAndAddress: number;
  /** Wrong passwords from one address (any accounts) per hour before a 15-minute pause. */
  perAddressPerHour: number;
  /** Wrong passwords for one account from all untrusted addresses per hour before a 5-minute pause. */
  perAccountPerHour: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAccountAndAddress: 5,
  perAddressPerHour: 50,
  perAccountPerHour: 100,
};

/**
 * As long as a session lasts. (Also under 24.8 days: the memory store keeps
 * each key with a timer, and Node fires longer timers at once.)
 */
const TRUSTED_FOR_SECONDS = 14 * 24 * 60 * 60;

function optional(store: ThrottleStore, shape: LimiterShape): Limiter | null {
  return shape.points > 0 ? store.limiter(shape) : null;
}

export interface SignInThrottle {
  /**
   * Runs `signIn` unless this account or address has failed too often; a
   * refusal is a `throttled` DomainError saying when to try again.
   */
  attempt<T>(who: { email: string; address: string | null }, signIn: () => Promise<T>): Promise<T>;
}

export function signInThrottle(store: ThrottleStore, limits: SignInLimits): SignInThrottle {
  const accountAndAddress = optional(store, {
    name: 'signin-account-address',
    points: limits.perAccountAndAddress,
    windowSeconds: 15 * 60,
    blockSeconds: 30,
  });
  const address = optional(store, {
    name: 'signin-address',
    points: limits.perAddressPerHour,
    windowSeconds: 60 * 60,
    blockSeconds: 15 * 60,
  });
  const account = optional(store, {
    name: 'signin-account',
    points: limits.perAccountPerHour,
    windowSeconds: 60 * 60,
    blockSeconds: 5 * 60,
  });
  const trusted = store.limiter({
    name: 'signin-trusted',
    points: 1,
    windowSeconds: TRUSTED_FOR_SECONDS,
  });

  return {
    async attempt(who, signIn) {
      // In-process calls (tests, scripts) have no address and are not counted.
      if (who.address === null) return signIn();
      const email = who.email.trim().toLowerCase();
      const from = addressKey(who.address);
      const pair = `${email}|${from}`;
      const isTrusted = await isMarked(trusted, pair);

      const waits = await Promise.all([
        accountAndAddress && take(accountAndAddress, pair),
        address && take(address, from),
        account && !isTrusted ? take(account, email) : null,
      ]);
      const wait = Math.max(0, ...waits.map((ms) => ms ?? 0));
      if (wait > 0) {
        throw throttled(`Too many sign-in attempts. Try again in ${waitWords(wait)}.`, wait);
      }

      const result = await signIn();
      await Promise.all([
        accountAndAddress && forget(accountAndAddress, pair),
        address && giveBack(address, from),
        account && !isTrusted ? giveBack(account, email) : null,
        mark(trusted, pair, TRUSTED_FOR_SECONDS),
      ]);
      return result;
    },
  };
}
