import { describe, expect, test } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('join rate limit per address', () => {
  test('100 rapid attempts from one address: the burst passes, the rest are refused with a wait', () => {
    const time = clock();
    const limiter = new RateLimiter({ burst: 10, perMinute: 30 }, time.now);
    const decisions = Array.from({ length: 100 }, () => limiter.take('203.0.113.5'));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
    expect(decisions.at(-1)).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  test('refills at the configured rate, never above the burst', () => {
    const time = clock();
    const limiter = new RateLimiter({ burst: 2, perMinute: 60 }, time.now);
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a').allowed).toBe(false);
    time.advance(1000);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    time.advance(3_600_000);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')].map((decision) => decision.allowed)).toEqual([true, true, false]);
  });

  test('one address spending its bucket leaves another\u2019s untouched', () => {
    const limiter = new RateLimiter({ burst: 1, perMinute: 1 }, clock().now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  test('keeps working past the tracking bound, still limiting a busy address', () => {
    const time = clock();
    const limiter = new RateLimiter({ burst: 1, perMinute: 1 }, time.now);
    limiter.take('busy');
    for (let index = 0; index < 10_050; index += 1) limiter.take(`visitor-${index}`);
    expect(limiter.take('busy').allowed).toBe(false);
  });
});
