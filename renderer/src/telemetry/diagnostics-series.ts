import type { TelemetryEvent } from '../../../shared/diagnostics/telemetry-events.js';

export type QualitySample = Extract<TelemetryEvent, { type: 'quality-sample' }>;
export type SeriesMetric = 'rttMs' | 'jitterMs' | 'lossFraction' | 'bitrateBps';

/** Quality samples grouped by stream, oldest first, keeping the last `limit` of each. */
export function samplesByStream(events: readonly TelemetryEvent[], limit: number): Map<string, QualitySample[]> {
  const streams = new Map<string, QualitySample[]>();
  for (const event of events) {
    if (event.type !== 'quality-sample') continue;
    const samples = streams.get(event.feed) ?? [];
    samples.push(event);
    if (samples.length > limit) samples.shift();
    streams.set(event.feed, samples);
  }
  return streams;
}

/** An SVG polyline's points for one metric, scaled into width × height (higher values drawn higher). */
export function sparklinePoints(samples: readonly QualitySample[], metric: SeriesMetric, width: number, height: number): string {
  const values = samples.map((sample) => sample[metric]).filter((value): value is number => value !== undefined);
  if (values.length === 0) return '';
  const max = Math.max(...values, Number.EPSILON);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values.map((value, index) => `${(index * step).toFixed(1)},${(height - (value / max) * height).toFixed(1)}`).join(' ');
}

/** The figures a user checks first: last join time, reconnects, layer switches. */
export function callSummary(events: readonly TelemetryEvent[]) {
  let joinMs: number | null = null;
  let reconnects = 0;
  let layerSwitches = 0;
  let candidateType: string | null = null;
  for (const event of events) {
    if (event.type === 'join-result' && event.ok) joinMs = event.durationMs;
    if (event.type === 'reconnect' && event.outcome === 'started') reconnects += 1;
    if (event.type === 'layer-switch') layerSwitches += 1;
    if (event.type === 'ice' && event.candidateType) candidateType = event.candidateType;
  }
  return { joinMs, reconnects, layerSwitches, candidateType };
}
