import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CurrentPull, PULL_TIMEOUT_MS } from './current-pull.js';

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
