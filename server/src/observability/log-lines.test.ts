import { describe, expect, it } from 'vitest';
import { logLines } from './log-lines';
import { createLogger, type LogLevel } from './logger';

function capture(level: LogLevel = 'info') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level,
    destination: {
      write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
    },
  });
  return { logger, lines };
}

describe('log lines as structured logs', () => {
  it('turns the leading [tag] into the component and keeps the rest as the message', () => {
    const { logger, lines } = capture();
    logLines(logger)('[hub] reading room:kitchen:1 from the log failed: boom');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 40,
      component: 'hub',
      msg: 'reading room:kitchen:1 from the log failed: boom',
    });
    expect(lines[0]).not.toHaveProperty('scope');
    expect(typeof lines[0]?.['time']).toBe('string');
  });

  it('keeps the words after the first of a tag as its scope', () => {
    const { logger, lines } = capture();
    logLines(logger)('[redis subscriber] connect ECONNREFUSED 127.0.0.1:6379');
    expect(lines[0]).toMatchObject({
      component: 'redis',
      scope: 'subscriber',
      msg: 'connect ECONNREFUSED 127.0.0.1:6379',
    });
  });

  it('writes an untagged line whole, with no component', () => {
    const { logger, lines } = capture();
    logLines(logger)('no tag here [hub] later');
    expect(lines[0]).toMatchObject({ msg: 'no tag here [hub] later' });
    expect(lines[0]).not.toHaveProperty('component');
  });

  it('keeps a stack trace inside one JSON line', () => {
    const { logger, lines } = capture();
    logLines(logger)('[trpc] orders.place failed: Error: x\n    at y (z.ts:1:1)');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.['msg']).toBe('orders.place failed: Error: x\n    at y (z.ts:1:1)');
  });

  it('writes at the level it was given, and nothing below the logger’s level', () => {
    const quiet = capture('error');
    logLines(quiet.logger)('[redis] reconnecting');
    expect(quiet.lines).toHaveLength(0);
    logLines(quiet.logger, { level: 'error' })('[process] uncaught exception');
    expect(quiet.lines[0]).toMatchObject({ level: 50, component: 'process' });
  });
});
