import { describe, expect, it } from 'vitest';
import { healthCheck } from './health';

describe('the health check', () => {
  it('is ok while the database answers, whatever the bus', async () => {
    const check = healthCheck({ ping: async () => 1, bus: () => 'down' });
    expect(await check()).toEqual({ ok: true, database: 'up', bus: 'down' });
  });

  it('is not ok when the database fails', async () => {
    const check = healthCheck({
      ping: () => Promise.reject(new Error('refused')),
      bus: () => 'up',
    });
    expect(await check()).toEqual({ ok: false, database: 'down', bus: 'up' });
  });

  it('answers within its timeout when the database hangs, sharing one query', async () => {
    let pings = 0;
    const check = healthCheck({
      ping: () => {
        pings += 1;
        return new Promise(() => {});
      },
      bus: () => 'up',
      timeoutMs: 50,
    });
    const started = Date.now();
    const answers = await Promise.all([check(), check(), check()]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(answers.every((answer) => answer.database === 'down' && !answer.ok)).toBe(true);
    expect(pings).toBe(1);
  });
});
