/**
 * The process's logger: one JSON object a line, for a log shipper to index.
 * It writes to stderr because stdout carries the human start-up banner, which
 * people read and scripts/cluster.mjs waits for ("Press Ctrl+C to stop.").
 */
import { pino, type DestinationStream, type Level, type Logger } from 'pino';

export type LogLevel = Level | 'silent';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface LoggerOptions {
  level: LogLevel;
  /** Where lines go; stderr unless a test captures them. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      // A readable time costs little at our volume and saves a conversion when reading raw lines.
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    // Synchronous, so the lines written just before an exit (a fatal error, a
    // clean stop) are not lost in a buffer.
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
