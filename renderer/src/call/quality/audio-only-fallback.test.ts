import { describe, expect, test } from 'vitest';
import { fallbackVideoMids, initialFallbackState, nextFallbackState, type FallbackState } from './audio-only-fallback.js';
import { screenFeedId } from '../feed-labels.js';

const policy = { lowBps: 150_000, highBps: 350_000, holdMs: 5000 };

function run(readings: Array<[number, number | null]>): FallbackState {
  return readings.reduce((state, [now, estimate]) => nextFallbackState(state, estimate, now, policy), initialFallbackState);
}

describe('audio-only fallback', () => {
  test('a short dip keeps video', () => {
    expect(run([[0, 100_000], [3000, 100_000], [4000, 1_000_000], [9000, 100_000]]).audioOnly).toBe(false);
  });
  test('a downlink that stays low pauses video', () => {
    expect(run([[0, 100_000], [2000, 120_000], [5000, 90_000]]).audioOnly).toBe(true);
  });
  test('video resumes only after the downlink stays high, not merely above the low mark', () => {
    const low = run([[0, 100_000], [5000, 100_000]]);
    expect(nextFallbackState(nextFallbackState(low, 200_000, 6000, policy), 200_000, 20_000, policy).audioOnly).toBe(true);
    const recovering = nextFallbackState(low, 500_000, 6000, policy);
    expect(nextFallbackState(recovering, 500_000, 11_000, policy).audioOnly).toBe(false);
  });
  test('no estimate changes nothing', () => {
    expect(nextFallbackState(initialFallbackState, null, 0, policy)).toBe(initialFallbackState);
  });
  test('pauses every camera video but no screen share and no audio', () => {
    const streams = [
      { mid: '0', type: 'audio', feed_id: 'bob' },
      { mid: '1', type: 'video', feed_id: 'bob' },
      { mid: '2', type: 'video', feed_id: screenFeedId('bob') },
      { mid: '3', type: 'video', feed_id: 'carol' },
    ] as const;
    expect(fallbackVideoMids(streams)).toEqual(['1', '3']);
  });
});
