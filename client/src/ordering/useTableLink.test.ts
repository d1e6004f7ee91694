import { tableSecretSchema } from '@ticketrail/shared';
import { describe, expect, it } from 'vitest';
import { TABLE_SECRET_SHAPE } from './useTableLink';

describe('the table link check', () => {
  it('takes the secrets the server takes, and refuses the ones it refuses', () => {
    const samples = [
      '',
      'short',
      '1234567',
      '12345678',
      'abcDEF_-09',
      'a'.repeat(100),
      'a'.repeat(101),
      'with space12',
      'slash/inside',
      'ümlaut-secret',
      'line\nbreak-secret',
      'trailing-newline\n',
    ];
    for (const secret of samples) {
      expect(TABLE_SECRET_SHAPE.test(secret), secret).toBe(
        tableSecretSchema.safeParse(secret).success,
      );
    }
  });
});
