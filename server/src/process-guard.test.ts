import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installProcessGuard } from './process-guard';

/** A stand-in for `process`: emitting on it is what Node does on a stray error. */
function setup(options: { maxUncaught?: number; shutdown?: () => Promise<void> } = {}) {
  const target = new EventEmitter();
  const logged: string[] = [];
  const exits: number[] = [];
  const stops: string[] = [];
  let clock = 0;
  const guard = installProcessGuard(
    {
      log: (line) => logged.push(line),
      shutdown: async (reason) => {
        stops.push(reason);
        await options.shutdown?.();
      },
      maxUncaught: options.maxUncaught ?? 3,
      windowMs: 60_000,
      exit: (code) => exits.push(code),
      now: () => clock,
    },
    target as unknown as Pick<NodeJS.Process, 'on' | 'off'>,
  );
  return {
    target,
    logged,
    exits,
    stops,
    guard,
    tick: (ms: number) => (clock += ms),
    settle: () => new Promise((resolve) => setImmediate(resolve)),
  };
}

describe('the process guard', () => {
  it('logs an unhandled rejection with its stack and keeps serving', async () => {
    const { target, logged, exits, stops, settle } = setup();
    target.emit('unhandledRejection', new Error('nobody awaited me'));
    await settle();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('unhandled rejection (still serving)');
    expect(logged[0]).toContain('nobody awaited me');
    expect(logged[0]).toMatch(/\n\s+at /);
    expect([exits, stops]).toEqual([[], []]);
  });

  it('keeps serving after a lone uncaught exception', async () => {
    const { target, logged, exits, stops, settle, tick } = setup({ maxUncaught: 3 });
    for (let index = 0; index < 10; index += 1) {
      target.emit('uncaughtException', new Error(`stray ${index}`));
      tick(30_000);
    }
    await settle();
    expect(logged.filter((line) => line.includes('still serving'))).toHaveLength(10);
    expect([exits, stops]).toEqual([[], []]);
  });

  it('stops cleanly, flushing first, when exceptions come in a burst', async () => {
    let flushed = false;
    const { target, exits, stops, settle } = setup({
      maxUncaught: 3,
      shutdown: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        flushed = true;
      },
    });
    for (let index = 0; index < 4; index += 1) target.emit('uncaughtException', new Error('loop'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle();
    expect(stops).toEqual(['4 uncaught exceptions within 60 s']);
    expect(flushed).toBe(true);
    expect(exits).toEqual([1]);
  });

  it('stops once, whatever else arrives meanwhile', async () => {
    const { guard, target, exits, stops } = setup();
    await Promise.all([guard.stop('SIGTERM', 0), guard.stop('SIGINT', 0)]);
    target.emit('uncaughtException', new Error('late'));
    expect([stops, exits]).toEqual([['SIGTERM'], [0]]);
  });

  it('uninstalls its listeners', () => {
    const { guard, target } = setup();
    guard.uninstall();
    expect(target.listenerCount('uncaughtException')).toBe(0);
    expect(target.listenerCount('unhandledRejection')).toBe(0);
  });
});
