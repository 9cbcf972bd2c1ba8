/**
 * Decides when a downlink is too thin for video. Video pauses once the
 * budget stays below `lowBps` while loss stays at `starvedLoss` or more,
 * for `holdMs`: the lowest layers are already chosen and still do not get
 * through. Loss alone is not enough (a lossy link still carries the lowest
 * layer: retransmissions repair a few per cent), nor is a low budget alone
 * (the budget follows what arrives, and the lowest layer is little). Video
 * resumes once the budget stays above `highBps` for `holdMs`, so a short
 * dip or spike does not make video flap.
 */
export interface FallbackPolicy {
  readonly lowBps: number;
  readonly highBps: number;
  readonly starvedLoss: number;
  readonly holdMs: number;
}

/** Below 150 kbit/s even the lowest layer of two tiles does not fit beside audio; past 15 % loss it freezes. */
export const DEFAULT_FALLBACK_POLICY: FallbackPolicy = { lowBps: 150_000, highBps: 350_000, starvedLoss: 0.15, holdMs: 5000 };

/** One stats reading of the subscription, as the fallback weighs it. */
export interface DownlinkReading {
  /** The downlink budget; unlimited when nothing limits it. */
  readonly budgetBps: number;
  /** The worst loss among the received streams in this reading, 0 to 1. */
  readonly lossFraction: number;
}

export interface FallbackState {
  readonly audioOnly: boolean;
  /** Since when the estimate has been on the other side of the threshold, or null. */
  readonly crossingSince: number | null;
}

export const initialFallbackState: FallbackState = { audioOnly: false, crossingSince: null };

export function nextFallbackState(state: FallbackState, reading: DownlinkReading, nowMs: number, policy = DEFAULT_FALLBACK_POLICY): FallbackState {
  const crossing = state.audioOnly
    ? reading.budgetBps > policy.highBps
    : reading.budgetBps < policy.lowBps && reading.lossFraction >= policy.starvedLoss;
  if (!crossing) return state.crossingSince === null ? state : { ...state, crossingSince: null };
  const since = state.crossingSince ?? nowMs;
  if (nowMs - since >= policy.holdMs) return { audioOnly: !state.audioOnly, crossingSince: null };
  return state.crossingSince === since ? state : { ...state, crossingSince: since };
}
