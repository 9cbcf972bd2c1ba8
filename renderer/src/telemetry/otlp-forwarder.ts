import type { Attributes } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import type { TelemetryEvent } from '../../../shared/diagnostics/telemetry-events.js';
import { eventsSince, type TelemetryStore } from './telemetry-store.js';

/** Collectors aggregate: every 10 s is plenty for call-quality dashboards and cheap on the uplink. */
const DEFAULT_EXPORT_INTERVAL_MS = 10_000;

export interface OtlpForwardingOptions {
  readonly url: string;
  readonly host: 'electron' | 'web';
  readonly exportIntervalMs?: number;
}

/**
 * Forwards the call's telemetry to an OpenTelemetry collector as OTLP/HTTP
 * metrics: join time, joins, reconnects and layer switches as counters and
 * histograms, and every quality sample as RTT, jitter, loss and bitrate
 * histograms. Returns a function that flushes and stops.
 */
export function startOtlpForwarding(telemetry: TelemetryStore, options: OtlpForwardingOptions): () => Promise<void> {
  const reader = new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter({ url: options.url }),
    exportIntervalMillis: options.exportIntervalMs ?? DEFAULT_EXPORT_INTERVAL_MS,
  });
  const provider = new MeterProvider({
    resource: resourceFromAttributes({ 'service.name': 'confer', 'confer.host': options.host }),
    readers: [reader],
  });
  const meter = provider.getMeter('confer.call');
  const joinDuration = meter.createHistogram('confer.call.join.duration', { unit: 'ms', description: 'From the join action to being in the room' });
  const joins = meter.createCounter('confer.call.joins', { description: 'Join attempts by outcome' });
  const reconnects = meter.createCounter('confer.call.reconnects', { description: 'Reconnects by outcome' });
  const layerSwitches = meter.createCounter('confer.call.layer_switches', { description: 'Simulcast layer switches' });
  const rtt = meter.createHistogram('confer.call.rtt', { unit: 'ms' });
  const jitter = meter.createHistogram('confer.call.jitter', { unit: 'ms' });
  const loss = meter.createHistogram('confer.call.loss', { unit: '1', description: 'Fraction of packets lost' });
  const bitrate = meter.createHistogram('confer.call.bitrate', { unit: 'bit/s' });

  const record = (event: TelemetryEvent): void => {
    switch (event.type) {
      case 'join-result':
        joins.add(1, { outcome: event.ok ? 'joined' : 'failed' });
        if (event.ok) joinDuration.record(event.durationMs);
        return;
      case 'reconnect':
        if (event.outcome !== 'started') reconnects.add(1, { outcome: event.outcome });
        return;
      case 'layer-switch':
        layerSwitches.add(1, { direction: (event.to ?? -1) > (event.from ?? -1) ? 'up' : 'down' });
        return;
      case 'quality-sample': {
        const attributes: Attributes = { stream: event.feed === 'self' ? 'uplink' : 'downlink', quality: event.quality };
        if (event.rttMs !== undefined) rtt.record(event.rttMs, attributes);
        if (event.jitterMs !== undefined) jitter.record(event.jitterMs, attributes);
        if (event.lossFraction !== undefined) loss.record(event.lossFraction, attributes);
        if (event.bitrateBps !== undefined) bitrate.record(event.bitrateBps, attributes);
        return;
      }
      default:
        return;
    }
  };

  let seen = telemetry.getState().recorded;
  const unsubscribe = telemetry.subscribe((state) => {
    eventsSince(state, seen).forEach(record);
    seen = state.recorded;
  });
  return async () => {
    unsubscribe();
    await provider.shutdown();
  };
}
