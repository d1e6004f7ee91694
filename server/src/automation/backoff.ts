/**
 * When a failed action is tried again: exponential backoff with jitter, so a
 * receiver that was down is not hit by every waiting delivery at the same
 * moment it comes back. After MAX_ATTEMPTS the run is parked as failed, for a
 * person to look at and "Retry now".
 */

/** Attempts in all, the first included: the last waits about an hour after the first. */
export const MAX_ATTEMPTS = 8;
const BASE_MS = 10_000;
const CAP_MS = 60 * 60_000;

/**
 * The wait before attempt `attempts + 1`, after `attempts` failed ones:
 * 10 s, 20 s, 40 s … up to an hour, each scaled by a random 50–100 % ("equal
 * jitter": never less than half the step, so retries still back off).
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const step = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
