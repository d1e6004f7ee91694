import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics';

async function values(metrics: ReturnType<typeof createMetrics>, name: string) {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  return (await metric.get()).values;
}

describe('metrics', () => {
  it("records the live layer's reports", async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.live.published(true);
    metrics.live.published(false);
    metrics.live.delivered(3, 12);
    metrics.live.delivered(2, -5);
    metrics.live.delivered(1, null);
    metrics.live.repaired('gap', 4);
    metrics.live.busState('down');
    metrics.live.busState('up');

    expect(await values(metrics, 'ticketrail_events_published_total')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labels: { ok: 'true' }, value: 1 }),
        expect.objectContaining({ labels: { ok: 'false' }, value: 1 }),
      ]),
    );
    expect((await values(metrics, 'ticketrail_events_delivered_total'))[0]?.value).toBe(3);
    expect((await values(metrics, 'ticketrail_event_deliveries_total'))[0]?.value).toBe(6);
    // Two lags were known; the clock-skewed one counts as 0, not as negative.
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^ticketrail_delivery_lag_seconds_count 2$/m);
    expect(text).toMatch(/^ticketrail_delivery_lag_seconds_sum 0\.012$/m);
    expect(await values(metrics, 'ticketrail_events_repaired_total')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labels: { by: 'gap' }, value: 4 }),
        expect.objectContaining({ labels: { by: 'poll' }, value: 0 }),
      ]),
    );
    expect(await values(metrics, 'ticketrail_bus_state_changes_total')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labels: { state: 'up' }, value: 1 }),
        expect.objectContaining({ labels: { state: 'down' }, value: 1 }),
      ]),
    );
  });

  it('reads the gauges from their sources at scrape time, until a source leaves', async () => {
    const metrics = createMetrics({ processMetrics: false });
    let sockets = 2;
    const stop = metrics.watch({
      sockets: () => sockets,
      subscriptions: () => 5,
      rooms: () => 3,
      bus: () => 'down',
    });
    expect(await metrics.registry.metrics()).toMatch(/^ticketrail_websocket_sockets 2$/m);
    sockets = 4;
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^ticketrail_websocket_sockets 4$/m);
    expect(text).toMatch(/^ticketrail_live_subscriptions 5$/m);
    expect(text).toMatch(/^ticketrail_live_rooms 3$/m);
    expect(text).toMatch(/^ticketrail_bus_up 0$/m);
    stop();
    expect(await metrics.registry.metrics()).toMatch(/^ticketrail_websocket_sockets 0$/m);
  });

  it('counts broken pool connections', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.poolError();
    metrics.poolError();
    expect(await metrics.registry.metrics()).toMatch(/^ticketrail_db_pool_errors_total 2$/m);
  });

  it('includes Node’s process metrics unless told not to', async () => {
    expect(await createMetrics().registry.metrics()).toContain('process_cpu_user_seconds_total');
    expect(await createMetrics({ processMetrics: false }).registry.metrics()).not.toContain(
      'process_cpu',
    );
  });
});
