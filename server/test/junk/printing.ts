/**
 * Short descriptions of junk for failure reports: fast-check prints a
 * counterexample with its toString method when it has one, and a 1 MB body
 * printed in full buries the one line that matters.
 */
import fc from 'fast-check';
import type { HttpCase } from './http-client';
import type { Frame } from './ws-client';

/** The start of `text`, and how long it really was. */
export function clip(text: string, max = 160): string {
  const shown = JSON.stringify(text.length > max ? text.slice(0, max) : text);
  return text.length > max ? `${shown}…(${text.length} chars)` : shown;
}

/** Gives `value` a description fast-check prints instead of the whole value. */
export function described<T extends object>(value: T, text: string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => text, enumerable: false });
  return value;
}

export function describeHttpCase(c: HttpCase): string {
  const body =
    c.body === undefined
      ? 'no body'
      : typeof c.body === 'string'
        ? `body ${clip(c.body)}`
        : `body ${c.body.length} bytes`;
  return `${c.method} ${clip(c.path, 300)} headers ${clip(JSON.stringify(c.headers), 300)} ${body}`;
}

export function describeFrame(frame: Frame): string {
  if (frame.kind === 'text') return clip(frame.text);
  return `${frame.kind} frame [${[...frame.bytes.slice(0, 16)].join(',')}${frame.bytes.length > 16 ? ',…' : ''}] (${frame.bytes.length} bytes)`;
}
