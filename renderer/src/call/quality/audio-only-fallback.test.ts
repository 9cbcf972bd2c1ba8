import { describe, expect, test } from 'vitest';
import { initialFallbackState, nextFallbackState, type FallbackState } from './audio-only-fallback.js';

const policy = { lowBps: 150_000, highBps: 350_000, starvedLoss: 0.15, holdMs: 5000 };

/** Readings as [time, budget, loss]. */
function run(readings: Array<[number, number, number]>, from: FallbackState = initialFallbackState): FallbackState {
  return readings.reduce((state, [now, budgetBps, lossFraction]) => nextFallbackState(state, { budgetBps, lossFraction }, now, policy), from);
}

describe('audio-only fallback', () => {
  test('a short starved dip keeps video', () => {
    expect(run([[0, 100_000, 0.3], [3000, 100_000, 0.3], [4000, 1_000_000, 0], [9000, 100_000, 0.3]]).audioOnly).toBe(false);
  });
  test('a downlink that stays too thin for the lowest layer pauses video', () => {
    expect(run([[0, 100_000, 0.3], [2000, 120_000, 0.25], [5000, 90_000, 0.4]]).audioOnly).toBe(true);
  });
  test('a lossy link that still carries the lowest layer keeps video (hotel Wi-Fi: 5 % loss)', () => {
    expect(run([[0, 100_000, 0.05], [2000, 100_000, 0.08], [5000, 100_000, 0.06], [20_000, 100_000, 0.05]]).audioOnly).toBe(false);
  });
  test('heavy loss with room in the budget keeps video: the layers step down first', () => {
    expect(run([[0, 1_000_000, 0.3], [5000, 1_000_000, 0.3], [10_000, 1_000_000, 0.3]]).audioOnly).toBe(false);
  });
  test('video resumes only after the downlink stays high, not merely above the low mark', () => {
    const low = run([[0, 100_000, 0.3], [5000, 100_000, 0.3]]);
    expect(low.audioOnly).toBe(true);
    expect(run([[6000, 200_000, 0], [20_000, 200_000, 0]], low).audioOnly).toBe(true);
    expect(run([[6000, 500_000, 0], [11_000, 500_000, 0]], low).audioOnly).toBe(false);
  });
});
