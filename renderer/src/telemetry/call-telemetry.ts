import type { TelemetryEvent } from '../../../shared/diagnostics/telemetry-events.js';
import type { CallState } from '../call/call-store.js';
import { SELF_STATS, type FeedStats } from '../call/quality/stats-monitor.js';
import { callErrorCode } from '../call/session/call-error.js';

/** One quality sample per feed every two seconds: enough for graphs and metrics, small enough to keep an hour. */
export const SAMPLE_INTERVAL_MS = 2000;

type CandidateType = Extract<TelemetryEvent, { type: 'ice' }>['candidateType'];
const CANDIDATE_TYPES = new Set(['host', 'srflx', 'prflx', 'relay']);

export type ObservedCallState = Pick<CallState, 'phase' | 'room' | 'error' | 'stats'>;

function candidateTypeOf(stats: Readonly<Record<string, FeedStats>>): CandidateType {
  const type = stats[SELF_STATS]?.candidateType ?? Object.values(stats).find((feed) => feed.candidateType)?.candidateType;
  return type && CANDIDATE_TYPES.has(type) ? (type as CandidateType) : undefined;
}

/**
 * Turns successive call states into telemetry events: join attempts and
 * their outcome and duration, media path changes with the candidate type,
 * reconnects and how long they took, simulcast layer switches, and quality
 * samples. It reads the call store only, so the engine needs no hooks.
 */
export class CallTelemetryRecorder {
  private previous: ObservedCallState | null = null;
  private joinStartedAt: number | null = null;
  private reconnectStartedAt: number | null = null;
  private lastCandidateType: CandidateType = undefined;
  private readonly lastSampleAt = new Map<string, number>();

  observe(state: ObservedCallState, now: number): TelemetryEvent[] {
    const previous = this.previous;
    this.previous = state;
    const events: TelemetryEvent[] = [];
    const phaseChanged = previous?.phase !== state.phase;

    if (phaseChanged && state.phase === 'joining') {
      this.joinStartedAt = now;
      events.push({ type: 'join-attempt', at: now, room: state.room ?? '' });
    }
    if (phaseChanged && previous?.phase === 'joining' && this.joinStartedAt !== null) {
      const ok = state.phase === 'in-call';
      events.push({ type: 'join-result', at: now, ok, durationMs: now - this.joinStartedAt, ...(!ok && state.error ? { error: callErrorCode(state.error) } : {}) });
      this.joinStartedAt = null;
    }
    if (phaseChanged && state.phase === 'reconnecting') {
      this.reconnectStartedAt = now;
      events.push({ type: 'reconnect', at: now, outcome: 'started' });
      events.push({ type: 'ice', at: now, state: 'reconnecting' });
    }
    if (phaseChanged && previous?.phase === 'reconnecting' && this.reconnectStartedAt !== null) {
      const recovered = state.phase === 'in-call';
      events.push({ type: 'reconnect', at: now, outcome: recovered ? 'recovered' : 'failed', durationMs: now - this.reconnectStartedAt, ...(state.error ? { cause: callErrorCode(state.error) } : {}) });
      this.reconnectStartedAt = null;
    }
    if (phaseChanged && state.phase === 'failed' && (previous?.phase === 'in-call' || previous?.phase === 'reconnecting')) {
      events.push({ type: 'ice', at: now, state: 'failed' });
    }
    if (state.phase !== 'in-call') this.lastCandidateType = undefined;

    if (state.phase === 'in-call') {
      const candidateType = candidateTypeOf(state.stats);
      if (candidateType && (candidateType !== this.lastCandidateType || phaseChanged)) {
        events.push({ type: 'ice', at: now, state: 'connected', candidateType });
        this.lastCandidateType = candidateType;
      }
    }

    for (const [feed, stats] of Object.entries(state.stats)) {
      const before = previous?.stats[feed];
      if (before && before.layer !== stats.layer) events.push({ type: 'layer-switch', at: now, feed, from: before.layer, to: stats.layer });
      const last = this.lastSampleAt.get(feed);
      if (last === undefined || now - last >= SAMPLE_INTERVAL_MS) {
        this.lastSampleAt.set(feed, now);
        events.push({
          type: 'quality-sample',
          at: now,
          feed,
          quality: stats.quality,
          ...(stats.rttMs !== undefined ? { rttMs: stats.rttMs } : {}),
          ...(stats.jitterMs !== undefined ? { jitterMs: stats.jitterMs } : {}),
          ...(stats.lossFraction !== undefined ? { lossFraction: stats.lossFraction } : {}),
          ...(stats.bitrateBps !== undefined ? { bitrateBps: stats.bitrateBps } : {}),
          ...(stats.availableBitrateBps !== undefined ? { availableBitrateBps: stats.availableBitrateBps } : {}),
        });
      }
    }
    return events;
  }
}
