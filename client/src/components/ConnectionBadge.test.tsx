// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionBadge, clockTime } from './ConnectionBadge';

const local = (hours: number, minutes: number, seconds = 0) =>
  new Date(2026, 10, 24, hours, minutes, seconds);

afterEach(cleanup);

describe('ConnectionBadge', () => {
  it('says Live while live', () => {
    render(
      <ConnectionBadge
        connection={{ status: 'live', offlineSince: null, lastSyncedAt: local(14, 4) }}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Live');
  });

  it('says updates are delayed, in its own style, while live but late', () => {
    render(
      <ConnectionBadge
        connection={{ status: 'delayed', offlineSince: null, lastSyncedAt: local(14, 4) }}
      />,
    );
    const badge = screen.getByRole('status');
    expect(badge.textContent).toBe('Updates delayed · may take a few seconds');
    expect(badge.className).toBe('live-badge live-badge--delayed');
    expect(badge.getAttribute('aria-live')).toBe('polite');
  });

  it('says Connecting… before the first connection', () => {
    render(
      <ConnectionBadge
        connection={{ status: 'connecting', offlineSince: null, lastSyncedAt: null }}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Connecting…');
  });

  it('says Reconnecting… with the last sync time', () => {
    render(
      <ConnectionBadge
        connection={{
          status: 'reconnecting',
          offlineSince: local(14, 5, 2),
          lastSyncedAt: local(14, 4, 59),
        }}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Reconnecting… · last synced 14:04:59');
  });

  it('says since when it is offline and when it last synced', () => {
    render(
      <ConnectionBadge
        connection={{
          status: 'offline',
          offlineSince: local(14, 5, 30),
          lastSyncedAt: local(14, 4, 59),
        }}
      />,
    );
    const badge = screen.getByRole('status');
    expect(badge.textContent).toBe('Offline since 14:05 · last synced 14:04:59');
    expect(badge.querySelector('time')?.getAttribute('datetime')).toBe(
      local(14, 4, 59).toISOString(),
    );
  });

  it('writes times on a 24-hour clock', () => {
    expect(clockTime(local(9, 3, 7))).toBe('09:03');
    expect(clockTime(local(21, 30, 5), true)).toBe('21:30:05');
  });
});
