import { describe, expect, it } from 'vitest';
import { logBudget } from './log-budget';

describe('the log budget', () => {
  it('writes a few lines of a kind per window, then says how many it left out', () => {
    const written: string[] = [];
    let clock = 0;
    const log = logBudget((line) => written.push(line), {
      lines: 2,
      windowMs: 1000,
      now: () => clock,
    });
    for (let index = 0; index < 50; index += 1) log('ws-client', `frame ${index}`);
    log('internal', 'a real failure');
    expect(written).toEqual(['frame 0', 'frame 1', 'a real failure']);
    clock = 1000;
    log('ws-client', 'frame 50');
    expect(written.slice(3)).toEqual([
      '[log] 48 more "ws-client" lines were left out of the last window',
      'frame 50',
    ]);
  });
});
