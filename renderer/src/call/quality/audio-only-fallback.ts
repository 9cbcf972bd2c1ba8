import { screenOwnerOf } from '../feed-labels.js';
import type { SubscriptionStream } from '../janus/videoroom-messages.js';

/**
 * Decides when a downlink is too thin for video: it must stay below `lowBps`
 * for `holdMs` before video pauses, and above `highBps` for `holdMs` before
 * it resumes, so a short dip or spike does not make video flap.
 */
export interface FallbackPolicy {
  readonly lowBps: number;
  readonly highBps: number;
  readonly holdMs: number;
}

/** Below 150 kbit/s even the lowest layer of two tiles does not fit beside audio. */
export const DEFAULT_FALLBACK_POLICY: FallbackPolicy = { lowBps: 150_000, highBps: 350_000, holdMs: 5000 };

export interface FallbackState {
  readonly audioOnly: boolean;
  /** Since when the estimate has been on the other side of the threshold, or null. */
  readonly crossingSince: number | null;
}

export const initialFallbackState: FallbackState = { audioOnly: false, crossingSince: null };

export function nextFallbackState(state: FallbackState, estimateBps: number | null, nowMs: number, policy = DEFAULT_FALLBACK_POLICY): FallbackState {
  if (estimateBps === null) return state;
  const crossing = state.audioOnly ? estimateBps > policy.highBps : estimateBps < policy.lowBps;
  if (!crossing) return state.crossingSince === null ? state : { ...state, crossingSince: null };
  const since = state.crossingSince ?? nowMs;
  if (nowMs - since >= policy.holdMs) return { audioOnly: !state.audioOnly, crossingSince: null };
  return state.crossingSince === since ? state : { ...state, crossingSince: since };
}

/** The m-lines the fallback pauses: every camera's video. Screen shares keep flowing, being what the meeting looks at. */
export function fallbackVideoMids(streams: readonly SubscriptionStream[]): string[] {
  return streams.filter((stream) => stream.type === 'video' && !(stream.feed_id && screenOwnerOf(stream.feed_id))).map((stream) => stream.mid);
}
