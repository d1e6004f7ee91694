import { describe, expect, it } from 'vitest';
import { businessDate } from './business-date';

describe('businessDate', () => {
  it('is the calendar day at the restaurant, not on the server', () => {
    // 23:30 UTC in summer is already tomorrow in Dublin (UTC+1)…
    expect(businessDate(new Date('2026-06-30T23:30:00Z'), 'Europe/Dublin')).toBe('2026-07-01');
    // …but not in winter (UTC+0).
    expect(businessDate(new Date('2026-12-31T23:30:00Z'), 'Europe/Dublin')).toBe('2026-12-31');
    expect(businessDate(new Date('2026-03-01T03:00:00Z'), 'America/New_York')).toBe('2026-02-28');
    expect(businessDate(new Date('2026-03-01T16:00:00Z'), 'Asia/Tokyo')).toBe('2026-03-02');
  });
});
