/**
 * The throttles a server applies to strangers, built once per process on
 * the installation's store (see store.ts).
 */
import { addressThrottle, DEFAULT_ADDRESS_LIMITS, type AddressLimits } from './per-address';
import { DEFAULT_SIGN_IN_LIMITS, signInThrottle, type SignInLimits } from './sign-in';
import { memoryThrottleStore, type ThrottleStore } from './store';

export type { AddressBudgetName } from './per-address';

export interface ThrottleLimits {
  signIn: SignInLimits;
  perAddress: AddressLimits;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  signIn: DEFAULT_SIGN_IN_LIMITS,
  perAddress: DEFAULT_ADDRESS_LIMITS,
};

export interface Throttles {
  readonly store: ThrottleStore['kind'];
  signIn: ReturnType<typeof signInThrottle>;
  perAddress: ReturnType<typeof addressThrottle>;
  close(): Promise<void>;
}

export function createThrottles(
  store: ThrottleStore = memoryThrottleStore(),
  limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS,
): Throttles {
  return {
    store: store.kind,
    signIn: signInThrottle(store, limits.signIn),
    perAddress: addressThrottle(store, limits.perAddress),
    close: () => store.close(),
  };
}
