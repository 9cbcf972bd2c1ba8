import { describe, expect, test } from 'vitest';
import { initialMediaHealth, nextMediaHealth, type MediaHealth } from './media-health.js';

const policy = { tellAfterMs: 5000, retryEveryMs: 5000 };

describe('media health', () => {
  test('a short break is not reported; a lasting one is, with restarts paced until it heals', () => {
    let health: MediaHealth = initialMediaHealth;
    const step = (states: RTCIceConnectionState[], now: number) => {
      const result = nextMediaHealth(health, states, now, policy);
      health = result.health;
      return { broken: result.broken, retry: result.retry };
    };
    expect(step(['connected', 'connected'], 0)).toEqual({ broken: false, retry: false });
    expect(step(['disconnected', 'connected'], 1000)).toEqual({ broken: false, retry: false });
    expect(step(['checking', 'connected'], 5999)).toEqual({ broken: false, retry: false });
    expect(step(['failed', 'connected'], 6000)).toEqual({ broken: true, retry: true });
    expect(step(['checking', 'failed'], 9000)).toEqual({ broken: true, retry: false });
    expect(step(['failed', 'failed'], 11_000)).toEqual({ broken: true, retry: true });
    expect(step(['connected', 'completed'], 12_000)).toEqual({ broken: false, retry: false });
    expect(health).toEqual(initialMediaHealth);
  });

  test('connections not in use yet, or closed, are not a problem', () => {
    expect(nextMediaHealth(initialMediaHealth, ['connected', 'new', 'closed'], 10_000, policy).broken).toBe(false);
  });
});
