/**
 * How current a live screen is, in a word: a kitchen needs to know at a
 * glance when the board may be missing tickets, and since when.
 */
import type { LiveConnection } from '../live/connection';

const pad = (value: number) => String(value).padStart(2, '0');

/** 14:05 — the local time, 24-hour, the way a kitchen reads a clock. */
export function clockTime(date: Date, withSeconds = false): string {
  const base = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return withSeconds ? `${base}:${pad(date.getSeconds())}` : base;
}

function label(connection: LiveConnection): string {
  switch (connection.status) {
    case 'live':
      return 'Live';
    case 'delayed':
      // "Updates", not just "Delayed": a guest must not read it as their order running late.
      return 'Updates delayed';
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'offline':
      return connection.offlineSince
        ? `Offline since ${clockTime(connection.offlineSince)}`
        : 'Offline';
  }
}

export function ConnectionBadge({ connection }: { connection: LiveConnection }) {
  const { status, lastSyncedAt } = connection;
  // Once away, say how old the screen may be; while live it is current by definition.
  const showSynced = lastSyncedAt !== null && (status === 'reconnecting' || status === 'offline');
  return (
    <p className={`live-badge live-badge--${status}`} role="status" aria-live="polite">
      <span className="live-badge__label">{label(connection)}</span>
      {status === 'delayed' ? (
        <span className="live-badge__detail"> · may take a few seconds</span>
      ) : null}
      {showSynced ? (
        <span className="live-badge__synced">
          {' '}
          · last synced{' '}
          <time dateTime={lastSyncedAt.toISOString()}>{clockTime(lastSyncedAt, true)}</time>
        </span>
      ) : null}
    </p>
  );
}
