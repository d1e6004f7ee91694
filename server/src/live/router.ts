import type { BusState } from './stats';
import { publicProcedure, router } from '../trpc';

/** How the live path is doing on this server, so screens can say "delayed" rather than look frozen. */
export const liveRouter = router({
  /**
   * `{ bus: 'up' }` while events arrive through the bus; `{ bus: 'down' }`
   * while the bus is away and this server reads the log instead (updates come
   * within a second or so). Sends the state on start, then each change.
   */
  status: publicProcedure.subscription(async function* ({ ctx, signal }) {
    const hub = ctx.realtime.hub;
    let wake = () => {};
    const stop = hub.onBusState(() => wake());
    const aborted = new Promise<void>((resolve) => {
      if (signal?.aborted) resolve();
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    try {
      let last: BusState | null = null;
      while (!signal?.aborted) {
        // Armed before reading the state, so a change in between is not missed.
        const changed = new Promise<void>((resolve) => (wake = resolve));
        const bus = hub.busState;
        if (bus !== last) {
          last = bus;
          yield { bus };
        }
        await Promise.race([changed, aborted]);
      }
    } finally {
      stop();
    }
  }),
});
