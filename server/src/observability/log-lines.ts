/**
 * The code base hands `log: (message: string) => void` to every part that may
 * need to say something, with the part's name in front: "[redis] …",
 * "[hub] …". This turns such a line into a structured one, the tag becoming
 * the `component` field, so nothing that logs needs to know about pino.
 */
import type { Level, Logger } from 'pino';

export type LogLine = (message: string) => void;

/** "[redis subscriber] text": the tag's first word is the component, the rest its scope. */
const TAG = /^\[([^\]\s]+)(?: ([^\]]+))?\]\s*/;

export interface LogLineOptions {
  /**
   * The level of every line. These lines report something an operator should
   * see (a failure, a reconnect, a stop), so they sit above `info`.
   */
  level?: Level;
}

export function logLines(logger: Logger, options: LogLineOptions = {}): LogLine {
  const level = options.level ?? 'warn';
  return (message) => {
    const tag = TAG.exec(message);
    if (!tag) {
      logger[level](message);
      return;
    }
    const [whole, component, scope] = tag;
    const fields = scope ? { component, scope } : { component };
    logger[level](fields, message.slice(whole.length));
  };
}
