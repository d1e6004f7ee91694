import { describe, expect, it } from 'vitest';
import { guestMenuUrl } from './table-link';

describe('guestMenuUrl', () => {
  it('holds the table’s secret for a table, and none for pickup', () => {
    expect(guestMenuUrl('https://eat.example', 'harbour-kitchen', 'Ab-9_xyz123')).toBe(
      'https://eat.example/l/harbour-kitchen?table=Ab-9_xyz123',
    );
    expect(guestMenuUrl('https://eat.example', 'harbour-kitchen')).toBe(
      'https://eat.example/l/harbour-kitchen',
    );
  });
});
