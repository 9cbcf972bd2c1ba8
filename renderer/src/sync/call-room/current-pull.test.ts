import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CurrentPull, PULL_TIMEOUT_MS, REPEATED_PULL_MS, RepeatedPulls } from './current-pull.js';

describe('the peer a document pulls from', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('is given up when it has not started delivering by the deadline', () => {
    const gaveUp = vi.fn();
    const pull = new CurrentPull(gaveUp);
    pull.start('a');
    vi.advanceTimersByTime(PULL_TIMEOUT_MS - 1);
    expect(gaveUp).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(gaveUp).toHaveBeenCalledWith('a');
  });

  test('has no deadline while its catch-up flows, and a new one once the channel closed early', () => {
    const gaveUp = vi.fn();
    const pull = new CurrentPull(gaveUp);
    pull.start('a');
    pull.flowing('a');
    vi.advanceTimersByTime(PULL_TIMEOUT_MS * 4);
    expect(gaveUp).not.toHaveBeenCalled();
    pull.interrupted('a');
    vi.advanceTimersByTime(PULL_TIMEOUT_MS);
    expect(gaveUp).toHaveBeenCalledWith('a');
  });

  test('ignores news about another peer, and forgets everything once stopped', () => {
    const gaveUp = vi.fn();
    const pull = new CurrentPull(gaveUp);
    pull.start('a');
    pull.flowing('b');
    vi.advanceTimersByTime(PULL_TIMEOUT_MS);
    expect(gaveUp).toHaveBeenCalledTimes(1);
    pull.start('b');
    pull.stop();
    expect(pull.from).toBeNull();
    vi.advanceTimersByTime(PULL_TIMEOUT_MS);
    expect(gaveUp).toHaveBeenCalledTimes(1);
  });
});

describe('pulls a member sent us', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('the same state vector again soon is a repeat; another one, another member, or the same one later is not', () => {
    const pulls = new RepeatedPulls();
    expect(pulls.repeated('a', Uint8Array.of(1, 7, 3))).toBe(false);
    expect(pulls.repeated('a', Uint8Array.of(1, 7, 3))).toBe(true);
    expect(pulls.repeated('b', Uint8Array.of(1, 7, 3))).toBe(false);
    expect(pulls.repeated('a', Uint8Array.of(1, 7, 4))).toBe(false);
    vi.advanceTimersByTime(REPEATED_PULL_MS);
    expect(pulls.repeated('a', Uint8Array.of(1, 7, 4))).toBe(false);
    pulls.forget('b');
    expect(pulls.repeated('b', Uint8Array.of(1, 7, 3))).toBe(false);
  });

  test('a pull is awaited until its catch-up flows', () => {
    const pull = new CurrentPull(vi.fn());
    pull.start('a');
    expect([pull.awaiting('a'), pull.awaiting('b')]).toEqual([true, false]);
    pull.flowing('a');
    expect(pull.awaiting('a')).toBe(false);
  });
});
