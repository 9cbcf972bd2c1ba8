import { describe, expect, test } from 'vitest';
import { initialBudgetState, nextBudget, type BudgetState, type DownlinkSample } from './downlink-budget.js';

const run = (samples: DownlinkSample[], from: BudgetState = initialBudgetState) => samples.reduce((state, sample) => nextBudget(state, sample), from);
const lossy: DownlinkSample = { receivedBps: 600_000, lossFraction: 0.1 };
const clean: DownlinkSample = { receivedBps: 600_000, lossFraction: 0 };

describe('downlink budget', () => {
  test('a clean link has no budget', () => {
    expect(run([clean, clean, clean]).budgetBps).toBeNull();
  });
  test('one or two lossy readings change nothing; sustained loss sets the budget just under what arrives', () => {
    expect(run([lossy, lossy]).budgetBps).toBeNull();
    expect(run([lossy, clean, lossy, clean, lossy]).budgetBps).toBeNull();
    expect(run([lossy, lossy, lossy]).budgetBps).toBe(510_000);
  });
  test('never below the floor', () => {
    expect(run([{ receivedBps: 10_000, lossFraction: 0.5 }, { receivedBps: 10_000, lossFraction: 0.5 }, { receivedBps: 10_000, lossFraction: 0.5 }]).budgetBps).toBe(100_000);
  });
  test('a long clean stretch raises the budget, and lifts it once it no longer limits', () => {
    const limited = run([lossy, lossy, lossy]);
    expect(run(Array(9).fill(clean), limited).budgetBps).toBe(510_000);
    expect(run(Array(10).fill(clean), limited).budgetBps).toBe(765_000);
    expect(run(Array(100).fill(clean), limited).budgetBps).toBeNull();
  });
  test("the browser's own estimate wins when it gives one", () => {
    expect(nextBudget(initialBudgetState, { availableBps: 2_000_000, receivedBps: 0, lossFraction: 0.5 }).budgetBps).toBe(2_000_000);
  });
});
