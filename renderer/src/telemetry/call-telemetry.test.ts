import { describe, expect, test } from 'vitest';
import type { FeedStats } from '../call/quality/stats-monitor.js';
import { CallTelemetryRecorder, SAMPLE_INTERVAL_MS, type ObservedCallState } from './call-telemetry.js';
import { createTelemetryStore, eventsSince, MAX_EVENTS, recordEvents } from './telemetry-store.js';

const idle: ObservedCallState = { phase: 'idle', room: null, error: null, stats: {} };

function feed(change: Partial<FeedStats> = {}): FeedStats {
  return { quality: 'good', layer: 2, bitrateHistory: [], rttHistory: [], rttMs: 20, jitterMs: 3, lossFraction: 0, bitrateBps: 900_000, ...change };
}

describe('call telemetry from store changes', () => {
  test('a join is an attempt, then a result with its duration and the selected candidate type', () => {
    const recorder = new CallTelemetryRecorder();
    recorder.observe(idle, 0);
    expect(recorder.observe({ ...idle, phase: 'joining', room: 'standup' }, 1000)).toEqual([{ type: 'join-attempt', at: 1000, room: 'standup' }]);
    const joined = recorder.observe({ phase: 'in-call', room: 'standup', error: null, stats: { self: feed({ candidateType: 'relay' }) } }, 1450);
    expect(joined).toContainEqual({ type: 'join-result', at: 1450, ok: true, durationMs: 450 });
    expect(joined).toContainEqual({ type: 'ice', at: 1450, state: 'connected', candidateType: 'relay' });
  });

  test('a failed join carries the error the user saw', () => {
    const recorder = new CallTelemetryRecorder();
    recorder.observe({ ...idle, phase: 'joining', room: 'standup' }, 0);
    expect(recorder.observe({ ...idle, phase: 'failed', room: 'standup', error: { reason: 'wrongPin', room: 'standup' } }, 300)).toEqual([
      { type: 'join-result', at: 300, ok: false, durationMs: 300, error: 'wrongPin' },
    ]);
  });

  test('a reconnect is timed from its start to recovery', () => {
    const recorder = new CallTelemetryRecorder();
    const inCall: ObservedCallState = { phase: 'in-call', room: 'r', error: null, stats: {} };
    recorder.observe(inCall, 0);
    expect(recorder.observe({ ...inCall, phase: 'reconnecting' }, 5000)).toEqual([
      { type: 'reconnect', at: 5000, outcome: 'started' },
      { type: 'ice', at: 5000, state: 'reconnecting' },
    ]);
    expect(recorder.observe(inCall, 7200)).toContainEqual({ type: 'reconnect', at: 7200, outcome: 'recovered', durationMs: 2200 });
  });

  test('layer switches are recorded per feed, quality samples at most every interval', () => {
    const recorder = new CallTelemetryRecorder();
    const at = (layer: 0 | 1 | 2, rttMs: number): ObservedCallState => ({ phase: 'in-call', room: 'r', error: null, stats: { alice: feed({ layer, rttMs }) } });
    const first = recorder.observe(at(2, 20), 0);
    expect(first.filter((event) => event.type === 'quality-sample')).toHaveLength(1);
    const soon = recorder.observe(at(0, 150), SAMPLE_INTERVAL_MS / 2);
    expect(soon).toEqual([{ type: 'layer-switch', at: SAMPLE_INTERVAL_MS / 2, feed: 'alice', from: 2, to: 0 }]);
    const later = recorder.observe(at(0, 150), SAMPLE_INTERVAL_MS);
    expect(later).toEqual([expect.objectContaining({ type: 'quality-sample', feed: 'alice', rttMs: 150, quality: 'good' })]);
  });
});

describe('telemetry store', () => {
  test('keeps a bounded window and still tells listeners which events are new', () => {
    const store = createTelemetryStore();
    const sample = (at: number) => ({ type: 'join-attempt' as const, at, room: 'r' });
    recordEvents(store, Array.from({ length: MAX_EVENTS }, (_, index) => sample(index)));
    const seen = store.getState().recorded;
    recordEvents(store, [sample(MAX_EVENTS), sample(MAX_EVENTS + 1)]);
    expect(store.getState().events).toHaveLength(MAX_EVENTS);
    expect(eventsSince(store.getState(), seen).map((event) => event.at)).toEqual([MAX_EVENTS, MAX_EVENTS + 1]);
  });
});
