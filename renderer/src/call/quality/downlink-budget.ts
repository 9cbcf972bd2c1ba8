/**
 * The subscriber's downlink budget, from one stats reading a second.
 * Chromium gives a receiver no bandwidth estimate, so the budget follows
 * loss: sustained loss steps it down to a bit below what actually arrives,
 * and a long clean stretch lifts it again, first by half, then entirely.
 * Single lossy readings (a keyframe burst, a busy CPU) change nothing, so
 * layers do not flap.
 */
export interface BudgetPolicy {
  /** Loss at or above this, every reading for `lossyReadings` readings, steps the budget down. */
  readonly lossFraction: number;
  readonly lossyReadings: number;
  /** Loss below this for `cleanReadings` readings steps it up. */
  readonly cleanFraction: number;
  readonly cleanReadings: number;
  /** Never below this: audio and the lowest layers must still fit. */
  readonly floorBps: number;
}

export const DEFAULT_BUDGET_POLICY: BudgetPolicy = { lossFraction: 0.05, lossyReadings: 3, cleanFraction: 0.01, cleanReadings: 10, floorBps: 100_000 };

export interface BudgetState {
  /** Null: nothing limits the layers. */
  readonly budgetBps: number | null;
  readonly lossyStreak: number;
  readonly cleanStreak: number;
}

export const initialBudgetState: BudgetState = { budgetBps: null, lossyStreak: 0, cleanStreak: 0 };

export interface DownlinkSample {
  /** The browser's own estimate, when it gives one: it wins. */
  readonly availableBps?: number | undefined;
  readonly receivedBps: number;
  readonly lossFraction: number;
}

export function nextBudget(state: BudgetState, sample: DownlinkSample, policy = DEFAULT_BUDGET_POLICY): BudgetState {
  if (sample.availableBps !== undefined) return { budgetBps: Math.max(policy.floorBps, sample.availableBps), lossyStreak: 0, cleanStreak: 0 };
  if (sample.lossFraction >= policy.lossFraction) {
    const lossyStreak = state.lossyStreak + 1;
    if (lossyStreak < policy.lossyReadings) return { ...state, lossyStreak, cleanStreak: 0 };
    return { budgetBps: Math.max(policy.floorBps, sample.receivedBps * 0.85), lossyStreak: 0, cleanStreak: 0 };
  }
  if (sample.lossFraction < policy.cleanFraction && state.budgetBps !== null) {
    const cleanStreak = state.cleanStreak + 1;
    if (cleanStreak < policy.cleanReadings) return { ...state, lossyStreak: 0, cleanStreak };
    const raised = state.budgetBps * 1.5;
    // Past what three high layers need, the budget no longer limits anything.
    return { budgetBps: raised >= 4_000_000 ? null : raised, lossyStreak: 0, cleanStreak: 0 };
  }
  return state.lossyStreak === 0 && state.cleanStreak === 0 ? state : { ...state, lossyStreak: 0, cleanStreak: 0 };
}
