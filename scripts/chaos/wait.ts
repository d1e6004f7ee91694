/** Waiting for states, never for fixed times: every wait has a deadline and names what it waited for. */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TimedOut extends Error {}

/** Polls `check` until it is true; throws `TimedOut` naming `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs = 25,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) {
      throw new TimedOut(`Timed out after ${(timeoutMs / 1000).toFixed(0)} s waiting for ${what}`);
    }
    await sleep(intervalMs);
  }
}

/** Like `waitFor`, but answers whether it happened instead of throwing. */
export async function becomes(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs = 25,
): Promise<boolean> {
  try {
    await waitFor('', check, timeoutMs, intervalMs);
    return true;
  } catch (error) {
    if (error instanceof TimedOut) return false;
    throw error;
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
