/** The webhook policy as start-up reads it (config.ts): private addresses off unless allowed. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';

describe('start-up configuration of webhooks', () => {
  it('refuses the private network by default, and takes the operator’s allowances', () => {
    expect(loadConfig({}).webhookPolicy).toEqual({ allowPrivate: false, allowHosts: [] });
    const allowed = loadConfig({
      TICKETRAIL_WEBHOOK_ALLOW_PRIVATE: 'false',
      TICKETRAIL_WEBHOOK_ALLOW_HOSTS: 'hooks.internal, 10.0.0.0/8',
    }).webhookPolicy;
    expect(allowed.allowPrivate).toBe(false);
    expect(allowed.allowHosts).toHaveLength(2);
    expect(
      loadConfig({ TICKETRAIL_WEBHOOK_ALLOW_PRIVATE: 'true' }).webhookPolicy.allowPrivate,
    ).toBe(true);
  });

  it('stops start-up with a message for a bad value', () => {
    expect(() => loadConfig({ TICKETRAIL_WEBHOOK_ALLOW_PRIVATE: 'maybe' })).toThrow(
      'Ticketrail\'s configuration is not valid:\n  TICKETRAIL_WEBHOOK_ALLOW_PRIVATE must be true or false, not "maybe".',
    );
  });
});
